package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEventListener;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/** Builds a {@link ListenerDispatcher}. */
public final class ListenerDispatcherBuilder {

    final PublicationRegistry registry;
    final ListenerSettings settings;
    final Map<String, CalendlyEventListener> listeners = new LinkedHashMap<>();
    Clock clock = Clock.systemUTC();
    DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    @Nullable Executor executor;

    ListenerDispatcherBuilder(PublicationRegistry registry, ListenerSettings settings) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Registers a listener under a stable id: its publications carry the id, so renaming it orphans
     * the publications of the old name (they stay incomplete, visible in the counts).
     *
     * @param id 1 to 255 characters, unique in this dispatcher
     * @param listener the listener
     * @return this builder
     * @throws IllegalArgumentException for a blank, too long or repeated id
     */
    public ListenerDispatcherBuilder listener(String id, CalendlyEventListener listener) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listener, "listener");
        if (id.isBlank() || id.length() > ListenerSettings.MAX_INSTANCE_ID) {
            throw new IllegalArgumentException("a listener id must be 1 to 255 non-blank characters, was '" + id + "'");
        }
        if (listeners.putIfAbsent(id, listener) != null) {
            throw new IllegalArgumentException("two listeners are registered under the id '" + id + "'");
        }
        return this;
    }

    /**
     * Sets the clock of leases, back-offs and ages.
     *
     * @param clock the clock
     * @return this builder
     */
    public ListenerDispatcherBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the executor of first attempts in {@link ListenerMode#ASYNC}; by default two daemon threads
     * that {@link ListenerDispatcher#close()} stops.
     *
     * @param executor the executor
     * @return this builder
     */
    public ListenerDispatcherBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * Sets the source of the back-off jitter, uniform in [0, 1); for tests.
     *
     * @param jitter the source
     * @return this builder
     */
    public ListenerDispatcherBuilder jitter(DoubleSupplier jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return this;
    }

    /** Returns the dispatcher. */
    public ListenerDispatcher build() {
        return new ListenerDispatcher(this);
    }
}
