package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.JdbcEventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code calendlyWebhook} health indicator reports, free of Spring Boot's health types so that the
 * indicator of each Spring Boot line only renders it: down while the store cannot make events durable (its
 * database unreachable or its tables missing, or the last append failed), with the last accepted delivery
 * and recent rejections by reason as details.
 */
public final class CalendlyWebhookHealthCheck {

    /**
     * One result of the check.
     *
     * @param up whether events can be stored durably
     * @param details the details to show
     */
    public record Report(boolean up, Map<String, Object> details) {
    }

    private final DeliveryHealthTracker tracker;
    private final @Nullable DataSource dataSource;

    private CalendlyWebhookHealthCheck(DeliveryHealthTracker tracker, @Nullable DataSource dataSource) {
        this.tracker = tracker;
        this.dataSource = dataSource;
    }

    /**
     * Creates the check of a store, probing its database when it is the JDBC store.
     *
     * @param tracker where delivery outcomes are remembered
     * @param store the event store
     * @param dataSource the application's single data source, or {@code null}
     * @return the check
     */
    public static CalendlyWebhookHealthCheck of(DeliveryHealthTracker tracker, EventStore store,
            @Nullable DataSource dataSource) {
        return new CalendlyWebhookHealthCheck(tracker, store instanceof JdbcEventStore ? dataSource : null);
    }

    /** Returns the current report. */
    public Report check() {
        String store = tracker.storeFailing() ? "unavailable" : probeStore();
        Instant lastAccepted = tracker.lastAccepted();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("store", store);
        details.put("lastAcceptedDelivery", lastAccepted == null ? "none" : lastAccepted.toString());
        details.put("recentRejections", tracker.recentRejections());
        return new Report("reachable".equals(store), details);
    }

    private String probeStore() {
        if (dataSource == null) {
            return "reachable";
        }
        try {
            return JdbcSchema.exists(dataSource) ? "reachable" : "tables missing";
        } catch (StoreUnavailableException ex) {
            return "unreachable";
        }
    }
}
