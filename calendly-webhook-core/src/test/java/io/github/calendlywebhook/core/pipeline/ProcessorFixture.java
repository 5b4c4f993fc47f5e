package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.MutableClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A processor on the conformance settings with a hand-moved clock, recording what it reports. */
final class ProcessorFixture {

    final MutableClock clock = MutableClock.at(Requests.NOW);
    final InMemoryEventStore store = InMemoryEventStore.builder().clock(clock)
            .retained(InMemoryEventStore.Retained.EVENTS).build();
    final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    final List<DeliveryResult> deliveries = new CopyOnWriteArrayList<>();

    WebhookProcessor.Builder builder() {
        return builder(ConformanceSettings.settings());
    }

    WebhookProcessor.Builder builder(WebhookSettings settings) {
        return WebhookProcessor.builder(settings).clock(clock).store(store).auditLog(audit::add)
                .observer(deliveries::add);
    }

    WebhookProcessor processor() {
        return builder().build();
    }
}
