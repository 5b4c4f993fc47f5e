package io.github.calendlywebhook.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads every page of a Calendly collection. The next page is requested by repeating the query with
 * {@code page_token} = {@code pagination.next_page_token}; when only {@code pagination.next_page} is sent,
 * its {@code page_token} parameter is used, so the token is only ever sent to the configured base URL.
 */
final class Pages {

    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100_000;

    private Pages() {
    }

    static <T> List<T> all(ApiTransport transport, String path, Map<String, String> query,
            Function<JsonNode, T> mapper) {
        List<T> items = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        Map<String, String> pageQuery = new LinkedHashMap<>(query);
        pageQuery.put("count", String.valueOf(PAGE_SIZE));
        for (int page = 0; page < MAX_PAGES; page++) {
            ApiTransport.Response response = transport.execute("GET", transport.uri(path, pageQuery), null);
            JsonNode body = response.body();
            if (response.notFound() || body == null) {
                return items;
            }
            body.path("collection").forEach(item -> items.add(mapper.apply(item)));
            String token = nextToken(body.path("pagination"));
            if (token == null || !seenTokens.add(token)) {
                return items;
            }
            pageQuery.put("page_token", token);
        }
        throw new CalendlyApiException(CalendlyApiException.BAD_RESPONSE, 200, null,
                "Calendly kept sending more pages of " + path, null);
    }

    private static @Nullable String nextToken(JsonNode pagination) {
        String token = ApiResources.text(pagination, "next_page_token");
        if (token != null) {
            return token;
        }
        String next = ApiResources.text(pagination, "next_page");
        return next == null ? null : queryParameter(next, "page_token");
    }

    private static @Nullable String queryParameter(String url, String name) {
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
