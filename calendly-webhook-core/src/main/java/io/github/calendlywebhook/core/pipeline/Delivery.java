package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.audit.EventSource;
import io.github.calendlywebhook.core.audit.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The facts gathered about one delivery while it is processed; confined to one thread. */
final class Delivery {

    final Instant receivedAt;
    String clientAddress;
    @Nullable Outcome outcome;
    @Nullable CalendlyEvent event;
    @Nullable String detail;
    /** The signature header value verified, kept only to log its timestamp in debug mode. */
    @Nullable String signatureHeader;

    Delivery(Instant receivedAt, String remoteAddress) {
        this.receivedAt = receivedAt;
        this.clientAddress = LogText.clean(remoteAddress);
    }

    EventSource source() {
        CalendlyEvent e = event;
        return e != null && e.metadata().test() ? EventSource.TEST : EventSource.WEBHOOK;
    }
}
