package io.github.calendlywebhook.core.publication;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters of listener delivery (needs the optional {@code micrometer-core}); bind it to a
 * registry.
 * <ul>
 *   <li>{@value #PUBLICATIONS}: gauges of the incomplete publications, tag {@code status}
 *       ({@code pending}, {@code retrying}, {@code parked}), shared by every instance on the registry;
 *       read at most once a second</li>
 *   <li>{@value #ATTEMPTS}: listener calls on this instance, tag {@code outcome} ({@code completed},
 *       {@code failed})</li>
 *   <li>{@value #RETRIED}: calls on this instance that were retries</li>
 *   <li>{@value #PARKED}: publications this instance parked</li>
 * </ul>
 * None of them counts bookings: the dashboard numbers come from the store alone.
 */
public final class ListenerMetrics implements MeterBinder {

    /** The incomplete publications gauge's name. */
    public static final String PUBLICATIONS = "calendly.webhook.listener.publications";
    /** The listener calls counter's name. */
    public static final String ATTEMPTS = "calendly.webhook.listener.attempts";
    /** The retried calls counter's name. */
    public static final String RETRIED = "calendly.webhook.listener.retried";
    /** The parked publications counter's name. */
    public static final String PARKED = "calendly.webhook.listener.parked";

    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final ListenerDispatcher dispatcher;
    private @Nullable PublicationCounts counts;
    private @Nullable Instant readAt;
    private final Set<MeterRegistry> bound = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Creates the binder.
     *
     * @param dispatcher the dispatcher whose registry and activity are measured
     */
    public ListenerMetrics(ListenerDispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        synchronized (bound) {
            if (!bound.add(registry)) {
                return; // bound already (a framework may bind each binder bean, and the adapter too)
            }
        }
        for (PublicationStatus status : PublicationStatus.values()) {
            Gauge.builder(PUBLICATIONS, this, metrics -> metrics.count(status))
                    .description("Incomplete listener publications by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        counter(registry, ATTEMPTS, "Listener calls by outcome", "completed", ListenerStats::completed);
        counter(registry, ATTEMPTS, "Listener calls by outcome", "failed", ListenerStats::failed);
        FunctionCounter.builder(RETRIED, dispatcher, d -> d.stats().retried())
                .description("Listener calls that retried a failed publication").register(registry);
        FunctionCounter.builder(PARKED, dispatcher, d -> d.stats().parked())
                .description("Listener publications parked after their attempts or age").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, String outcome,
            ToDoubleFunction<ListenerStats> value) {
        FunctionCounter.builder(name, dispatcher, d -> value.applyAsDouble(d.stats())).description(description)
                .tag("outcome", outcome).register(registry);
    }

    private synchronized double count(PublicationStatus status) {
        Instant now = dispatcher.clock().instant();
        if (counts == null || readAt == null || !now.isBefore(readAt.plus(REFRESH)) || now.isBefore(readAt)) {
            try {
                counts = dispatcher.counts();
                readAt = now;
            } catch (RuntimeException e) {
                counts = null;
                return Double.NaN;
            }
        }
        return counts.of(status);
    }
}
