package io.github.calendlywebhook.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Calendly signature check as applications typically write it by hand, ported from the setup guide's
 * Node.js snippet: split the header, build the signed string, a new {@code Mac} per request, hex
 * encode, compare strings. The second baseline of the signature benchmark.
 */
public final class HandWrittenVerifier {

    private final String secret;
    private final Clock clock;
    private final long toleranceSeconds;

    /**
     * Creates the verifier.
     *
     * @param secret the signing secret
     * @param clock the clock the tolerance is checked against
     * @param toleranceSeconds how far a timestamp may be from now
     */
    public HandWrittenVerifier(String secret, Clock clock, long toleranceSeconds) {
        this.secret = secret;
        this.clock = clock;
        this.toleranceSeconds = toleranceSeconds;
    }

    /**
     * Returns whether the header carries a valid signature of the body.
     *
     * @param header the {@code Calendly-Webhook-Signature} value
     * @param body the raw body
     * @return whether the signature is valid and recent
     */
    public boolean verify(String header, byte[] body) {
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > toleranceSeconds) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = timestamp + "." + new String(body, StandardCharsets.UTF_8);
            String expected = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
