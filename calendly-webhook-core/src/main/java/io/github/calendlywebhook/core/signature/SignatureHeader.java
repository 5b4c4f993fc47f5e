package io.github.calendlywebhook.core.signature;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code t=<unix seconds>,v1=<hex>} header value. Parsing is tolerant about layout (whitespace
 * around parts, empty parts, unknown keys, several {@code v1} entries) and strict about content: one
 * timestamp of ASCII digits that fits a {@code long}, and signatures of exactly 64 hex digits (either
 * case). Malformed {@code v1} entries are skipped; a header without any usable one is malformed.
 *
 * @param timestamp the timestamp exactly as sent, the text that was signed
 * @param epochSecond the timestamp as a number
 * @param signatures the decoded signatures, 32 bytes each, at least one
 */
record SignatureHeader(String timestamp, long epochSecond, List<byte[]> signatures) {

    private static final int HEX_LENGTH = HmacSha256.LENGTH * 2;

    static SignatureHeader parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new SignatureVerificationException(Reason.MISSING, "the signature header is missing");
        }
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>(1);
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
            } else if (key.equals("v1") && isHex(text)) {
                signatures.add(HexFormat.of().parseHex(text));
            }
        }
        if (timestamp == null) {
            throw malformed("the signature header has no timestamp");
        }
        long epochSecond = parseSeconds(timestamp);
        if (signatures.isEmpty()) {
            throw malformed("the signature header has no v1 signature of 64 hex digits");
        }
        return new SignatureHeader(timestamp, epochSecond, List.copyOf(signatures));
    }

    private static long parseSeconds(String text) {
        if (text.isEmpty()) {
            throw malformed("the signature timestamp is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("the signature timestamp is not a number of seconds");
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed("the signature timestamp is out of range");
        }
    }

    private static boolean isHex(String text) {
        if (text.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    private static SignatureVerificationException malformed(String message) {
        return new SignatureVerificationException(Reason.MALFORMED, message);
    }
}
