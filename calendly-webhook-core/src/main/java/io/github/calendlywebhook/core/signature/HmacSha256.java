package io.github.calendlywebhook.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one secret. The provider lookup and key schedule happen once, here. A {@link Mac} is
 * not thread-safe, so computations take an initialised one from a small lock-free pool and put it back
 * afterwards; only when every pooled one is in use is the prototype cloned. The pool is bounded and
 * shared by all threads, so it holds a handful of {@code Mac}s however many (virtual) threads verify.
 */
final class HmacSha256 {

    static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    /** Pooled {@code Mac}s kept at most; more concurrent computations clone and drop the extra ones. */
    static final int POOL_SIZE = 8;
    /** Array elements between two slots, so that slots taken by different threads sit on different cache lines. */
    private static final int STRIDE = 16;
    private static final int SCRATCH = 64;

    private final Mac prototype;
    private final boolean cloneable;
    private final SecretKeySpec key;
    private final AtomicReferenceArray<Lane> pool = new AtomicReferenceArray<>(POOL_SIZE * STRIDE);

    HmacSha256(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        this.cloneable = canClone(prototype);
    }

    /** Returns HMAC-SHA256 over {@code timestamp + "." + body}, reading the body as raw bytes. */
    byte[] sign(String timestamp, byte[] body) {
        Lane lane = acquire();
        byte[] mac = lane.compute(timestamp, 0, timestamp.length(), body);
        release(lane);
        return mac;
    }

    /**
     * Returns whether any well-formed {@code v1} entry of the header is HMAC-SHA256 over the header's
     * timestamp text, a dot and the body. Every entry is compared, in constant time.
     */
    boolean matchesAny(SignatureHeader header, byte[] body) {
        Lane lane = acquire();
        byte[] mac = lane.compute(header.value(), header.timestampStart(), header.timestampEnd(), body);
        release(lane);
        return header.matchesAny(mac);
    }

    /** Returns the number of {@code Mac}s currently waiting in the pool. */
    int pooled() {
        int count = 0;
        for (int i = 0; i < pool.length(); i += STRIDE) {
            count += pool.get(i) == null ? 0 : 1;
        }
        return count;
    }

    private Lane acquire() {
        int start = probe();
        for (int i = 0; i < POOL_SIZE; i++) {
            Lane lane = pool.getAndSet(slot(start + i), null);
            if (lane != null) {
                return lane;
            }
        }
        return new Lane(newMac());
    }

    /** Puts a lane back; called only after a completed computation, which leaves its {@code Mac} reset. */
    private void release(Lane lane) {
        int start = probe();
        for (int i = 0; i < POOL_SIZE; i++) {
            if (pool.compareAndSet(slot(start + i), null, lane)) {
                return;
            }
        }
    }

    /** Starts each thread at its own slot: thread ids are handed out in sequence, so concurrent threads mostly differ. */
    private static int probe() {
        return (int) Thread.currentThread().getId();
    }

    private static int slot(int i) {
        return (i & (POOL_SIZE - 1)) * STRIDE;
    }

    private Mac newMac() {
        try {
            if (cloneable) {
                return (Mac) prototype.clone();
            }
            Mac mac = Mac.getInstance(ALGORITHM, prototype.getProvider());
            mac.init(key);
            return mac;
        } catch (CloneNotSupportedException | GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "HmacSha256[******]";
    }

    /** An initialised {@code Mac} with scratch space, used by one computation at a time. */
    private static final class Lane {

        final Mac mac;
        final byte[] scratch = new byte[SCRATCH];

        Lane(Mac mac) {
            this.mac = mac;
        }

        /** Returns the MAC over the ASCII characters {@code [from, to)} of {@code text}, a dot, and the body. */
        byte[] compute(String text, int from, int to, byte[] body) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (n == SCRATCH) {
                    mac.update(scratch, 0, n);
                    n = 0;
                }
                scratch[n++] = (byte) text.charAt(i);
            }
            if (n == SCRATCH) {
                mac.update(scratch, 0, n);
                n = 0;
            }
            scratch[n++] = '.';
            mac.update(scratch, 0, n);
            mac.update(body);
            return mac.doFinal();
        }
    }
}
