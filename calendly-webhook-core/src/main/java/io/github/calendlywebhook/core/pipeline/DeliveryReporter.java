package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells everyone interested about a finished delivery: the listener dispatcher (stored events only), the audit log,
 * observers and the log. Nothing here can change the answer: every callback is isolated.
 */
final class DeliveryReporter {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);

    private final @Nullable ListenerDispatcher dispatcher;
    private final @Nullable OwnListeners own;
    private final List<DeliveryObserver> observers;
    private final AuditLog auditLog;
    private final boolean debug;
    private final AtomicLong observerFailures = new AtomicLong();

    DeliveryReporter(@Nullable ListenerDispatcher dispatcher, @Nullable OwnListeners own,
            List<DeliveryObserver> observers, AuditLog auditLog, boolean debug) {
        this.dispatcher = own != null ? own.dispatcher() : dispatcher;
        this.own = own;
        this.observers = List.copyOf(observers);
        this.auditLog = auditLog;
        this.debug = debug;
    }

    void notifyListeners(CalendlyEvent event) {
        if (dispatcher == null) {
            return;
        }
        try {
            dispatcher.published(event);
            if (own != null) {
                own.scheduleWhenOutstanding();
            }
        } catch (RuntimeException e) {
            LOG.warn("Listener publications of stored event {} ({}) could not start; they run once their lease "
                    + "expires: {}", event.name(), LogText.clean(event.idempotencyKey()), e.toString());
        }
    }

    /** Audits, observes and logs a delivery whose outcome is final. */
    void finish(Delivery d, Instant now) {
        Duration took = Duration.between(d.receivedAt, now);
        if (took.isNegative()) {
            took = Duration.ZERO;
        }
        Outcome outcome = Objects.requireNonNull(d.outcome, "outcome");
        CalendlyEvent event = d.event;
        AuditEntry entry = AuditEntry.delivery(d.receivedAt, outcome, d.clientAddress,
                event == null ? null : event.name(), event == null ? null : event.idempotencyKey(), d.detail, took,
                d.source());
        try {
            auditLog.record(entry);
        } catch (RuntimeException e) {
            LOG.warn("Audit log failed to record a {} delivery: {}", entry.action(), e.toString());
        }
        if (!observers.isEmpty()) {
            observe(new DeliveryResult(outcome, event, entry.source(), d.clientAddress, took));
        }
        if (debug) {
            String timestamp = LogText.signatureTimestamp(d.signatureHeader);
            LOG.info("Calendly webhook {} {} from {}: event={} key={} signature {} in {} ms{}", outcome.status(),
                    outcome.code(), d.clientAddress, LogText.clean(entry.eventName()),
                    LogText.clean(entry.eventKey()), timestamp == null ? "absent" : timestamp,
                    took.toMillis(), entry.detail() == null ? "" : " (" + LogText.clean(entry.detail()) + ")");
        } else if (!outcome.acknowledged() && LOG.isDebugEnabled()) {
            LOG.debug("Calendly webhook rejected with {} {} from {}", outcome.status(), outcome.code(),
                    d.clientAddress);
        }
    }

    private void observe(DeliveryResult result) {
        for (DeliveryObserver observer : observers) {
            try {
                observer.onDelivery(result);
            } catch (RuntimeException e) {
                observerFailures.incrementAndGet();
                LOG.warn("Delivery observer {} failed", observer.getClass().getName(), e);
            }
        }
    }

    @Nullable ListenerDispatcher dispatcher() {
        return dispatcher;
    }

    long listenerFailures() {
        return own == null ? 0 : own.dispatcher().failedAttempts();
    }

    long observerFailures() {
        return observerFailures.get();
    }
}
