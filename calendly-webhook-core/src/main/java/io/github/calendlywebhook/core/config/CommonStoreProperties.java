package io.github.calendlywebhook.core.config;

import io.github.calendlywebhook.core.store.InMemoryEventStore;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code calendly.webhook.store.*} keys every adapter binds: how often an embedded H2 file is compacted,
 * and how the in-memory store, used when the application has no database, bounds what it keeps.
 */
public class CommonStoreProperties {

    /** The default delay between two compactions of an embedded H2 file. */
    public static final Duration DEFAULT_H2_COMPACTION_INTERVAL = Duration.ofSeconds(30);

    /** The in-memory store, used when the application has no database. */
    private final InMemory inMemory;

    /**
     * How often an embedded H2 file database is compacted while the application runs, so that it does not
     * grow with every commit; 0 switches it off.
     */
    private Duration h2CompactionInterval = DEFAULT_H2_COMPACTION_INTERVAL;

    /** Creates the store properties with every default. */
    public CommonStoreProperties() {
        this(new InMemory());
    }

    /**
     * Creates the store properties around the framework's in-memory properties.
     *
     * @param inMemory the framework's in-memory store properties
     */
    protected CommonStoreProperties(InMemory inMemory) {
        this.inMemory = Objects.requireNonNull(inMemory, "inMemory");
    }

    /** Returns the in-memory store properties. */
    public InMemory getInMemory() {
        return inMemory;
    }

    /** Returns how often an embedded H2 file database is compacted; 0 when never. */
    public Duration getH2CompactionInterval() {
        return h2CompactionInterval;
    }

    /** Sets how often an embedded H2 file database is compacted; 0 switches it off. */
    public void setH2CompactionInterval(Duration h2CompactionInterval) {
        this.h2CompactionInterval = h2CompactionInterval;
    }

    /** The in-memory store, used when the application has no database. */
    public static class InMemory {

        /** The default retention window: twice Calendly's 24 hours of retries. */
        public static final Duration DEFAULT_RETENTION = Duration.ofHours(48);
        /** The shortest retention window: Calendly retries a delivery for 24 hours. */
        public static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

        /** How long delivery keys and invitee states are kept; at least 24 hours, Calendly's retry period. */
        private Duration retention = DEFAULT_RETENTION;

        /**
         * What is kept besides delivery keys: auto (counters when a bean of the application reads the dashboard
         * numbers, else keys), counters (the dashboard numbers) or keys only (listener-only applications).
         */
        private Keep keep = Keep.AUTO;

        /** Returns the retention window. */
        public Duration getRetention() {
            return retention;
        }

        /** Sets the retention window. */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        /** Returns what is kept besides delivery keys. */
        public Keep getKeep() {
            return keep;
        }

        /** Sets what is kept besides delivery keys. */
        public void setKeep(Keep keep) {
            this.keep = keep;
        }

        /**
         * Returns the retention window after checking it covers Calendly's retries.
         *
         * @return the window
         * @throws IllegalArgumentException naming the key when shorter than {@link #MINIMUM_RETENTION}
         */
        public Duration validatedRetention() {
            if (retention == null || retention.compareTo(MINIMUM_RETENTION) < 0) {
                throw new IllegalArgumentException(CommonWebhookProperties.PREFIX + ".store.in-memory.retention must be at least 24 hours "
                        + "(Calendly retries a delivery for 24 hours), was " + retention);
            }
            return retention;
        }

        /**
         * Returns what the store keeps for this setting, given the application's beans that read the dashboard
         * numbers, and logs nothing: the adapters log {@link #choice} once at startup.
         *
         * @param readers the names of the application's beans that read the dashboard numbers or the store
         * @return {@link InMemoryEventStore.Retained#KEYS} or {@link InMemoryEventStore.Retained#COUNTERS}
         */
        public InMemoryEventStore.Retained retained(Collection<String> readers) {
            return keep == Keep.KEYS || keep == Keep.AUTO && readers.isEmpty() ? InMemoryEventStore.Retained.KEYS
                    : InMemoryEventStore.Retained.COUNTERS;
        }

        /**
         * Returns the startup line that says what the in-memory store keeps and why.
         *
         * @param readers the names of the application's beans that read the dashboard numbers or the store
         * @return the sentence
         */
        public String choice(Collection<String> readers) {
            String key = CommonWebhookProperties.PREFIX + ".store.in-memory.keep";
            if (keep != Keep.AUTO) {
                return "The in-memory Calendly webhook store keeps " + (keep == Keep.KEYS ? "delivery keys only"
                        : "delivery keys and the dashboard counters") + ", as " + key + "=" + keep.name()
                        .toLowerCase(Locale.ROOT) + " says";
            }
            return readers.isEmpty()
                    ? "The in-memory Calendly webhook store keeps delivery keys only: no bean of the application reads "
                            + "the dashboard numbers (DashboardMetrics, ProjectingEventStore, "
                            + "InMemoryEventStore). Set " + key + "=counters to keep them"
                    : "The in-memory Calendly webhook store keeps delivery keys and the dashboard counters: "
                            + String.join(", ", new TreeSet<>(readers)) + " read" + (readers.size() == 1 ? "s" : "")
                            + " them (" + key + "=auto)";
        }

        /**
         * Sets the retention window and what to keep on an in-memory store builder, as the adapters do; with
         * {@link Keep#AUTO} the store keeps counters until the adapter knows the readers
         * ({@link InMemoryEventStore#keepOnlyKeys()}).
         *
         * @param builder the store's builder
         * @return the builder
         * @throws IllegalArgumentException naming the key when the window is shorter than 24 hours
         */
        public InMemoryEventStore.Builder applyTo(InMemoryEventStore.Builder builder) {
            return builder.retention(validatedRetention())
                    .retained(keep == Keep.KEYS ? InMemoryEventStore.Retained.KEYS : InMemoryEventStore.Retained.COUNTERS);
        }

        /** What the in-memory store keeps besides delivery keys. */
        public enum Keep {
            /**
             * The default: counters when a bean of the application (not the adapter's own) reads the dashboard
             * numbers or the store, keys only otherwise.
             */
            AUTO,
            /** The dashboard counters and, for the window, invitee states. */
            COUNTERS,
            /** Nothing else: no dashboard numbers, for applications that only react through listeners. */
            KEYS
        }
    }
}
