package io.github.calendlywebhook.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/api/webhooks/calendly", "http://localhost:8080/hook",
        "http://127.0.0.1/hook", "http://[::1]:8080/hook"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertThat(CallbackUrls.requireSafe(url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/hook", "http://10.0.0.5/hook", "ftp://hooks.example.com/x",
        "https://user:pass@hooks.example.com/x", "https://hooks.example.com/x#frag", "/relative", "not a url"})
    void refusesEverythingElse(String url) {
        assertThatThrownBy(() -> CallbackUrls.requireSafe(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpointDropsOnlyTheRotationParameter() {
        assertThat(CallbackUrls.endpoint("https://h.example/hook?tenant=a&rotation=17&x=1"))
                .isEqualTo("https://h.example/hook?tenant=a&x=1");
        assertThat(CallbackUrls.endpoint("https://h.example/hook?rotation=17")).isEqualTo("https://h.example/hook");
        assertThat(CallbackUrls.endpoint("https://h.example/hook")).isEqualTo("https://h.example/hook");
    }

    @Test
    void variantsOfOneUrlReachTheSameEndpoint() {
        assertThat(CallbackUrls.sameEndpoint("https://H.example/hook?rotation=1", "https://h.example/hook")).isTrue();
        assertThat(CallbackUrls.sameEndpoint("https://h.example/hook?tenant=a", "https://h.example/hook")).isFalse();
        assertThat(CallbackUrls.sameEndpoint("https://h.example/hook", "https://h.example/other")).isFalse();
    }

    @Test
    void rotatedMarksTheEndpointWithTheEpochSecond() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);

        assertThat(CallbackUrls.rotated("https://h.example/hook?rotation=5", now))
                .isEqualTo("https://h.example/hook?rotation=1700000000");
        assertThat(CallbackUrls.rotated("https://h.example/hook?tenant=a", now))
                .isEqualTo("https://h.example/hook?tenant=a&rotation=1700000000");
    }

    @Test
    void rotatedNeverReturnsTheUrlItReplaces() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String current = "https://h.example/hook?rotation=1700000000";

        assertThat(CallbackUrls.rotated(current, now)).isNotEqualTo(current)
                .isEqualTo("https://h.example/hook?rotation=1700000001");
    }
}
