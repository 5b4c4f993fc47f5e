package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests. Every expected signature was computed outside Java with OpenSSL, with the exact
 * command given on each constant (bash, UTF-8 locale; {@code $'...'} is bash ANSI-C quoting).
 */
class SignatureVectorsTest {

    private static final long T = 1_700_000_000L;
    private final MutableClock clock = MutableClock.atEpochSecond(T);

    private static final String ASCII_BODY =
            "{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"https://api.calendly.com/scheduled_events/AAA/invitees/BBB\"}}";
    /**
     * {@code printf '%s' '1700000000.{"event":"invitee.created","payload":{"uri":"https://api.calendly.com/scheduled_events/AAA/invitees/BBB"}}' | openssl dgst -sha256 -hmac 'secret'}
     */
    private static final String ASCII_V1 = "52aa845fcf494d55c4e85308a6159af8fc1a3f63765ec737e8be577382ebea8e";

    private static final String NON_ASCII_BODY =
            "{\"event\":\"invitee.created\",\"payload\":{\"name\":\"Zo\u00eb \u00c5ngstr\u00f6m\",\"note\":\"\u65e5\u672c\u8a9e \u2013 caf\u00e9 \u2615\"}}";
    /**
     * {@code printf '%s' '1700000000.{"event":"invitee.created","payload":{"name":"Zoë Ångström","note":"日本語 – café ☕"}}' | openssl dgst -sha256 -hmac 'secret'}
     */
    private static final String NON_ASCII_V1 = "774d2285270ac6791340fd3503e4df15737fed2020a3ea80cdf31db094d1bafe";

    private static final String WHITESPACE_BODY = "{ \"event\" :\t\"invitee.canceled\" ,\r\n  \"payload\": {}  }\n";
    /**
     * {@code printf '%s' $'1700000000.{ "event" :\t"invitee.canceled" ,\r\n  "payload": {}  }\n' | openssl dgst -sha256 -hmac 'secret'}
     */
    private static final String WHITESPACE_V1 = "b140dd36eb00dd656c2a09d1787c7df69deadeea5fb45ec957e0b42bb772277f";

    /** {@code printf '%s' '1700000000.' | openssl dgst -sha256 -hmac 'secret'} */
    private static final String EMPTY_V1 = "4bc5f74d868b97888288889c5d9d65df02526f94c1592a79fdf4fe8b26e311e5";

    private static final String NON_ASCII_SECRET = "wh_sec_\u00c4\u00d6\u00fc";
    /** {@code printf '%s' '1700000000.{"event":"invitee.created"}' | openssl dgst -sha256 -hmac 'wh_sec_ÄÖü'} */
    private static final String NON_ASCII_SECRET_V1 = "c84429633fffdde766f8e2ba116c541e2ca1c4f0f6c132910d524c8790f1188a";

    private SignatureVerifier verifier(String secret) {
        return SignatureVerifier.builder().secret(secret).clock(clock).build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsOpenSslSignatureOfAsciiBody() {
        assertThatCode(() -> verifier("secret").verify("t=" + T + ",v1=" + ASCII_V1, utf8(ASCII_BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsOpenSslSignatureOfNonAsciiBody() {
        assertThatCode(() -> verifier("secret").verify("t=" + T + ",v1=" + NON_ASCII_V1, utf8(NON_ASCII_BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsOpenSslSignatureOfBodyWithOddWhitespace() {
        assertThatCode(() -> verifier("secret").verify("t=" + T + ",v1=" + WHITESPACE_V1, utf8(WHITESPACE_BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsOpenSslSignatureOfEmptyBody() {
        assertThatCode(() -> verifier("secret").verify("t=" + T + ",v1=" + EMPTY_V1, new byte[0]))
                .doesNotThrowAnyException();
    }

    @Test
    void keysWithTheUtf8BytesOfANonAsciiSecret() {
        assertThatCode(() -> verifier(NON_ASCII_SECRET)
                .verify("t=" + T + ",v1=" + NON_ASCII_SECRET_V1, utf8("{\"event\":\"invitee.created\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void signerReproducesTheOpenSslVectors() {
        WebhookSigner signer = new WebhookSigner("secret", clock);

        assertThat(signer.sign(utf8(ASCII_BODY), Instant.ofEpochSecond(T))).isEqualTo("t=" + T + ",v1=" + ASCII_V1);
        assertThat(signer.sign(utf8(NON_ASCII_BODY))).isEqualTo("t=" + T + ",v1=" + NON_ASCII_V1);
        assertThat(signer.sign(utf8(WHITESPACE_BODY))).isEqualTo("t=" + T + ",v1=" + WHITESPACE_V1);
    }

    @Test
    void nonAsciiBodyIsEncodedAsExpected() {
        // guards the vector itself: the Java literal must be the same UTF-8 bytes that were given to OpenSSL
        assertThat(utf8(NON_ASCII_BODY)).hasSize(97);
    }
}
