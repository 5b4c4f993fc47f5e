package io.github.calendlywebhook.core.publication;

import java.util.Locale;

/** When a listener first runs for a newly stored event. */
public enum ListenerMode {

    /**
     * On the request thread right after the commit, before the answer is sent (the default, and the
     * behaviour before publications existed); its time counts against Calendly's 15 seconds.
     */
    SYNC_FIRST,

    /** On the dispatcher's executor: the request is answered right after the commit. */
    ASYNC;

    /**
     * Returns the mode a configuration value names: {@code sync-first} or {@code async}, in any case.
     *
     * @param value the configured value
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ListenerMode parse(String value) {
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ListenerMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("listener mode must be sync-first or async, was '" + value + "'");
    }
}
