package io.github.calendlywebhook.dashboard.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A change bus within one process, used with the embedded database. */
final class LocalChangeBus implements ChangeBus {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String reason) {
        listeners.forEach(Runnable::run);
    }

    @Override
    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }
}
