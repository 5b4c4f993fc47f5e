package io.github.calendlywebhook.dashboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides whether a login attempt may check the password, per client and for the one admin account,
 * with delays that double on every failure.
 *
 * <ul>
 *   <li>Per client (a key from core's {@code ClientKeys}: an IPv4 address or an IPv6 /64): the first
 *       {@code clientFreeFailures} failures are free, then the client is blocked for 30 s, 60 s, 120 s
 *       ... up to one hour. Its count is forgotten a day after its last failure, or on a successful login.</li>
 *   <li>Per account: after {@code accountFreeFailures} failures from any clients, the account is held for
 *       1 s, 2 s, 4 s ... up to 30 s after each further failure. The hold applies only to clients that have
 *       failed before: a client without failures is never held by it, so an attacker spread over many
 *       addresses slows every one of them to one guess per hold but cannot lock the real admin out.</li>
 * </ul>
 *
 * <p>Every attempt counts as a failure when it starts, so parallel guesses cannot slip past the count;
 * {@link #succeeded} takes it back. Thread-safe; the number of clients tracked is bounded.
 */
final class LoginThrottle {

    static final Duration CLIENT_FIRST_BLOCK = Duration.ofSeconds(30);
    static final Duration CLIENT_MAX_BLOCK = Duration.ofHours(1);
    static final Duration CLIENT_MEMORY = Duration.ofDays(1);
    static final int ACCOUNT_FREE_FAILURES = 10;
    static final Duration ACCOUNT_FIRST_HOLD = Duration.ofSeconds(1);
    static final Duration ACCOUNT_MAX_HOLD = Duration.ofSeconds(30);
    static final Duration ACCOUNT_MEMORY = Duration.ofHours(1);
    static final int MAX_CLIENTS = 10_000;

    private static final class Failures {
        int count;
        Instant last = Instant.EPOCH;
        Instant blockedUntil = Instant.EPOCH;
    }

    private final int clientFreeFailures;
    private final Clock clock;
    private final Map<String, Failures> clients = new LinkedHashMap<>();
    private final Failures account = new Failures();

    LoginThrottle(int clientFreeFailures, Clock clock) {
        if (clientFreeFailures < 1) {
            throw new IllegalArgumentException("dashboard.login-free-failures must be positive, was "
                    + clientFreeFailures);
        }
        this.clientFreeFailures = clientFreeFailures;
        this.clock = clock;
    }

    /**
     * Starts an attempt: returns how long the client must wait, or {@link Duration#ZERO} when the attempt
     * may check the password, in which case it is counted as a failure until {@link #succeeded} is called.
     *
     * @param clientKey the client's key
     * @return the time to wait, zero when allowed
     */
    synchronized Duration begin(String clientKey) {
        Instant now = clock.instant();
        forgetOld(now);
        Failures client = clients.get(clientKey);
        if (client != null && !client.last.plus(CLIENT_MEMORY).isAfter(now) && !client.blockedUntil.isAfter(now)) {
            clients.remove(clientKey);
            client = null;
        }
        Duration wait = client == null ? Duration.ZERO : remaining(client.blockedUntil, now);
        if (client != null && client.count > 0) {
            Duration accountWait = remaining(account.blockedUntil, now);
            wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
        }
        if (!wait.isZero()) {
            return wait;
        }
        if (client == null) {
            client = new Failures();
            clients.put(clientKey, client);
        }
        fail(client, now, clientFreeFailures, CLIENT_FIRST_BLOCK, CLIENT_MAX_BLOCK);
        fail(account, now, ACCOUNT_FREE_FAILURES, ACCOUNT_FIRST_HOLD, ACCOUNT_MAX_HOLD);
        return Duration.ZERO;
    }

    /**
     * Records that the client's attempt had the right password: its failures and the account's are forgotten.
     *
     * @param clientKey the client's key
     */
    synchronized void succeeded(String clientKey) {
        clients.remove(clientKey);
        account.count = 0;
        account.blockedUntil = Instant.EPOCH;
    }

    private static void fail(Failures failures, Instant now, int free, Duration first, Duration max) {
        failures.count++;
        failures.last = now;
        int over = failures.count - free;
        if (over >= 0) {
            Duration block = over >= 20 ? max : first.multipliedBy(1L << over);
            failures.blockedUntil = now.plus(block.compareTo(max) > 0 ? max : block);
        }
    }

    private void forgetOld(Instant now) {
        if (!account.last.plus(ACCOUNT_MEMORY).isAfter(now)) {
            account.count = 0;
        }
        if (clients.size() < MAX_CLIENTS) {
            return;
        }
        clients.values().removeIf(f -> !f.last.plus(CLIENT_MEMORY).isAfter(now) && !f.blockedUntil.isAfter(now));
        Iterator<Map.Entry<String, Failures>> oldest = clients.entrySet().iterator();
        while (clients.size() >= MAX_CLIENTS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static Duration remaining(Instant until, Instant now) {
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    @Override
    public String toString() {
        return "LoginThrottle[clientFreeFailures=" + clientFreeFailures + ", accountFreeFailures="
                + ACCOUNT_FREE_FAILURES + "]";
    }
}
