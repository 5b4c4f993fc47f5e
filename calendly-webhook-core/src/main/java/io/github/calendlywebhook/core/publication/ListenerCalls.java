package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.ListenerContext;
import java.util.Optional;

/**
 * The context of the listener call running on the current thread, for listeners that cannot take a
 * {@link ListenerContext} parameter (a framework's {@code @EventListener} method): read
 * {@link #current()} inside the listener to learn the attempt and the event's stable id.
 */
final class ListenerCalls {

    private static final ThreadLocal<ListenerContext> CURRENT = new ThreadLocal<>();

    private ListenerCalls() {
    }

    /**
     * Returns the context of the listener call running on this thread.
     *
     * @return the context, or empty outside a call made by a {@link ListenerDispatcher}
     */
    static Optional<ListenerContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void within(ListenerContext context, Runnable call) {
        ListenerContext outer = CURRENT.get();
        CURRENT.set(context);
        try {
            call.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
