package io.github.calendlywebhook.core.signature;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the {@code Calendly-Webhook-Signature} header of a delivery against its raw body.
 *
 * <p>The header is {@code t=<unix seconds>,v1=<hex>} where {@code v1} is the lower- or upper-case hex
 * of HMAC-SHA256, keyed with the UTF-8 bytes of the secret, over the timestamp text, a dot and the raw
 * body bytes. The timestamp must lie within the tolerance of the clock's time in either direction
 * (the boundary itself is accepted). Any {@code v1} entry may match, under the current secret or a
 * previous secret whose expiry the clock has not reached. Signatures are compared in constant time.
 * Instances are immutable and thread-safe.
 */
public final class SignatureVerifier {

    /** The header Calendly sends: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}. */
    public static final String HEADER = "Calendly-Webhook-Signature";

    /** The header name used by the setup guide; accepted with the same value format. */
    public static final String LEGACY_HEADER = "X-Calendly-Signature";

    /** Calendly's own tolerance, three minutes: the builder's default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(3);

    private final AcceptedKey[] keys;
    private final Duration tolerance;
    /** The tolerance in whole seconds, rounded down. */
    private final long toleranceSeconds;
    private final Clock clock;

    private SignatureVerifier(List<AcceptedKey> keys, Duration tolerance, Clock clock) {
        this.keys = keys.toArray(new AcceptedKey[0]);
        this.tolerance = tolerance;
        this.toleranceSeconds = tolerance.getSeconds();
        this.clock = clock;
    }

    /**
     * Returns a builder with the default tolerance, the system UTC clock and no secret.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a signature header against the raw body.
     *
     * @param headerValue the header value, or {@code null} when the header is absent
     * @param body the raw body bytes, exactly as received
     * @throws SignatureVerificationException when the header is missing, malformed, out of tolerance, or
     *     matches under no accepted secret
     */
    public void verify(@Nullable String headerValue, byte[] body) {
        Objects.requireNonNull(body, "body");
        SignatureHeader header = SignatureHeader.parse(headerValue);
        Instant now = clock.instant();
        checkTolerance(header.epochSecond(), now);
        boolean matched = false;
        for (AcceptedKey key : keys) {
            if (key.acceptedAt(now)) {
                matched |= key.hmac().matchesAny(header, body);
            }
        }
        if (!matched) {
            throw new SignatureVerificationException(Reason.MISMATCH, "the signature does not match the body");
        }
    }

    private void checkTolerance(long epochSecond, Instant now) {
        // Whole seconds well inside the tolerance need no Duration arithmetic; anything near or past the
        // boundary takes the exact path below.
        long apart = now.getEpochSecond() - epochSecond;
        if (epochSecond <= Instant.MAX.getEpochSecond() && apart > -toleranceSeconds && apart < toleranceSeconds - 1) {
            return;
        }
        if (epochSecond > Instant.MAX.getEpochSecond()) {
            throw outOfTolerance("the signature timestamp is too far in the future");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(epochSecond), now);
        if (age.abs().compareTo(tolerance) > 0) {
            String direction = age.isNegative() ? " s in the future" : " s old";
            throw outOfTolerance("the signature timestamp is " + age.abs().toSeconds() + direction
                    + ", more than the tolerance of " + tolerance.toSeconds() + " s");
        }
    }

    private static SignatureVerificationException outOfTolerance(String message) {
        return new SignatureVerificationException(Reason.TIMESTAMP_OUT_OF_TOLERANCE, message);
    }

    @Override
    public String toString() {
        return "SignatureVerifier[secrets=" + keys.length + ", tolerance=" + tolerance + "]";
    }

    /** A secret with the instant from which it is refused; {@code null} for the current secret. */
    private record AcceptedKey(HmacSha256 hmac, @Nullable Instant expiresAt) {

        boolean acceptedAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    /** Builds a {@link SignatureVerifier}; every setter validates its argument. */
    public static final class Builder {

        private @Nullable String secret;
        private final List<AcceptedKey> previous = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the current secret.
         *
         * @param secret the signing secret
         * @return this builder
         * @throws IllegalArgumentException when the secret is blank
         */
        public Builder secret(String secret) {
            this.secret = requireSecret(secret, "secret");
            return this;
        }

        /**
         * Adds a previous secret, accepted while the clock is before {@code expiresAt}.
         *
         * @param secret the previous signing secret
         * @param expiresAt the instant from which it is refused
         * @return this builder
         * @throws IllegalArgumentException when the secret is blank
         */
        public Builder previousSecret(String secret, Instant expiresAt) {
            Objects.requireNonNull(expiresAt, "expiresAt");
            previous.add(new AcceptedKey(new HmacSha256(requireSecret(secret, "previous secret")), expiresAt));
            return this;
        }

        /**
         * Sets how far the signature timestamp may be from now, in either direction.
         *
         * @param tolerance a positive duration; the default is three minutes
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder tolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "tolerance");
            if (tolerance.isNegative() || tolerance.isZero()) {
                throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /**
         * Sets the clock that decides what "now" is, for the tolerance and for secret expiry.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Returns the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException when no secret was set
         */
        public SignatureVerifier build() {
            if (secret == null) {
                throw new IllegalStateException("a signing secret is required");
            }
            List<AcceptedKey> keys = new ArrayList<>();
            keys.add(new AcceptedKey(new HmacSha256(secret), null));
            keys.addAll(previous);
            return new SignatureVerifier(keys, tolerance, clock);
        }

        private static String requireSecret(@Nullable String secret, String what) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return secret;
        }
    }
}
