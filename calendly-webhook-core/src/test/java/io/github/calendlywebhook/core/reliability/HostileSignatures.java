package io.github.calendlywebhook.core.reliability;

import static io.github.calendlywebhook.core.reliability.HostileBodies.bytes;
import static io.github.calendlywebhook.core.reliability.HostileBodies.envelope;
import static io.github.calendlywebhook.core.reliability.HostileCorpus.header;

import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.test.RawRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The signature-header cases of the hostile corpus: missing, duplicated, malformed, replayed and misapplied. */
final class HostileSignatures {

    static final String HEADER = SignatureVerifier.HEADER;
    private static final String ZEROS = "0".repeat(64);

    private final WebhookSigner signer;
    private final WebhookSigner wrongKey;

    HostileSignatures(WebhookSigner signer, String secret) {
        this.signer = signer;
        this.wrongKey = new WebhookSigner(secret + "-wrong", Clock.systemUTC());
    }

    String sign(byte[] body) {
        return signer.sign(body);
    }

    void addTo(List<HostileCase> cases) {
        long now = Instant.now().getEpochSecond();
        withHeader(cases, "missing signature header", 401, body -> List.of());
        for (String value : List.of("", "   ", "t=", "v1=" + ZEROS, "t=" + now, "t=" + now + ",v1=",
                "t=abc,v1=" + ZEROS, "t=-5,v1=" + ZEROS, "t=99999999999999999999,v1=" + ZEROS,
                "t=0,v1=" + ZEROS, "t=+" + now + ",v1=" + ZEROS, "t=" + now + ".5,v1=" + ZEROS,
                "t=\u0661\u0667\u0660\u0660,v1=" + ZEROS, "t=" + now + ",v1=" + ZEROS.substring(1),
                "t=" + now + ",v1=" + ZEROS + "0", "t=" + now + ",v1=" + "g".repeat(64),
                "t=" + now + ",v0=" + ZEROS, "t=" + now + ",t=" + now + ",v1=" + ZEROS, "x".repeat(8000),
                "t=" + now + ";v1=" + ZEROS)) {
            withHeader(cases, "signature header [" + shorten(value) + "]", 401, body -> List.of(header(HEADER, value)));
        }
        withHeader(cases, "v1 in upper case", 200, body -> List.of(header(HEADER, upperDigest(signer.sign(body)))));
        withHeader(cases, "v1 from the wrong key", 401, body -> List.of(header(HEADER, wrongKey.sign(body))));
        withHeader(cases, "wrong v1 then right v1", 200, body -> List.of(header(HEADER,
                signer.sign(body).replace("v1=", "v1=" + ZEROS + ",v1="))));
        withHeader(cases, "timestamp repeated with a second v1", 401,
                body -> List.of(header(HEADER, signer.sign(body) + "," + signer.sign(body))));
        withHeader(cases, "same valid header twice", 200, body -> {
            String value = signer.sign(body);
            return List.of(header(HEADER, value), header(HEADER, value));
        });
        withHeader(cases, "two different signature headers", 401, body -> List.of(header(HEADER, signer.sign(body)),
                header(HEADER, wrongKey.sign(body))));
        withHeader(cases, "valid legacy header", 200, body -> List.of(header(SignatureVerifier.LEGACY_HEADER, signer.sign(body))));
        withHeader(cases, "invalid legacy header", 401,
                body -> List.of(header(SignatureVerifier.LEGACY_HEADER, wrongKey.sign(body))));
        withHeader(cases, "header name in lower case", 200,
                body -> List.of(header(HEADER.toLowerCase(Locale.ROOT), signer.sign(body))));
        withHeader(cases, "signed 4 minutes ago (replay)", 401, body -> List.of(header(HEADER, at(body, -240))));
        withHeader(cases, "signed an hour ago (replay)", 401, body -> List.of(header(HEADER, at(body, -3600))));
        withHeader(cases, "signed a year ago (replay)", 401, body -> List.of(header(HEADER, at(body, -31_536_000))));
        withHeader(cases, "signed 4 minutes in the future", 401, body -> List.of(header(HEADER, at(body, 240))));
        withHeader(cases, "signed 2 minutes ago", 200, body -> List.of(header(HEADER, at(body, -120))));
        withHeader(cases, "valid signature over a different body", 401,
                body -> List.of(header(HEADER, signer.sign(bytes(envelope())))));
        withHeader(cases, "valid signature, body gains a trailing newline", 401,
                body -> List.of(header(HEADER, signer.sign(java.util.Arrays.copyOf(body, body.length - 1)))));
    }

    private String at(byte[] body, long offsetSeconds) {
        return signer.sign(body, Instant.now().plusSeconds(offsetSeconds));
    }

    private static String upperDigest(String header) {
        int at = header.indexOf("v1=") + 3;
        return header.substring(0, at) + header.substring(at).toUpperCase(Locale.ROOT);
    }

    private static void withHeader(List<HostileCase> cases, String name, int status,
            Function<byte[], List<Map.Entry<String, String>>> signatureHeaders) {
        Supplier<RawRequest> request = () -> {
            byte[] body = name.contains("trailing newline")
                    ? HostileBodies.concat(bytes(envelope()), new byte[] {'\n'}) : bytes(envelope());
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(header("Content-Type", "application/json"));
            headers.addAll(signatureHeaders.apply(body));
            return RawRequest.post(headers, body);
        };
        cases.add(new HostileCase(name, status, request));
    }

    private static String shorten(String value) {
        return value.length() > 50 ? value.substring(0, 50) + "..." : value;
    }
}
