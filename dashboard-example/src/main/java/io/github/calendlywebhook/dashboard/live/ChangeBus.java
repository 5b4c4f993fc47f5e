package io.github.calendlywebhook.dashboard.live;

/**
 * Tells every instance that the numbers changed. On PostgreSQL instances tell each other through
 * {@code LISTEN/NOTIFY}; on an embedded database only the local instance exists.
 */
public interface ChangeBus {

    /**
     * Announces a change to every instance, this one included.
     *
     * @param reason a short reason for diagnostics, without personal data
     */
    void publish(String reason);

    /**
     * Registers a callback run after every announced change, on a bus thread.
     *
     * @param listener the callback
     */
    void subscribe(Runnable listener);
}
