package io.github.calendlywebhook.core.api;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.calendlywebhook.core.testing.CalendlyApiJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Calendly resources as JSON text ({@link CalendlyApiJson}), and a client pointed at WireMock that records its waits. */
final class CalendlyFixtures {

    static final String TOKEN = "pat-test-0123456789-secret";
    static final String API = CalendlyApiJson.API;
    static final String ORG = CalendlyApiJson.ORG;
    static final String USER = CalendlyApiJson.USER;

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
        return CalendlyApiJson.me("Europe/Berlin");
    }

    static String subscription(String uuid, String url, String state, String retryStartedAt, String... events) {
        return CalendlyApiJson.subscription(uuid, url, state, retryStartedAt, List.of(events));
    }

    static String page(String nextToken, String... items) {
        return CalendlyApiJson.page(nextToken, List.of(items));
    }

    static String resource(String json) {
        return CalendlyApiJson.resource(json);
    }
}
