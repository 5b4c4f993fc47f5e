package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every newly stored event as a Spring application event carrying the typed core event, for
 * the application listeners the listener dispatcher does not call (an {@code ApplicationListener} bean,
 * an {@code @EventListener} method with a {@code condition} or {@code classes}, a
 * {@code @TransactionalEventListener}): they receive it once, at most once, on the request thread before
 * the answer. The plain {@code @EventListener} methods taking Calendly events are called by the dispatcher
 * instead, at least once.
 */
public final class ApplicationEventPublishingListener implements DeliveryObserver {

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
    public void onDelivery(DeliveryResult result) {
        CalendlyEvent event = result.event();
        if (result.outcome() == Outcome.ACCEPTED && event != null) {
            publisher.publishEvent(event);
        }
    }
}
