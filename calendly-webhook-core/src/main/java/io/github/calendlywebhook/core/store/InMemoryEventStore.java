package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The default store: idempotency keys and the dashboard projection in memory, lost when the process
 * ends. It keeps what {@link Retained} says, for a retention window (default
 * {@link #DEFAULT_RETENTION}) that covers Calendly's 24 hours of retries:
 * <ul>
 *   <li>a delivery's key for the window after it was stored, so a redelivery within the window is a
 *       duplicate; after it, the key is forgotten and the same delivery would be stored again;</li>
 *   <li>with {@link Retained#COUNTERS} (the default) every day and all-time counter for good, and each
 *       invitee's and no-show mark's state for the window after its last event (an active booking also
 *       until the window after its meeting starts); raw bodies and parsed events are not kept, and the
 *       details the recent-bookings list shows (names, e-mail addresses, times) only for the newest
 *       bookings ({@link Builder#recentBookings(int)});</li>
 *   <li>with {@link Retained#KEYS} nothing else, for applications that only react through listeners;</li>
 *   <li>with {@link Retained#EVENTS} everything, for ever, as in tests.</li>
 * </ul>
 * Time comes from the {@link Clock} given to the {@link Builder}. Every operation holds one lock, so
 * readers never see half an event.
 */
public final class InMemoryEventStore implements ProjectingEventStore {

    /** The default retention window: twice Calendly's 24 hours of retries. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(48);

    /** The default number of newest bookings, regular and test each, whose details the store keeps. */
    public static final int DEFAULT_RECENT_BOOKINGS = 100;

    /** What the store keeps besides the counters it must maintain. */
    public enum Retained {
        /** Only delivery and lead keys within the window; reading counters or recording leads is refused. */
        KEYS,
        /** Keys and invitee states within the window, counters for good (the default). */
        COUNTERS,
        /** Every event, body and lead for good, so the projection can be rebuilt; unbounded. */
        EVENTS
    }

    private final Projection projection;
    private final Clock clock;
    private final long retentionMillis;
    private Retained retained;
    private final int recentBookings;
    private final RememberedKeys keys = new RememberedKeys();
    private final RememberedKeys leadIds = new RememberedKeys();
    private final Map<String, StoredEvent> events = new LinkedHashMap<>();
    private final Map<String, RecordedLead> leads = new LinkedHashMap<>();
    private @Nullable ExpiringProjection state;

    /** Creates a store with every default; its days are UTC days. */
    public InMemoryEventStore() {
        this(ZoneOffset.UTC);
    }

    /**
     * Creates a store with every default but the zone.
     *
     * @param zone the time zone whose days the dashboard counts in
     */
    public InMemoryEventStore(ZoneId zone) {
        this(builder().zone(zone));
    }

    private InMemoryEventStore(Builder builder) {
        this.projection = new Projection(builder.zone);
        this.clock = builder.clock;
        this.retained = builder.retained;
        this.retentionMillis = retained == Retained.EVENTS ? Long.MAX_VALUE / 2 : builder.retention.toMillis();
        this.recentBookings = retained == Retained.EVENTS ? Integer.MAX_VALUE : builder.recentBookings;
        this.state = retained == Retained.KEYS ? null : newProjection();
    }

    /** Returns a builder starting from the defaults: UTC, the system clock, 48 hours, {@link Retained#COUNTERS}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AppendResult append(StoredEvent event) {
        Objects.requireNonNull(event, "event");
        // The key's digest is computed before the lock, so the lock is held for less: a thread descheduled
        // while holding it stalls every other delivery.
        KeyDigests.Digest key = KeyDigests.of(event.key());
        synchronized (this) {
            long now = expire();
            if (!keys.add(key, now + retentionMillis)) {
                return AppendResult.DUPLICATE;
            }
            if (retained == Retained.EVENTS) {
                events.put(event.key(), event);
            }
            if (state != null) {
                state.apply(event, now);
            }
            return AppendResult.STORED;
        }
    }

    @Override
    public boolean recordLead(String leadId, Instant occurredAt, boolean test) {
        RecordedLead lead = new RecordedLead(leadId, occurredAt, test);
        String id = StoreKeys.fit(leadId);
        KeyDigests.Digest key = KeyDigests.of(id);
        synchronized (this) {
            ExpiringProjection counters = counters();
            long now = expire();
            if (!leadIds.add(key, now + retentionMillis)) {
                return false;
            }
            if (retained == Retained.EVENTS) {
                leads.put(id, lead);
            }
            counters.state().apply(projection.recordedLead(occurredAt, test));
            return true;
        }
    }

    /**
     * Recomputes the projection from the parsed events it keeps ({@link Retained#EVENTS}); the decoder is
     * not used. The other modes keep no events to recompute from and leave the projection, which is
     * always current within one process, as it is.
     */
    @Override
    public synchronized void rebuildProjections(Function<byte[], CalendlyEvent> decoder) {
        if (retained != Retained.EVENTS) {
            return;
        }
        ExpiringProjection rebuilt = newProjection();
        events.values().forEach(event -> rebuilt.apply(event, clock.millis()));
        leads.values().forEach(lead -> rebuilt.state().apply(projection.recordedLead(lead.occurredAt(), lead.test())));
        state = rebuilt;
    }

    /** Returns the number of deliveries remembered for idempotency: those stored within the retention window. */
    public synchronized int size() {
        expire();
        return keys.size();
    }

    /** Returns how many invitee and no-show states the projection keeps (none with {@link Retained#KEYS}). */
    public synchronized int keptStates() {
        expire();
        return state == null ? 0 : state.keptStates();
    }

    /**
     * Returns a snapshot of the stored events, in the order they were stored.
     *
     * @throws IllegalStateException unless the store keeps {@link Retained#EVENTS}
     */
    public synchronized List<StoredEvent> events() {
        if (retained != Retained.EVENTS) {
            throw new IllegalStateException("this in-memory store keeps no events; build it with Retained.EVENTS");
        }
        return new ArrayList<>(events.values());
    }

    /**
     * Drops the dashboard counters and invitee states and keeps only delivery keys from now on, for an
     * adapter that learns after building the store that nothing reads its numbers; reading them afterwards
     * throws {@link IllegalStateException}. Does nothing unless the store keeps {@link Retained#COUNTERS}.
     */
    public synchronized void keepOnlyKeys() {
        if (retained == Retained.COUNTERS) {
            retained = Retained.KEYS;
            state = null;
        }
    }

    /** Returns what the store keeps. */
    public synchronized Retained retained() {
        return retained;
    }

    @Override
    public ZoneId zone() {
        return projection.zone();
    }

    @Override
    public synchronized Map<String, Counters> totals(boolean includeTest) {
        return counters().state().totals(includeTest);
    }

    @Override
    public synchronized List<BucketCounters> daily(DateRange range, boolean includeTest) {
        return counters().state().daily(range, includeTest);
    }

    @Override
    public synchronized Map<String, String> eventTypeNames() {
        return counters().state().eventTypeNames();
    }

    @Override
    public synchronized List<RecentBooking> recentBookings(int limit, boolean includeTest) {
        expire();
        return counters().recentBookings(limit, includeTest);
    }

    private ExpiringProjection newProjection() {
        return new ExpiringProjection(projection, retentionMillis, recentBookings);
    }

    private ExpiringProjection counters() {
        if (state == null) {
            throw new IllegalStateException("this in-memory store keeps only delivery keys (Retained.KEYS), no "
                    + "dashboard numbers or leads; keep counters to read them (in the adapters: "
                    + "calendly.webhook.store.in-memory.keep=counters)");
        }
        return state;
    }

    private long expire() {
        long now = clock.millis();
        keys.expire(now);
        leadIds.expire(now);
        if (state != null) {
            state.expire(now);
        }
        return now;
    }

    /** Builds an {@link InMemoryEventStore}; every setter validates its argument. */
    public static final class Builder {

        private ZoneId zone = ZoneOffset.UTC;
        private Clock clock = Clock.systemUTC();
        private Duration retention = DEFAULT_RETENTION;
        private Retained retained = Retained.COUNTERS;
        private int recentBookings = DEFAULT_RECENT_BOOKINGS;

        private Builder() {
        }

        /**
         * Sets the time zone whose days the dashboard counts in; UTC by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the clock that decides when entries leave the retention window; the system clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long keys and states are kept; {@link #DEFAULT_RETENTION} by default. Shorter than 24
         * hours lets a Calendly retry be stored twice.
         *
         * @param retention the window, positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder retention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + retention);
            }
            this.retention = retention;
            return this;
        }

        /**
         * Sets what the store keeps; {@link Retained#COUNTERS} by default.
         *
         * @param retained what to keep
         * @return this builder
         */
        public Builder retained(Retained retained) {
            this.retained = Objects.requireNonNull(retained, "retained");
            return this;
        }

        /**
         * Sets how many of the newest bookings, regular and test each, keep the details the
         * recent-bookings list shows; {@link #DEFAULT_RECENT_BOOKINGS} by default. The list never shows
         * more. With {@link Retained#EVENTS} every booking keeps them.
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder recentBookings(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("recentBookings must be at least 1, was " + count);
            }
            this.recentBookings = count;
            return this;
        }

        /** Returns the store. */
        public InMemoryEventStore build() {
            return new InMemoryEventStore(this);
        }
    }
}
