package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Stores compute key digests before taking their locks, so many threads compute them at once. */
class KeyDigestsTest {

    private static final int KEYS = 2_000;

    @Test
    void aDigestIsTheFirst128BitsOfTheKeysSha256() throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest("invitee.created:https://example.com/1"
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer expected = ByteBuffer.wrap(sha);

        KeyDigests.Digest digest = KeyDigests.of("invitee.created:https://example.com/1");

        assertThat(digest).isEqualTo(new KeyDigests.Digest(expected.getLong(), expected.getLong()));
        assertThat(KeyDigests.of("invitee.created:https://example.com/2")).isNotEqualTo(digest);
    }

    @Test
    void threadsComputingDigestsAtOnceGetTheSameDigestsAsOneThread() throws Exception {
        List<KeyDigests.Digest> reference = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            reference.add(KeyDigests.of(key(i)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<KeyDigests.Digest>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    List<KeyDigests.Digest> digests = new ArrayList<>();
                    for (int i = 0; i < KEYS; i++) {
                        digests.add(KeyDigests.of(key(i)));
                    }
                    return digests;
                }));
            }
            for (Future<List<KeyDigests.Digest>> result : results) {
                assertThat(result.get()).isEqualTo(reference);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String key(int i) {
        return "invitee.created:https://api.calendly.com/scheduled_events/EV/invitees/" + i + "x".repeat(i % 300);
    }
}
