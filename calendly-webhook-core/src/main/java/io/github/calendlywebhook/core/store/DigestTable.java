package io.github.calendlywebhook.core.store;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Entries named by a 128-bit digest and kept until a deadline, in flat arrays rather than one object per
 * entry: an open-addressing table (linear probing, at most three quarters full) with a fixed number of
 * {@code long} and reference columns per entry, and a {@link DeadlineHeap} that finds the entries whose
 * deadline has passed. A slot costs 24 bytes plus 8 per {@code long} column and 4 per reference column,
 * the heap 12 bytes per entry; a hash map entry with a key object costs about 90. A slot's digest,
 * deadline and {@code long} columns lie side by side in one array, so a probe reads one cache line and
 * a large table is one large object rather than several. Removed slots stay
 * marked until the next resize, so heap entries keep pointing at the right slot; a heap entry whose
 * slot now has another deadline is stale and skipped. Slot numbers change when an insert resizes the
 * table: callers hold them only between two inserts. Not thread-safe; callers serialize access.
 */
final class DigestTable {

    private static final long EMPTY = Long.MIN_VALUE;
    private static final long REMOVED = Long.MIN_VALUE + 1;
    private static final int MIN_CAPACITY = 16;
    private static final int HIGH = 0;
    private static final int LOW = 1;
    private static final int DEADLINE = 2;
    private static final int COLUMNS = 3;

    private final int stride;
    private final int refColumns;
    private final DeadlineHeap heap = new DeadlineHeap();
    private long[] data;
    private Object[][] refs;
    private int capacity;
    private int live;
    private int removed;

    DigestTable(int longColumns, int refColumns) {
        this.stride = COLUMNS + longColumns;
        this.refColumns = refColumns;
        this.capacity = MIN_CAPACITY;
        this.data = newData(MIN_CAPACITY);
        this.refs = new Object[refColumns][MIN_CAPACITY];
    }

    /** Returns the slot holding the digest, or -1. */
    int find(long digestHigh, long digestLow) {
        int mask = capacity - 1;
        for (int slot = (int) digestHigh & mask; ; slot = (slot + 1) & mask) {
            int at = slot * stride;
            long deadline = data[at + DEADLINE];
            if (deadline == EMPTY) {
                return -1;
            }
            if (deadline != REMOVED && data[at + HIGH] == digestHigh && data[at + LOW] == digestLow) {
                return slot;
            }
        }
    }

    /**
     * Adds a digest that {@link #find} did not find, its columns zero or {@code null}.
     *
     * @return its slot
     */
    int insert(long digestHigh, long digestLow, long deadline) {
        if (live + removed + 1 > capacity - capacity / 4) {
            resize();
        }
        int mask = capacity - 1;
        int slot = (int) digestHigh & mask;
        while (!free(data[slot * stride + DEADLINE])) {
            slot = (slot + 1) & mask;
        }
        int at = slot * stride;
        if (data[at + DEADLINE] == REMOVED) {
            removed--;
        }
        data[at + HIGH] = digestHigh;
        data[at + LOW] = digestLow;
        data[at + DEADLINE] = deadline;
        Arrays.fill(data, at + COLUMNS, at + stride, 0L);
        live++;
        heap.add(deadline, slot);
        return slot;
    }

    /** Returns when the entry in the slot expires. */
    long deadline(int slot) {
        return data[slot * stride + DEADLINE];
    }

    /** Moves the entry's deadline, earlier or later. */
    void deadline(int slot, long deadline) {
        if (data[slot * stride + DEADLINE] != deadline) {
            data[slot * stride + DEADLINE] = deadline;
            heap.add(deadline, slot);
            if (heap.size() > 2 * live + MIN_CAPACITY) {
                rebuildHeap();
            }
        }
    }

    long digestHigh(int slot) {
        return data[slot * stride + HIGH];
    }

    long digestLow(int slot) {
        return data[slot * stride + LOW];
    }

    long getLong(int column, int slot) {
        return data[slot * stride + COLUMNS + column];
    }

    void setLong(int column, int slot, long value) {
        data[slot * stride + COLUMNS + column] = value;
    }

    @Nullable Object getRef(int column, int slot) {
        return refs[column][slot];
    }

    void setRef(int column, int slot, @Nullable Object value) {
        refs[column][slot] = value;
    }

    /** Returns the number of entries. */
    int size() {
        return live;
    }

    /**
     * Removes every entry whose deadline is at or before the given time, oldest first.
     *
     * @param beforeRemoval told each slot just before its entry goes
     */
    void expire(long nowMillis, IntConsumer beforeRemoval) {
        while (heap.size() > 0 && heap.firstDeadline() <= nowMillis) {
            long deadline = heap.firstDeadline();
            int slot = heap.removeFirst();
            if (data[slot * stride + DEADLINE] == deadline) {
                beforeRemoval.accept(slot);
                data[slot * stride + DEADLINE] = REMOVED;
                for (Object[] column : refs) {
                    column[slot] = null;
                }
                live--;
                removed++;
            }
        }
        if (capacity > MIN_CAPACITY && live < capacity / 8) {
            resize();
        }
    }

    private void resize() {
        long[] oldData = data;
        Object[][] oldRefs = refs;
        int oldCapacity = capacity;
        int newCapacity = MIN_CAPACITY;
        while (newCapacity < 2 * (live + 1)) {
            newCapacity *= 2;
        }
        capacity = newCapacity;
        data = newData(newCapacity);
        refs = new Object[refColumns][newCapacity];
        int mask = newCapacity - 1;
        heap.clear(live);
        for (int from = 0; from < oldCapacity; from++) {
            long deadline = oldData[from * stride + DEADLINE];
            if (free(deadline)) {
                continue;
            }
            int to = (int) oldData[from * stride + HIGH] & mask;
            while (data[to * stride + DEADLINE] != EMPTY) {
                to = (to + 1) & mask;
            }
            System.arraycopy(oldData, from * stride, data, to * stride, stride);
            for (int c = 0; c < refColumns; c++) {
                refs[c][to] = oldRefs[c][from];
            }
            heap.append(deadline, to);
        }
        heap.heapify();
        removed = 0;
    }

    private void rebuildHeap() {
        heap.clear(live);
        for (int slot = 0; slot < capacity; slot++) {
            long deadline = data[slot * stride + DEADLINE];
            if (!free(deadline)) {
                heap.append(deadline, slot);
            }
        }
        heap.heapify();
    }

    private long[] newData(int slots) {
        long[] fresh = new long[slots * stride];
        for (int at = DEADLINE; at < fresh.length; at += stride) {
            fresh[at] = EMPTY;
        }
        return fresh;
    }

    private static boolean free(long deadline) {
        return deadline == EMPTY || deadline == REMOVED;
    }
}
