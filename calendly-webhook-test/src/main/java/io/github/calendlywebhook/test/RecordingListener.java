package io.github.calendlywebhook.test;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.ListenerContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A listener for tests that records every call with its context and throws while a rule says so:
 * for the first n calls, always, or never.
 */
public final class RecordingListener implements CalendlyEventListener {

    /** One call: the event and what the listener was told. */
    public record Call(CalendlyEvent event, ListenerContext context) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Predicate<ListenerContext> fails;
    private volatile Runnable during = () -> { };

    private RecordingListener(Predicate<ListenerContext> fails) {
        this.fails = fails;
    }

    /** Returns a listener that always returns. */
    public static RecordingListener succeeding() {
        return new RecordingListener(context -> false);
    }

    /** Returns a listener that throws on its first {@code times} calls, then returns. */
    public static RecordingListener failingFirst(int times) {
        RecordingListener listener = new RecordingListener(context -> false);
        listener.fails = context -> listener.calls.size() <= times;
        return listener;
    }

    /** Returns a listener that always throws. */
    public static RecordingListener alwaysFailing() {
        return new RecordingListener(context -> true);
    }

    /** Makes the listener return from now on. */
    public void recover() {
        fails = context -> false;
    }

    /** Runs the action inside each later call, before the listener decides to throw or return. */
    public void whileRunning(Runnable action) {
        during = action;
    }

    @Override
    public void onEvent(CalendlyEvent event, ListenerContext context) {
        calls.add(new Call(event, context));
        during.run();
        if (fails.test(context)) {
            throw new IllegalStateException("CRM unavailable (call " + calls.size() + ")");
        }
    }

    /** Returns the calls so far. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Returns the attempts the listener was told, in call order. */
    public List<Integer> attempts() {
        return calls.stream().map(call -> call.context().attempt()).toList();
    }
}
