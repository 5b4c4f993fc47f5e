package io.github.calendlywebhook.benchmarks.micronaut;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.LongAdder;

/**
 * The listener a user's application adds, as small as one can be: it counts bookings. With it, each
 * stored delivery also writes and completes a listener publication, which the durable rows measure.
 */
@Singleton
public class Bookings {

    private final LongAdder created = new LongAdder();

    @EventListener
    void on(InviteeCreatedEvent event) {
        created.increment();
    }

    /** Returns how many bookings the listener has seen. */
    public long created() {
        return created.sum();
    }
}
