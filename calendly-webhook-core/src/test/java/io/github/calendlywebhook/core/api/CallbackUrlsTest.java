package io.github.calendlywebhook.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
