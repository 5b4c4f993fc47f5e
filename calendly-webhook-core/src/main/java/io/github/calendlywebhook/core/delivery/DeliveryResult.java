package io.github.calendlywebhook.core.delivery;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The final outcome of one delivery, as handed to {@link DeliveryObserver}s.
 *
 * @param outcome what happened, with the status answered
 * @param event the parsed event, when parsing was reached and succeeded
 * @param source {@link EventSource#TEST} for test deliveries, {@link EventSource#WEBHOOK} otherwise
 * @param clientAddress the resolved client address, or the peer address when resolution was not reached
 * @param processingTime how long the processor took
 */
public record DeliveryResult(Outcome outcome, @Nullable CalendlyEvent event, EventSource source, String clientAddress,
        Duration processingTime) {

    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(processingTime, "processingTime");
    }
}
