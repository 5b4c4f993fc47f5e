package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
        "application/json;charset=\"UTF-8\"", "application/cloudevents+json", " application/json ; foo=bar"})
    void acceptsJsonContentTypes(String type) {
        assertThat(HttpBodies.isJson(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/xml", "application/jsonp", "text/json",
        "application/+json", "application/a/b+json", "application/json; charset=utf-16", "multipart/form-data",
        "application/x-www-form-urlencoded"})
    void refusesOtherContentTypes(String type) {
        assertThat(HttpBodies.isJson(type)).isFalse();
    }

    @Test
    void refusesAnAbsentContentType() {
        assertThat(HttpBodies.isJson(null)).isFalse();
    }

    @Test
    void returnsABodyOfExactlyTheLimit() throws Exception {
        assertThat(HttpBodies.readAtMost(new ByteArrayInputStream(new byte[100]), 100)).hasSize(100);
    }

    @Test
    void returnsNullForABodyOneByteOverTheLimit() throws Exception {
        assertThat(HttpBodies.readAtMost(new ByteArrayInputStream(new byte[101]), 100)).isNull();
    }
}
