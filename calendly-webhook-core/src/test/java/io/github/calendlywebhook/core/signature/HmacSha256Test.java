package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The pooled HMAC gives the same digest as a fresh {@code Mac}, and its pool stays bounded. */
class HmacSha256Test {

    private static final byte[] BODY = "{\"event\":\"invitee.created\"}".getBytes(StandardCharsets.UTF_8);

    private final HmacSha256 hmac = new HmacSha256("secret");

    @Test
    void digestEqualsAFreshMacOverTimestampDotAndBody() throws Exception {
        assertThat(hmac.sign("1700000000", BODY)).isEqualTo(reference("1700000000", BODY));
    }

    @Test
    void repeatedUseOfAPooledMacGivesTheSameDigest() throws Exception {
        byte[] expected = reference("1700000000", BODY);
        for (int i = 0; i < 100; i++) {
            assertThat(hmac.sign("1700000000", BODY)).isEqualTo(expected);
        }
    }

    @Test
    void timestampsLongerThanTheScratchBufferAreFedWhole() throws Exception {
        for (int length = 60; length <= 200; length++) {
            String timestamp = "0".repeat(length - 1) + "7";
            assertThat(hmac.sign(timestamp, BODY)).as("length %d", length).isEqualTo(reference(timestamp, BODY));
        }
    }

    @Test
    void matchesAnySeesTheTimestampTextInsideTheHeader() {
        String timestamp = "0".repeat(70) + "1700000000";
        String v1 = java.util.HexFormat.of().formatHex(hmac.sign(timestamp, BODY));
        SignatureHeader header = SignatureHeader.parse(" t = " + timestamp + " ,v1=" + v1);

        assertThat(hmac.matchesAny(header, BODY)).isTrue();
        assertThat(hmac.matchesAny(header, "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void poolHoldsAtMostItsSizeAfterManyConcurrentComputations() throws Exception {
        int threads = 3 * HmacSha256.POOL_SIZE;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        byte[] expected = reference("1", BODY);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                wrong.add(pool.submit(() -> {
                    start.await();
                    int mismatches = 0;
                    for (int i = 0; i < 500; i++) {
                        mismatches += java.util.Arrays.equals(hmac.sign("1", BODY), expected) ? 0 : 1;
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<Integer> result : wrong) {
                assertThat(result.get(1, TimeUnit.MINUTES)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hmac.pooled()).isBetween(1, HmacSha256.POOL_SIZE);
    }

    private static byte[] reference(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        mac.update(body);
        return mac.doFinal();
    }
}
