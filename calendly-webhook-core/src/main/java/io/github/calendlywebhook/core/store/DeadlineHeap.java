package io.github.calendlywebhook.core.store;

import java.util.Arrays;

/**
 * A binary min-heap of (deadline, slot) pairs in two flat arrays, 12 bytes an entry. Not thread-safe;
 * callers serialize access.
 */
final class DeadlineHeap {

    private long[] deadlines = new long[16];
    private int[] slots = new int[16];
    private int size;

    int size() {
        return size;
    }

    long firstDeadline() {
        return deadlines[0];
    }

    /** Adds a pair in heap order. */
    void add(long deadline, int slot) {
        append(deadline, slot);
        siftUp(size - 1);
    }

    /** Adds a pair at the end, out of heap order until {@link #heapify()}. */
    void append(long deadline, int slot) {
        if (size == deadlines.length) {
            int capacity = size + (size >> 1) + 1;
            deadlines = Arrays.copyOf(deadlines, capacity);
            slots = Arrays.copyOf(slots, capacity);
        }
        deadlines[size] = deadline;
        slots[size] = slot;
        size++;
    }

    /** Removes the pair with the earliest deadline and returns its slot. */
    int removeFirst() {
        int slot = slots[0];
        size--;
        if (size > 0) {
            move(size, 0);
            siftDown(0);
        }
        return slot;
    }

    /** Empties the heap, making room for the given number of pairs. */
    void clear(int expected) {
        int capacity = Math.max(16, expected + (expected >> 2));
        deadlines = new long[capacity];
        slots = new int[capacity];
        size = 0;
    }

    /** Restores heap order after {@link #append}. */
    void heapify() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void siftUp(int index) {
        long deadline = deadlines[index];
        int slot = slots[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (deadlines[parent] <= deadline) {
                break;
            }
            move(parent, index);
            index = parent;
        }
        deadlines[index] = deadline;
        slots[index] = slot;
    }

    private void siftDown(int index) {
        long deadline = deadlines[index];
        int slot = slots[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            if (child + 1 < size && deadlines[child + 1] < deadlines[child]) {
                child++;
            }
            if (deadline <= deadlines[child]) {
                break;
            }
            move(child, index);
            index = child;
        }
        deadlines[index] = deadline;
        slots[index] = slot;
    }

    private void move(int from, int to) {
        deadlines[to] = deadlines[from];
        slots[to] = slots[from];
    }
}
