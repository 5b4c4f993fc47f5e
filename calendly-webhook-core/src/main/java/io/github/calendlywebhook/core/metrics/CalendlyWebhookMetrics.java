package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for the webhook endpoint (needs the optional {@code micrometer-core}): register it
 * as a processor observer and bind it to a registry.
 * <ul>
 *   <li>{@value #DELIVERIES}: a counter per outcome code and event name ({@code none} before parsing)</li>
 *   <li>{@value #PROCESSING}: a timer of the processing time per outcome code</li>
 *   <li>{@value #BOOKED_APPOINTMENTS}: a gauge of the currently booked appointments, when dashboard
 *       metrics are given</li>
 * </ul>
 * Deliveries observed before the first {@link #bindTo(MeterRegistry)} are not counted.
 */
public final class CalendlyWebhookMetrics implements DeliveryObserver, MeterBinder {

    /** The delivery counter's name. */
    public static final String DELIVERIES = "calendly.webhook.deliveries";
    /** The processing timer's name. */
    public static final String PROCESSING = "calendly.webhook.processing";
    /** The booked appointments gauge's name. */
    public static final String BOOKED_APPOINTMENTS = "calendly.webhook.booked.appointments";

    private final @Nullable DashboardMetrics dashboard;
    private volatile @Nullable MeterRegistry registry;

    /** Creates a binder without the booked appointments gauge. */
    public CalendlyWebhookMetrics() {
        this.dashboard = null;
    }

    /**
     * Creates a binder whose gauge reads the booked appointments from the dashboard metrics (all time,
     * test deliveries left out).
     *
     * @param dashboard the dashboard metrics
     */
    public CalendlyWebhookMetrics(DashboardMetrics dashboard) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        if (registry == meterRegistry) {
            return; // bound already (a framework may bind each binder bean, and the adapter too)
        }
        DashboardMetrics source = dashboard;
        if (source != null) {
            Gauge.builder(BOOKED_APPOINTMENTS, source, CalendlyWebhookMetrics::bookedAppointments)
                    .description("Currently booked appointments (all time, test deliveries excluded)")
                    .register(meterRegistry);
        }
        this.registry = meterRegistry;
    }

    @Override
    public void onDelivery(DeliveryResult result) {
        MeterRegistry target = registry;
        if (target == null) {
            return;
        }
        String outcome = result.outcome().code();
        String event = result.event() == null ? "none" : result.event().name();
        Counter.builder(DELIVERIES).description("Webhook deliveries by outcome and event name")
                .tag("outcome", outcome).tag("event", event).register(target).increment();
        Timer.builder(PROCESSING).description("Time to process one webhook delivery")
                .tag("outcome", outcome).register(target).record(result.processingTime());
    }

    private static double bookedAppointments(DashboardMetrics source) {
        try {
            return source.summary(Period.ALL_TIME).bookedAppointments();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
