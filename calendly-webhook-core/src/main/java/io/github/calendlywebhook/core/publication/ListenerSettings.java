package io.github.calendlywebhook.core.publication;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Framework-neutral settings of listener delivery, bound by the adapters under
 * {@code calendly.webhook.listeners}. Each component's default is written once, here; built by
 * {@link #builder()}, whose setters validate, or {@link #ofDefaults()}.
 *
 * @param mode when a listener first runs ({@code mode}, default {@code sync-first})
 * @param firstRetry the longest wait before the first retry of a failed listener; retry {@code n}
 *     waits a random time up to {@code firstRetry * 2^(n-1)} (full jitter), capped by
 *     {@code maxRetryDelay} ({@code first-retry}, default 10 s)
 * @param maxRetryDelay the cap of one back-off ({@code max-retry-delay}, default 1 h)
 * @param maxAttempts the attempts after which a failing publication is parked ({@code max-attempts},
 *     default 10)
 * @param maxAge the age after which a failing publication is parked whatever its attempts
 *     ({@code max-age}, default 24 h, the time Calendly itself keeps retrying a delivery)
 * @param lease how long an instance holds a publication it runs before another instance may take it;
 *     renewed while the listener runs, so it bounds how long the publications of a dead instance wait
 *     ({@code lease}, default 30 s)
 * @param pollInterval how often the scheduler looks for due publications ({@code poll-interval},
 *     default 1 s)
 * @param batchSize the most publications claimed in one step ({@code batch-size}, default 100)
 * @param instanceId the name of this instance in leases; set a name that survives restarts (the pod or
 *     host name) so that a restarted instance resubmits the publications it held at once; {@code null}
 *     gives a random name per dispatcher, and a dead instance's publications then wait for their lease
 *     ({@code instance-id}, default none)
 */
public record ListenerSettings(ListenerMode mode, Duration firstRetry, Duration maxRetryDelay, int maxAttempts,
        Duration maxAge, Duration lease, Duration pollInterval, int batchSize, @Nullable String instanceId) {

    /** The default first-retry bound. */
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(10);
    /** The default back-off cap. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofHours(1);
    /** The default attempt limit. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    /** The default age limit. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
    /** The default lease. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** The default poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** The default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The longest instance id the registry stores. */
    static final int MAX_INSTANCE_ID = 255;

    public ListenerSettings {
        Objects.requireNonNull(mode, "mode");
        positive(firstRetry, "first-retry");
        positive(maxRetryDelay, "max-retry-delay");
        positive(maxAge, "max-age");
        positive(lease, "lease");
        positive(pollInterval, "poll-interval");
        if (maxRetryDelay.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("calendly.webhook.listeners.max-retry-delay (" + maxRetryDelay
                    + ") must not be shorter than first-retry (" + firstRetry + ")");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("calendly.webhook.listeners.max-attempts must be at least 1, was "
                    + maxAttempts);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("calendly.webhook.listeners.batch-size must be at least 1, was "
                    + batchSize);
        }
        if (instanceId != null && (instanceId.isBlank() || instanceId.length() > MAX_INSTANCE_ID)) {
            throw new IllegalArgumentException("calendly.webhook.listeners.instance-id must be 1 to "
                    + MAX_INSTANCE_ID + " non-blank characters");
        }
    }

    /** Returns the defaults. */
    public static ListenerSettings ofDefaults() {
        return builder().build();
    }

    /** Returns a builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.firstRetry = firstRetry;
        b.maxRetryDelay = maxRetryDelay;
        b.maxAttempts = maxAttempts;
        b.maxAge = maxAge;
        b.lease = lease;
        b.pollInterval = pollInterval;
        b.batchSize = batchSize;
        b.instanceId = instanceId;
        return b;
    }

    private static void positive(Duration value, String key) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("calendly.webhook.listeners." + key + " must be positive, was " + value);
        }
    }

    /** Builds {@link ListenerSettings}; every setter validates its value when {@link #build()} runs. */
    public static final class Builder {

        private ListenerMode mode = ListenerMode.SYNC_FIRST;
        private Duration firstRetry = DEFAULT_FIRST_RETRY;
        private Duration maxRetryDelay = DEFAULT_MAX_RETRY_DELAY;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private Duration lease = DEFAULT_LEASE;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private @Nullable String instanceId;

        private Builder() {
        }

        /**
         * Sets when a listener first runs.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(ListenerMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the bound of the first retry's wait.
         *
         * @param firstRetry positive
         * @return this builder
         */
        public Builder firstRetry(Duration firstRetry) {
            this.firstRetry = firstRetry;
            return this;
        }

        /**
         * Sets the cap of one back-off.
         *
         * @param maxRetryDelay at least the first retry
         * @return this builder
         */
        public Builder maxRetryDelay(Duration maxRetryDelay) {
            this.maxRetryDelay = maxRetryDelay;
            return this;
        }

        /**
         * Sets the attempts before parking.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the age before parking.
         *
         * @param maxAge positive
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /**
         * Sets the lease.
         *
         * @param lease positive
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /**
         * Sets the scheduler's poll interval.
         *
         * @param pollInterval positive
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * Sets the claim batch size.
         *
         * @param batchSize at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets this instance's stable name, or {@code null} for a random one.
         *
         * @param instanceId the name
         * @return this builder
         */
        public Builder instanceId(@Nullable String instanceId) {
            this.instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
            return this;
        }

        /**
         * Returns the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the key of an invalid value
         */
        public ListenerSettings build() {
            return new ListenerSettings(mode, firstRetry, maxRetryDelay, maxAttempts, maxAge, lease, pollInterval,
                    batchSize, instanceId);
        }
    }
}
