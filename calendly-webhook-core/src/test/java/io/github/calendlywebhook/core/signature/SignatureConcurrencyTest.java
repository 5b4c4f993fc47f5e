package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One verifier shared by many threads gives every thread the same answers as a single thread. */
class SignatureConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 2_000;

    private final MutableClock clock = MutableClock.atEpochSecond(1_700_000_000L);
    private final SignatureVerifier verifier = SignatureVerifier.builder().secret("secret")
            .previousSecret("old", clock.instant().plusSeconds(60)).clock(clock).build();
    private final WebhookSigner current = new WebhookSigner("secret", clock);
    private final WebhookSigner previous = new WebhookSigner("old", clock);
    private final WebhookSigner forger = new WebhookSigner("forged", clock);

    @Test
    void sharedVerifierAcceptsEveryValidAndRejectsEveryForgedDeliveryUnderContention() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    return verifyMany(thread);
                }));
            }
            start.countDown();
            for (Future<int[]> result : results) {
                int[] counts = result.get(1, TimeUnit.MINUTES);
                // every third delivery (i % 3 == 2) is forged
                assertThat(counts[0]).as("accepted").isEqualTo(ROUNDS - ROUNDS / 3);
                assertThat(counts[1]).as("wrong answers").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int[] verifyMany(int thread) {
        int accepted = 0;
        int wrong = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] body = ("{\"thread\":" + thread + ",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            WebhookSigner signer = i % 3 == 0 ? current : i % 3 == 1 ? previous : forger;
            boolean valid = signer != forger;
            try {
                verifier.verify(signer.sign(body), body);
                accepted++;
                wrong += valid ? 0 : 1;
            } catch (SignatureVerificationException e) {
                wrong += valid ? 1 : 0;
            }
        }
        return new int[] {accepted, wrong};
    }
}
