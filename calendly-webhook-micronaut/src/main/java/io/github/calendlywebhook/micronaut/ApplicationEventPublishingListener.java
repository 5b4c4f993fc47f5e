package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import java.util.Objects;

/**
 * Publishes every stored event as a Micronaut application event of its own type, so an application
 * writes {@code @EventListener void on(InviteeCreatedEvent event)}. The adapter no longer registers it:
 * its listener dispatcher calls those listeners directly, at least once (registered as well, it would
 * call them a second time).
 */
public final class ApplicationEventPublishingListener implements CalendlyEventListener {

    private final ApplicationEventPublisher<Object> publisher;

    /**
     * Creates a listener publishing through the given publisher.
     *
     * @param publisher the application's event publisher
     */
    public ApplicationEventPublishingListener(ApplicationEventPublisher<Object> publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public void onEvent(CalendlyEvent event) {
        publisher.publishEvent(event);
    }
}
