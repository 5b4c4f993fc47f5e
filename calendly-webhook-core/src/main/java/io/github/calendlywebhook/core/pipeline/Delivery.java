package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The facts gathered about one delivery while it is processed; confined to one thread. */
final class Delivery {

    final Instant receivedAt;
    String clientAddress;
    /** The client's rate-limit key; {@code null} for an in-process delivery, which is never rate limited. */
    @Nullable String clientKey;
    /** Whether the delivery was handed over in process by the application, an admin test. */
    boolean inProcess;
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
        return inProcess || e != null && e.metadata().test() ? EventSource.TEST : EventSource.WEBHOOK;
    }
}
