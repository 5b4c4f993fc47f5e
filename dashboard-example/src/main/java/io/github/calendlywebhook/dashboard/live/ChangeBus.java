package io.github.calendlywebhook.dashboard.live;

import java.util.function.Consumer;

/**
 * Tells every instance that the numbers changed. On PostgreSQL instances tell each other through
 * {@code LISTEN/NOTIFY}; on an embedded database only the local instance exists.
 */
public interface ChangeBus {

    /** The reason announced after a lost connection, when changes from other instances may have been missed. */
    String RECONNECTED = "reconnected";

    /**
     * Announces a change to every instance, this one included.
     *
     * @param reason a short reason for diagnostics, without personal data
     */
    void publish(String reason);

    /**
     * Registers a callback run after every announced change, on a bus thread, with the announced reason
     * ({@link #RECONNECTED} when announcements may have been missed).
     *
     * @param listener the callback
     */
    void subscribe(Consumer<String> listener);
}
