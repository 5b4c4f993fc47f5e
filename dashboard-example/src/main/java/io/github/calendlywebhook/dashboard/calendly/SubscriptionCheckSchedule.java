package io.github.calendlywebhook.dashboard.calendly;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the subscription check every {@code dashboard.calendly.check-interval} (5 minutes by default),
 * first one interval after the start; a zero interval turns it off.
 */
final class SubscriptionCheckSchedule implements AutoCloseable {

    private final @Nullable ScheduledExecutorService executor;

    private SubscriptionCheckSchedule(@Nullable ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static SubscriptionCheckSchedule start(SubscriptionService subscriptions, Duration interval) {
        if (interval.isZero()) {
            return new SubscriptionCheckSchedule(null);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "calendly-subscription-check");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(subscriptions::check, millis, millis, TimeUnit.MILLISECONDS);
        return new SubscriptionCheckSchedule(executor);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
