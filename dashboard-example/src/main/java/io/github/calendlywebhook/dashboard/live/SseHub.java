package io.github.calendlywebhook.dashboard.live;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of this instance. Each stream gets a full snapshot when it opens (so a
 * reconnecting page is never out of date) and after every change; bursts of changes are coalesced into
 * one broadcast. Every event carries an increasing id; keep-alive comments keep proxies from closing
 * idle streams. Streams are removed on completion, timeout and error, and their number is capped.
 */
public final class SseHub implements AutoCloseable {

    /** The name of snapshot events. */
    public static final String SNAPSHOT_EVENT = "snapshot";
    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    private static final long RECONNECT_MILLIS = 2000;

    private final SnapshotSource source;
    private final int maxStreams;
    private final int maxStreamsPerClient;
    private final Duration streamTimeout;
    private final Map<SseEmitter, String> streams = new ConcurrentHashMap<>();
    private final Map<SseEmitter, String> clientOf = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-live");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Creates the hub.
     *
     * @param source computes snapshots
     * @param maxStreams the maximum number of open streams
     * @param maxStreamsPerClient the maximum number of open streams of one client key
     * @param streamTimeout how long a stream stays open before the browser reconnects
     * @param heartbeat the interval of keep-alive comments
     */
    public SseHub(SnapshotSource source, int maxStreams, int maxStreamsPerClient, Duration streamTimeout,
            Duration heartbeat) {
        this.source = source;
        this.maxStreams = maxStreams;
        this.maxStreamsPerClient = maxStreamsPerClient;
        this.streamTimeout = streamTimeout;
        long millis = heartbeat.toMillis();
        executor.scheduleAtFixedRate(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream that starts with a full snapshot.
     *
     * @param period the period the page shows
     * @param clientKey the client's key (core's {@code ClientKeys}), whose streams are capped on their own
     * @return the stream, or empty when the global cap or the client's cap is reached
     */
    public Optional<SseEmitter> open(String period, String clientKey) {
        if (perClient.merge(clientKey, 1, Integer::sum) > maxStreamsPerClient) {
            release(clientKey);
            return Optional.empty();
        }
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            release(clientKey);
            return Optional.empty();
        }
        Object first;
        try {
            first = source.snapshot(period);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            release(clientKey);
            throw e;
        }
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        clientOf.put(emitter, clientKey);
        streams.put(emitter, period);
        emitter.onCompletion(() -> remove(emitter));
        emitter.onTimeout(() -> {
            remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> remove(emitter));
        send(emitter, sequence.get(), first);
        return Optional.of(emitter);
    }

    /** Schedules a broadcast of fresh snapshots to every open stream; returns at once. */
    public void changed() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                broadcast();
            });
        }
    }

    /** Returns the number of open streams. */
    public int openStreams() {
        return open.get();
    }

    /**
     * Returns the number of open streams of one client.
     *
     * @param clientKey the client's key
     * @return its open streams
     */
    public int openStreams(String clientKey) {
        return perClient.getOrDefault(clientKey, 0);
    }

    /** Returns whether one more stream of this client would pass its own cap. */
    boolean clientFull(String clientKey) {
        return openStreams(clientKey) >= maxStreamsPerClient;
    }

    private void release(String clientKey) {
        perClient.computeIfPresent(clientKey, (key, count) -> count <= 1 ? null : count - 1);
    }

    private void broadcast() {
        long id = sequence.incrementAndGet();
        Map<String, Object> snapshots = new HashMap<>();
        streams.forEach((emitter, period) -> {
            try {
                send(emitter, id, snapshots.computeIfAbsent(period, source::snapshot));
            } catch (RuntimeException e) {
                LOG.warn("Could not compute the live snapshot for period {}: {}", period, e.getMessage());
            }
        });
    }

    private void heartbeat() {
        streams.keySet().forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                fail(emitter, e);
            }
        });
    }

    private void send(SseEmitter emitter, long id, Object snapshot) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(id)).name(SNAPSHOT_EVENT)
                    .reconnectTime(RECONNECT_MILLIS).data(snapshot, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            fail(emitter, e);
        }
    }

    private void fail(SseEmitter emitter, Exception e) {
        remove(emitter);
        try {
            emitter.completeWithError(e);
        } catch (IllegalStateException alreadyDone) {
            LOG.trace("Stream already completed", alreadyDone);
        }
    }

    private void remove(SseEmitter emitter) {
        if (streams.remove(emitter) != null) {
            open.decrementAndGet();
            String clientKey = clientOf.remove(emitter);
            if (clientKey != null) {
                release(clientKey);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        streams.keySet().forEach(SseEmitter::complete);
        streams.clear();
        clientOf.clear();
        perClient.clear();
    }
}
