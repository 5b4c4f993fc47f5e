package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every stored event as a Spring application event carrying the typed core event, so an
 * application writes {@code @EventListener void on(InviteeCreatedEvent event)}.
 */
public final class ApplicationEventPublishingListener implements CalendlyEventListener {

    private final ApplicationEventPublisher publisher;

    /**
     * Creates the listener.
     *
     * @param publisher where events are published
     */
    public ApplicationEventPublishingListener(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onEvent(CalendlyEvent event) {
        publisher.publishEvent(event);
    }
}
