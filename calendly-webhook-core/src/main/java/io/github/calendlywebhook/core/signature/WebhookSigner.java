package io.github.calendlywebhook.core.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Produces {@code Calendly-Webhook-Signature} header values the way Calendly does, for tests, the
 * dashboard's "Test Webhook" action and manual requests. Thread-safe.
 */
public final class WebhookSigner {

    private final HmacSha256 hmac;
    private final Clock clock;

    /**
     * Creates a signer.
     *
     * @param secret the signing secret
     * @param clock the clock whose time {@link #sign(byte[])} stamps
     * @throws IllegalArgumentException when the secret is blank
     */
    public WebhookSigner(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        this.hmac = new HmacSha256(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the header value signing the body at the clock's current second.
     *
     * @param body the raw body bytes
     * @return {@code t=<unix seconds>,v1=<lower-case hex>}
     */
    public String sign(byte[] body) {
        return sign(body, clock.instant());
    }

    /**
     * Returns the header value signing the body at the given time, truncated to the second.
     *
     * @param body the raw body bytes
     * @param timestamp the signing time
     * @return {@code t=<unix seconds>,v1=<lower-case hex>}
     * @throws IllegalArgumentException when the timestamp is before the epoch
     */
    public String sign(byte[] body, Instant timestamp) {
        Objects.requireNonNull(body, "body");
        if (timestamp.getEpochSecond() < 0) {
            throw new IllegalArgumentException("timestamp must not be before the epoch, was " + timestamp);
        }
        String t = Long.toString(timestamp.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac.sign(t, body));
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret=******]";
    }
}
