package io.github.calendlywebhook.benchmarks;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook.Signature;
import com.svix.Webhook;
import com.svix.exceptions.WebhookSigningException;
import com.svix.exceptions.WebhookVerificationException;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature verification of one delivery: this library against stripe-java (the same
 * {@code t=...,v1=...} HMAC-SHA256 scheme), the Standard Webhooks verifier of svix, a typical
 * hand-written verifier, and the floor: one HMAC-SHA256 over the same bytes with a {@code Mac} that is
 * already initialised. Every verifier gets the same body and a valid signature; peers get the body in
 * the type their API takes, converted once at setup (which favours the peers).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SignatureBenchmark {

    /** Body size in bytes. */
    @Param({"1024", "4096", "65536"})
    public int size;

    private byte[] body = new byte[0];
    private String bodyText = "";
    private String header = "";
    private Clock clock = Clock.systemUTC();
    private SignatureVerifier library;
    private HandWrittenVerifier handWritten;
    private Webhook svix;
    private Map<String, List<String>> svixHeaders = Map.of();

    /** Signs one body for every verifier. */
    @Setup
    public void setUp() throws WebhookSigningException {
        Instant now = Instant.ofEpochSecond(Payloads.TIMESTAMP);
        clock = Clock.fixed(now, ZoneOffset.UTC);
        body = Payloads.inviteeCreated(size, 1);
        bodyText = new String(body, StandardCharsets.UTF_8);
        header = new WebhookSigner(Payloads.SECRET, clock).sign(body);
        library = SignatureVerifier.builder().secret(Payloads.SECRET).tolerance(Duration.ofMinutes(3)).clock(clock)
                .build();
        handWritten = new HandWrittenVerifier(Payloads.SECRET, clock, 180);
        svix = newSvix();
        String svixTimestamp = Long.toString(Instant.now().getEpochSecond());
        String svixId = "msg_benchmark";
        String svixSignature = svix.sign(svixId, Long.parseLong(svixTimestamp), bodyText);
        svixHeaders = Map.of("webhook-id", List.of(svixId), "webhook-timestamp", List.of(svixTimestamp),
                "webhook-signature", List.of(svixSignature));
        if (!handWritten.verify(header, body)) {
            throw new IllegalStateException("the hand-written verifier rejects a valid signature");
        }
    }

    /** The cost floor: one HMAC-SHA256 over {@code t + "." + body} with an initialised {@code Mac}. */
    @State(Scope.Thread)
    public static class Floor {

        /** The initialised Mac, one per thread. */
        Mac mac = newMac();
        /** The signed prefix {@code t.}. */
        byte[] prefix = (Payloads.TIMESTAMP + ".").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Computes the bare HMAC.
     *
     * @param floor the per-thread Mac
     * @return the digest
     */
    @Benchmark
    public byte[] floorHmac(Floor floor) {
        floor.mac.update(floor.prefix);
        floor.mac.update(body);
        return floor.mac.doFinal();
    }

    /** Verifies with this library. */
    @Benchmark
    public void library() {
        library.verify(header, body);
    }

    /**
     * Verifies with stripe-java.
     *
     * @return whether the signature is valid
     * @throws SignatureVerificationException never, the signature is valid
     */
    @Benchmark
    public boolean stripe() throws SignatureVerificationException {
        return Signature.verifyHeader(bodyText, header, Payloads.SECRET, 180, clock);
    }

    /**
     * Verifies with svix's Standard Webhooks verifier.
     *
     * @throws WebhookVerificationException never, the signature is valid
     */
    @Benchmark
    public void svix() throws WebhookVerificationException {
        svix.verify(bodyText, svixHeaders);
    }

    /**
     * Verifies as a typical hand-written check does.
     *
     * @return whether the signature is valid
     */
    @Benchmark
    public boolean handWritten() {
        return handWritten.verify(header, body);
    }

    private static Webhook newSvix() {
        try {
            return new Webhook("whsec_" + Base64.getEncoder()
                    .encodeToString(Payloads.SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (com.svix.exceptions.EmptyWebhookSecretException e) {
            throw new IllegalStateException(e);
        }
    }

    static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Payloads.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
