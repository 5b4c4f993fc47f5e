package io.github.calendlywebhook.test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The body of a test listener that throws the first time it sees each key (an invitee URI) and
 * succeeds afterwards, recording every call: what an adapter's at-least-once delivery must retry until
 * every key is handled. Thread-safe.
 */
public final class FailsFirstTime {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();

    /**
     * Handles one call.
     *
     * @param key the invitee's URI
     * @param attempt the attempt the listener was told, or 0 when it was told none
     * @throws IllegalStateException the first time the key is seen
     */
    public void handle(String key, int attempt) {
        calls.merge(key, 1, Integer::sum);
        attempts.add(attempt);
        if (seen.add(key)) {
            throw new IllegalStateException("the CRM is down (first call for this invitee)");
        }
        handled.add(key);
    }

    /** Returns the keys handled successfully, in order, a key once per successful call. */
    public List<String> handled() {
        return List.copyOf(handled);
    }

    /**
     * Returns how many times a key was seen.
     *
     * @param key the key
     * @return the calls, failed ones included
     */
    public int calls(String key) {
        return calls.getOrDefault(key, 0);
    }

    /** Returns the attempt each call was told, in call order. */
    public List<Integer> attempts() {
        return List.copyOf(attempts);
    }
}
