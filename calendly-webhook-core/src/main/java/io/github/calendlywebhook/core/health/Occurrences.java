package io.github.calendlywebhook.core.health;

import java.time.Instant;

/**
 * The times of the newest occurrences of one outcome, oldest overwritten once {@code capacity} are
 * kept, so a flood cannot grow it. Grows on demand. Not thread-safe.
 */
final class Occurrences {

    private final int capacity;
    private long[] times;
    private int next;
    private int size;

    Occurrences(int capacity) {
        this.capacity = capacity;
        this.times = new long[Math.min(16, capacity)];
    }

    void add(Instant at) {
        if (size == times.length && size < capacity) {
            long[] grown = new long[Math.min(capacity, size * 2)];
            System.arraycopy(times, next, grown, 0, size - next);
            System.arraycopy(times, 0, grown, size - next, next);
            times = grown;
            next = size;
        }
        times[next] = nanos(at);
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** Returns how many of the kept occurrences are at or after an instant, newest first. */
    int countSince(Instant since) {
        long cutoff = nanos(since);
        int count = 0;
        while (count < size && times[Math.floorMod(next - 1 - count, times.length)] >= cutoff) {
            count++;
        }
        return count;
    }

    private static long nanos(Instant at) {
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } catch (ArithmeticException e) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
