package io.github.calendlywebhook.core.api;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Calendly resources as JSON text, and a client pointed at WireMock that records its waits. */
final class CalendlyFixtures {

    static final String TOKEN = "pat-test-0123456789-secret";
    static final String API = "https://api.calendly.com";
    static final String ORG = API + "/organizations/ORG1";
    static final String USER = API + "/users/USER1";

    private CalendlyFixtures() {
    }

    /** Records the waits a client asks for instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    static CalendlyApiClient client(WireMockExtension wireMock, Sleeper sleeper) {
        return CalendlyApiClient.builder(TOKEN)
                .baseUrl("http://127.0.0.1:" + wireMock.getPort())
                .sleeper(sleeper)
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    static String me() {
        return "{\"resource\":{\"uri\":\"" + USER + "\",\"name\":\"Ada Host\",\"email\":\"ada@example.com\","
                + "\"timezone\":\"Europe/Berlin\",\"current_organization\":\"" + ORG + "\"}}";
    }

    static String subscription(String uuid, String url, String state, String retryStartedAt, String... events) {
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

    static String page(String nextToken, String... items) {
        return "{\"collection\":[" + String.join(",", items) + "],\"pagination\":{\"count\":" + items.length
                + ",\"next_page\":" + (nextToken == null ? "null"
                        : "\"" + API + "/whatever?count=100&page_token=" + nextToken + "\"")
                + ",\"previous_page\":null,\"next_page_token\":"
                + (nextToken == null ? "null" : "\"" + nextToken + "\"") + ",\"previous_page_token\":null}}";
    }

    static String resource(String json) {
        return "{\"resource\":" + json + "}";
    }
}
