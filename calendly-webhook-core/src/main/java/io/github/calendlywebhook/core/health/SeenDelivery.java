package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One delivery as delivery health remembers it.
 *
 * @param at when it was processed
 * @param outcome what happened to it
 * @param source where it came from
 * @param eventName the Calendly event name, when the body was parsed
 */
public record SeenDelivery(Instant at, Outcome outcome, EventSource source, @Nullable String eventName) {

    public SeenDelivery {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
    }

    static SeenDelivery of(DeliveryResult result, Instant at) {
        CalendlyEvent event = result.event();
        return new SeenDelivery(at, result.outcome(), result.source(), event == null ? null : event.name());
    }

    static @Nullable SeenDelivery of(AuditEntry entry) {
        Outcome outcome = entry.outcome();
        return outcome == null ? null : new SeenDelivery(entry.at(), outcome, entry.source(), entry.eventName());
    }

    static @Nullable SeenDelivery newer(@Nullable SeenDelivery a, @Nullable SeenDelivery b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.at().isAfter(a.at()) ? a : b;
    }
}
