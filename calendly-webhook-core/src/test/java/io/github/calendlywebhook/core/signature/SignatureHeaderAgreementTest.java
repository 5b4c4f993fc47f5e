package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The in-place header reader agrees with the straightforward one it replaced (split, trim, substring,
 * hex decode), kept here as the reference: same reason and message for every rejected header, same
 * timestamp text and number, and the same signatures for every accepted one.
 */
class SignatureHeaderAgreementTest {

    private static final String[] FRAGMENTS = {
        "t", "v1", "v0", "V1", "T", "=", ",", " ", "\t", "\u0000", "\u001f", "\u00a0", "==", "-", "+", "0",
        "1700000000", "99999999999999999999", "9223372036854775807", "9223372036854775808", "a", "F",
        "\u0661", "\u00e9", "\uFFFF", "t=", "v1=", "0".repeat(63), "f".repeat(64), "A".repeat(64),
        "0123456789abcdefABCDEF0123456789abcdefABCDEF0123456789abcdef0123", ";", "\"", "g".repeat(64),
    };

    @Test
    void agreesWithTheReferenceOnRandomFragmentHeaders() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder header = new StringBuilder();
            int parts = random.nextInt(14);
            for (int p = 0; p < parts; p++) {
                header.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            assertAgrees(header.toString());
        }
    }

    @Test
    void agreesWithTheReferenceOnHandPickedEdgeCases() {
        String sig = "ab".repeat(32);
        List<String> headers = List.of("", " ", ",", "t=", "t= ", "=1", "t=1", "v1=" + sig, "t=1,v1=" + sig,
                "t=1,v1=" + sig + ",", ",t=1,,v1=" + sig + ",,", " t = 1 , v1 = " + sig + " ", "t=1=2,v1=" + sig,
                "t=1,t=1,v1=" + sig, "t=1,v1=" + sig + "0", "t=1,v1=" + sig.substring(1), "t=01,v1=" + sig,
                "t=9223372036854775807,v1=" + sig, "t=9223372036854775808,v1=" + sig, "t=-1,v1=" + sig,
                "t=1,v1=" + sig.toUpperCase(java.util.Locale.ROOT), "t=1,v1=" + sig + ",v1=" + "cd".repeat(32),
                "t=1,V1=" + sig, "t=1,v1 =" + sig, "\u0000t=1\u0000,\u0000v1=" + sig + "\u0000",
                "\u00a0t=1,v1=" + sig, "t=\u0661,v1=" + sig, "t=1;v1=" + sig, "x=y,t=1,v1=zz,v1=" + sig);
        for (String header : headers) {
            assertAgrees(header);
        }
    }

    @Test
    void comparesHexOfEitherCaseAgainstTheMac() {
        byte[] mac = new byte[HmacSha256.LENGTH];
        new Random(3).nextBytes(mac);
        String lower = HexFormat.of().formatHex(mac);

        assertThat(SignatureHeader.equalsHex(mac, lower, 0)).isTrue();
        assertThat(SignatureHeader.equalsHex(mac, "x" + lower.toUpperCase(java.util.Locale.ROOT), 1)).isTrue();
    }

    @Test
    void hexComparisonFailsForEveryChangedDigit() {
        byte[] mac = new byte[HmacSha256.LENGTH];
        new Random(4).nextBytes(mac);
        String hex = HexFormat.of().formatHex(mac);
        int accepted = 0;
        for (int i = 0; i < hex.length(); i++) {
            for (char digit : "0123456789abcdefABCDEF".toCharArray()) {
                if (Character.toLowerCase(digit) != hex.charAt(i)) {
                    String changed = hex.substring(0, i) + digit + hex.substring(i + 1);
                    accepted += SignatureHeader.equalsHex(mac, changed, 0) ? 1 : 0;
                }
            }
        }
        assertThat(accepted).isZero();
    }

    @Test
    void aSingleSignatureIsDecodedOnceAndMatchesOnlyItsOwnMac() {
        byte[] mac = new byte[HmacSha256.LENGTH];
        new Random(5).nextBytes(mac);
        String hex = HexFormat.of().formatHex(mac);
        int accepted = 0;
        for (int i = 0; i < hex.length(); i++) {
            for (char digit : "0123456789abcdefABCDEF".toCharArray()) {
                if (Character.toLowerCase(digit) != hex.charAt(i)) {
                    String changed = hex.substring(0, i) + digit + hex.substring(i + 1);
                    accepted += SignatureHeader.parse("t=1,v1=" + changed).matchesAny(mac) ? 1 : 0;
                }
            }
        }

        assertThat(SignatureHeader.parse("t=1,v1=" + hex.toUpperCase(java.util.Locale.ROOT)).matchesAny(mac)).isTrue();
        assertThat(accepted).isZero();
    }

    private static void assertAgrees(String header) {
        Reference expected = Reference.parse(header);
        SignatureHeader actual;
        try {
            actual = SignatureHeader.parse(header);
        } catch (SignatureVerificationException e) {
            assertThat(expected.failure).as("header %s", header).isNotNull();
            assertThat(e.reason()).as("header %s", header).isEqualTo(expected.failure.reason());
            assertThat(e.getMessage()).as("header %s", header).isEqualTo(expected.failure.getMessage());
            return;
        }
        assertThat(expected.failure).as("header %s", header).isNull();
        assertThat(actual.timestamp()).as("header %s", header).isEqualTo(expected.timestamp);
        assertThat(actual.epochSecond()).as("header %s", header).isEqualTo(expected.epochSecond);
        assertThat(actual.signatures()).as("header %s", header).isEqualTo(expected.signatures.size());
        for (byte[] signature : expected.signatures) {
            assertThat(actual.matchesAny(signature)).as("header %s", header).isTrue();
        }
        byte[] other = new byte[HmacSha256.LENGTH];
        other[0] = 0x5a;
        boolean expectedOther = expected.signatures.stream().anyMatch(s -> java.util.Arrays.equals(s, other));
        assertThat(actual.matchesAny(other)).as("header %s", header).isEqualTo(expectedOther);
    }

    /** The header reader as first written, kept as the oracle. */
    private static final class Reference {

        @Nullable SignatureVerificationException failure;
        @Nullable String timestamp;
        long epochSecond;
        final List<byte[]> signatures = new ArrayList<>();

        static Reference parse(@Nullable String value) {
            Reference r = new Reference();
            try {
                r.read(value);
            } catch (SignatureVerificationException e) {
                r.failure = e;
            }
            return r;
        }

        private void read(@Nullable String value) {
            if (value == null || value.isBlank()) {
                throw new SignatureVerificationException(Reason.MISSING, "the signature header is missing");
            }
            for (String part : value.split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = part.substring(0, eq).trim();
                String text = part.substring(eq + 1).trim();
                if (key.equals("t")) {
                    if (timestamp != null) {
                        throw malformed("the signature header has more than one timestamp");
                    }
                    timestamp = text;
                } else if (key.equals("v1") && text.length() == 64 && text.chars().allMatch(
                        c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    signatures.add(HexFormat.of().parseHex(text));
                }
            }
            if (timestamp == null) {
                throw malformed("the signature header has no timestamp");
            }
            epochSecond = seconds(timestamp);
            if (signatures.isEmpty()) {
                throw malformed("the signature header has no v1 signature of 64 hex digits");
            }
        }

        private static long seconds(String text) {
            if (text.isEmpty()) {
                throw malformed("the signature timestamp is empty");
            }
            if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw malformed("the signature timestamp is not a number of seconds");
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw malformed("the signature timestamp is out of range");
            }
        }

        private static SignatureVerificationException malformed(String message) {
            return new SignatureVerificationException(Reason.MALFORMED, message);
        }
    }
}
