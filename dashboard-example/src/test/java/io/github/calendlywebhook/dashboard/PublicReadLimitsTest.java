package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.EventStreamReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Public mode's per-client limits on the read API, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:public-read-limits;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=limits-password",
        "calendly.webhook.secret=limits-secret",
        "dashboard.public-page=true",
        "dashboard.metrics-per-minute=3",
        "dashboard.max-streams-per-client=2" })
class PublicReadLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void oneClientGetsAtMostItsMetricsPerMinuteWhileAnotherIsStillServed() {
        Browserless greedy = new Browserless(port, "198.51.100.120");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(greedy.get("/api/metrics").statusCode());
        }
        HttpResponse<String> refused = greedy.get("/api/metrics");

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("\"error\":\"rate_limited\"");
        assertThat(new Browserless(port, "198.51.100.121").get("/api/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void addressesOfOneIpv6Slash64ShareOneMetricsLimit() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            statuses.add(new Browserless(port, "2001:db8:77:1::" + i).get("/api/metrics").statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429);
    }

    @Test
    void oneClientCanHoldOnlyItsOwnNumberOfLiveStreams() throws Exception {
        String url = "http://127.0.0.1:" + port + "/api/stream";
        try (EventStreamReader first = new EventStreamReader(url, "X-Forwarded-For", "198.51.100.130");
                EventStreamReader second = new EventStreamReader(url, "X-Forwarded-For", "198.51.100.130");
                EventStreamReader third = new EventStreamReader(url, "X-Forwarded-For", "198.51.100.130");
                EventStreamReader other = new EventStreamReader(url, "X-Forwarded-For", "198.51.100.131")) {

            assertThat(List.of(first.status(), second.status())).containsOnly(200);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(other.status()).isEqualTo(200);
        }
    }
}
