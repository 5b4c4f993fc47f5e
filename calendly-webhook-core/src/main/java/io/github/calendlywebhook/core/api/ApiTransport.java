package io.github.calendlywebhook.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends authenticated requests to Calendly, retrying 429s, 5xx and connection failures within a bound.
 * A POST is not idempotent, so it is retried only when Calendly cannot have applied it: after a 429, a
 * 503, or a failure to connect.
 */
final class ApiTransport {

    /** Reads decimals exactly, keeping their scale, so rebuilt bodies carry the amounts Calendly sent. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);

    /** A successful answer, or a 404 (body {@code null}). */
    record Response(int status, @Nullable JsonNode body) {
        boolean notFound() {
            return status == 404;
        }
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    ApiTransport(HttpClient http, URI baseUrl, String token, Duration requestTimeout, RetryPolicy retry,
            Sleeper sleeper) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + token;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    URI baseUrl() {
        return baseUrl;
    }

    URI uri(String path, Map<String, String> query) {
        String base = baseUrl.toString();
        StringBuilder uri = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .append(path);
        if (!query.isEmpty()) {
            StringJoiner joiner = new StringJoiner("&", "?", "");
            query.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
            uri.append(joiner);
        }
        return URI.create(uri.toString());
    }

    Response execute(String method, URI uri, @Nullable JsonNode body) {
        HttpRequest request = request(method, uri, body);
        boolean idempotent = !"POST".equals(method);
        int retries = 0;
        while (true) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!idempotent && !neverSent(e)) {
                    throw new CalendlyApiException(CalendlyApiException.UNAVAILABLE, 0, null, "Calendly did not "
                            + "answer " + method + " " + uri.getPath() + " (not retried: it may have been applied)", e);
                }
                retries = pause(retries, retry.backoff(retries), method, uri, "connection failure",
                        () -> new CalendlyApiException(CalendlyApiException.UNAVAILABLE, 0, null,
                                "Calendly could not be reached: " + e.getClass().getSimpleName(), e));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalendlyApiException(CalendlyApiException.UNAVAILABLE, 0, null,
                        "interrupted while calling Calendly", e);
            }
            int status = response.statusCode();
            if (status == 429) {
                retries = pause(retries, retry.rateLimitWait(response.headers()), method, uri, "429",
                        () -> new CalendlyApiException(CalendlyApiException.RATE_LIMITED, 429, null,
                                "Calendly kept answering 429 Too Many Requests after " + retry.maxRetries()
                                        + " retries", null));
            } else if (status >= 500 && !idempotent && status != 503) {
                throw new CalendlyApiException(CalendlyApiException.UNAVAILABLE, status, null, "Calendly answered "
                        + status + " to " + method + " " + uri.getPath() + " (not retried: it may have been applied)",
                        null);
            } else if (status >= 500) {
                retries = pause(retries, retry.backoff(retries), method, uri, String.valueOf(status),
                        () -> new CalendlyApiException(CalendlyApiException.UNAVAILABLE, status, null,
                                "Calendly answered " + status + " after " + retry.maxRetries() + " retries", null));
            } else {
                return answer(method, uri, status, response.body());
            }
        }
    }

    /** Returns whether the failure happened before the request could reach Calendly. */
    private static boolean neverSent(IOException e) {
        return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException;
    }

    private int pause(int retries, Duration wait, String method, URI uri, String reason,
            Supplier<CalendlyApiException> exhausted) {
        if (retries >= retry.maxRetries()) {
            throw exhausted.get();
        }
        LOG.debug("Calendly {} {} failed ({}), retrying in {}", method, uri.getPath(), reason, wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendlyApiException(CalendlyApiException.UNAVAILABLE, 0, null,
                    "interrupted while waiting to retry a Calendly call", e);
        }
        return retries + 1;
    }

    private Response answer(String method, URI uri, int status, byte[] body) {
        if (status == 404) {
            return new Response(404, null);
        }
        if (status >= 400) {
            throw ApiErrors.toException(method, uri, status, body);
        }
        if (body.length == 0) {
            return new Response(status, null);
        }
        try {
            return new Response(status, JSON.readTree(body));
        } catch (IOException e) {
            throw new CalendlyApiException(CalendlyApiException.BAD_RESPONSE, status, null,
                    "Calendly answered " + method + " " + uri.getPath() + " with a body that is not JSON", e);
        }
    }

    private HttpRequest request(String method, URI uri, @Nullable JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a request body", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ApiTransport[baseUrl=" + baseUrl + "]";
    }
}
