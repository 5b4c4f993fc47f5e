package io.github.calendlywebhook.dashboard.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A change bus within one process, used with the embedded database. */
final class LocalChangeBus implements ChangeBus {

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String reason) {
        listeners.forEach(listener -> listener.accept(reason));
    }

    @Override
    public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }
}
