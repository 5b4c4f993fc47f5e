package io.github.calendlywebhook.core.testing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Calendly API resources as JSON text, as the API answers them, for WireMock stubs. */
public final class CalendlyApiJson {

    /** The API base URL that resource URIs start with. */
    public static final String API = "https://api.calendly.com";
    /** The organization of the token's user. */
    public static final String ORG = API + "/organizations/ORG1";
    /** The token's user. */
    public static final String USER = API + "/users/USER1";

    private CalendlyApiJson() {
    }

    /**
     * Returns the answer to {@code GET /users/me}.
     *
     * @param timezone the user's time zone
     * @return the resource
     */
    public static String me(String timezone) {
        return resource("{\"uri\":\"" + USER + "\",\"name\":\"Ada Host\",\"email\":\"ada@example.com\","
                + "\"timezone\":\"" + timezone + "\",\"current_organization\":\"" + ORG + "\"}");
    }

    /**
     * Returns one organization-scoped webhook subscription as Calendly lists it.
     *
     * @param uuid the last segment of its URI
     * @param url its callback URL
     * @param state {@code active} or {@code disabled}
     * @param retryStartedAt when retries started, or {@code null}
     * @param events its event names
     * @return the subscription object
     */
    public static String subscription(String uuid, String url, String state, @Nullable String retryStartedAt,
            List<String> events) {
        StringBuilder names = new StringBuilder();
        for (String event : events) {
            names.append(names.length() == 0 ? "" : ",").append('"').append(event).append('"');
        }
        return "{\"uri\":\"" + API + "/webhook_subscriptions/" + uuid + "\",\"callback_url\":\"" + url + "\","
                + "\"created_at\":\"2026-01-02T10:00:00.000000Z\",\"updated_at\":\"2026-01-02T10:00:00.000000Z\","
                + "\"retry_started_at\":" + (retryStartedAt == null ? "null" : "\"" + retryStartedAt + "\"")
                + ",\"state\":\"" + state + "\",\"events\":[" + names + "],\"scope\":\"organization\","
                + "\"organization\":\"" + ORG + "\",\"user\":null,\"creator\":\"" + USER + "\"}";
    }

    /**
     * Returns one page of a collection.
     *
     * @param nextToken the next page's token, or {@code null} on the last page
     * @param items the page's items as JSON objects
     * @return the page
     */
    public static String page(@Nullable String nextToken, List<String> items) {
        return "{\"collection\":[" + String.join(",", items) + "],\"pagination\":{\"count\":" + items.size()
                + ",\"next_page\":" + (nextToken == null ? "null"
                        : "\"" + API + "/collection?count=100&page_token=" + nextToken + "\"")
                + ",\"previous_page\":null,\"next_page_token\":"
                + (nextToken == null ? "null" : "\"" + nextToken + "\"") + ",\"previous_page_token\":null}}";
    }

    /**
     * Wraps a resource as a single-resource answer.
     *
     * @param json the resource object
     * @return {@code {"resource": json}}
     */
    public static String resource(String json) {
        return "{\"resource\":" + json + "}";
    }
}
