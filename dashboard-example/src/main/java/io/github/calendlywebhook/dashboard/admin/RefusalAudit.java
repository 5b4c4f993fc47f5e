package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.ip.ClientKeys;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Audits refusals that anyone can cause without logging in (throttled logins, refused request shapes,
 * rate-limited reads, refused streams) without letting a flood fill the audit table: per action and
 * client key (core's {@code ClientKeys}: an IPv4 address or an IPv6 /64) the first
 * {@value #WRITTEN_PER_WINDOW} of a minute are written one by one, the rest are counted into one entry
 * whose {@code count} holds their number, written when the minute has passed. Nothing is dropped from
 * the counts; past {@value #MAX_KEYS} keys, further clients are pooled under {@code *}.
 */
@Component
public final class RefusalAudit {

    static final int WRITTEN_PER_WINDOW = 10;
    static final int MAX_KEYS = 10_000;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Key(String action, String client) {
    }

    private static final class Window {
        final Instant start;
        int written;
        long counted;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final AdminAudit audit;
    private final Clock clock;
    private final ClientKeys clientKeys;
    private final Map<Key, Window> windows = new LinkedHashMap<>();

    @Autowired
    RefusalAudit(AdminAudit audit, Clock clock, ObjectProvider<ClientKeys> clientKeys) {
        this(audit, clock, clientKeys.getIfUnique(ClientKeys::ofDefaults));
    }

    RefusalAudit(AdminAudit audit, Clock clock, ClientKeys clientKeys) {
        this.audit = audit;
        this.clock = clock;
        this.clientKeys = clientKeys;
    }

    /**
     * Audits one refusal.
     *
     * @param action the audit action
     * @param clientAddress the client's address
     * @param detail a short detail without secrets
     */
    public void record(String action, String clientAddress, @Nullable String detail) {
        List<Map.Entry<Key, Long>> due;
        boolean writeNow;
        synchronized (this) {
            Instant now = clock.instant();
            due = closeWindows(now, false);
            Key key = new Key(action, clientKeys.of(clientAddress));
            if (!windows.containsKey(key) && windows.size() >= MAX_KEYS) {
                key = new Key(action, "*");
            }
            Window window = windows.computeIfAbsent(key, k -> new Window(now));
            writeNow = window.written < WRITTEN_PER_WINDOW;
            if (writeNow) {
                window.written++;
            } else {
                window.counted++;
            }
        }
        writeCounted(due);
        if (writeNow) {
            audit.record(action, clientAddress, detail);
        }
    }

    /** Writes the counts of the windows that have closed; runs every minute. */
    @Scheduled(fixedDelay = 60_000)
    public void flush() {
        List<Map.Entry<Key, Long>> due;
        synchronized (this) {
            due = closeWindows(clock.instant(), false);
        }
        writeCounted(due);
    }

    /** Writes every pending count, closed or not; runs on shutdown. */
    @PreDestroy
    public void flushAll() {
        List<Map.Entry<Key, Long>> due;
        synchronized (this) {
            due = closeWindows(clock.instant(), true);
        }
        writeCounted(due);
    }

    private List<Map.Entry<Key, Long>> closeWindows(Instant now, boolean all) {
        List<Map.Entry<Key, Long>> due = new ArrayList<>();
        Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Window> entry = it.next();
            if (all || !entry.getValue().start.plus(WINDOW).isAfter(now)) {
                if (entry.getValue().counted > 0) {
                    due.add(Map.entry(entry.getKey(), entry.getValue().counted));
                }
                it.remove();
            }
        }
        return due;
    }

    private void writeCounted(List<Map.Entry<Key, Long>> due) {
        for (Map.Entry<Key, Long> entry : due) {
            audit.record(entry.getKey().action(), entry.getKey().client(),
                    entry.getValue() + " more refused in one minute, counted here", entry.getValue());
        }
    }

    @Override
    public String toString() {
        return "RefusalAudit[" + WRITTEN_PER_WINDOW + " written per client and minute, " + clientKeys + "]";
    }
}
