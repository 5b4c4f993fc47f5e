package io.github.calendlywebhook.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(90), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void doublesTheBackoffUpToTheCap() {
        assertThat(List.of(policy.backoff(0), policy.backoff(1), policy.backoff(4), policy.backoff(40)))
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(8),
                        Duration.ofSeconds(8));
    }

    @Test
    void readsTheResetAsSecondsToWait() {
        assertThat(policy.rateLimitWait(headers("X-RateLimit-Reset", "42"))).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void understandsAnEpochSecondReset() {
        String at = String.valueOf(NOW.plusSeconds(30).getEpochSecond());

        assertThat(policy.rateLimitWait(headers("X-RateLimit-Reset", at))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fallsBackToRetryAfter() {
        assertThat(policy.rateLimitWait(headers("Retry-After", "5"))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void waitsSixtySecondsWithoutAnyHint() {
        assertThat(policy.rateLimitWait(headers("X-Other", "5"))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void capsAnUnreasonableReset() {
        assertThat(policy.rateLimitWait(headers("X-RateLimit-Reset", "86400"))).isEqualTo(Duration.ofSeconds(90));
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }
}
