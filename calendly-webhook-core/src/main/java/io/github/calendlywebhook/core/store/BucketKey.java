package io.github.calendlywebhook.core.store;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/** A day bucket: a day, an event type key (or the leads key) and whether it holds test deliveries. */
record BucketKey(LocalDate day, String eventTypeKey, boolean test) implements Comparable<BucketKey> {

    private static final Comparator<BucketKey> ORDER = Comparator.comparing(BucketKey::day)
            .thenComparing(BucketKey::eventTypeKey).thenComparing(BucketKey::test);

    BucketKey {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(eventTypeKey, "eventTypeKey");
    }

    /** Returns the all-time bucket this day bucket also counts in. */
    TotalKey total() {
        return new TotalKey(eventTypeKey, test);
    }

    @Override
    public int compareTo(BucketKey other) {
        return ORDER.compare(this, other);
    }

    /** An all-time bucket. */
    record TotalKey(String eventTypeKey, boolean test) implements Comparable<TotalKey> {

        private static final Comparator<TotalKey> ORDER = Comparator.comparing(TotalKey::eventTypeKey)
                .thenComparing(TotalKey::test);

        @Override
        public int compareTo(TotalKey other) {
            return ORDER.compare(this, other);
        }
    }
}
