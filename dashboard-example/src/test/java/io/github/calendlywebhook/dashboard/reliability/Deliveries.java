package io.github.calendlywebhook.dashboard.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed {@code invitee.created} deliveries, one unique invitee each, sent as Calendly would: over
 * HTTP, several at a time, each answer recorded by invitee URI.
 */
final class Deliveries {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The answer to one delivery.
     *
     * @param status the HTTP status, or -1 when no answer came (connection refused or cut)
     * @param ack the {@code status} field of a 2xx body ({@code accepted} or {@code duplicate}), else empty
     * @param retryAfter the {@code Retry-After} header, else empty
     * @param error the {@code error} field of a JSON error body, else empty
     */
    record Answer(int status, String ack, String retryAfter, String error) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();

    /** Creates {@code count} deliveries with fresh invitee URIs. */
    Deliveries(int count) {
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            String uri = "https://api.calendly.com/scheduled_events/RELIABILITY/invitees/" + run + "-" + i;
            bodies.put(uri, SignedPayloads.inviteeCreated(uri));
        }
    }

    /** Returns the invitee URIs, in order. */
    List<String> uris() {
        return new ArrayList<>(bodies.keySet());
    }

    /**
     * Sends every delivery to the endpoint from {@code threads} threads and returns the answers.
     *
     * @param acknowledged incremented on each 2xx, so a test can act mid-stream
     */
    Map<String, Answer> send(URI endpoint, int threads, AtomicInteger acknowledged) throws Exception {
        Map<String, Answer> answers = new ConcurrentHashMap<>();
        List<String> uris = uris();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < uris.size(); i = next.getAndIncrement()) {
                        Answer answer = deliver(endpoint, uris.get(i));
                        answers.put(uris.get(i), answer);
                        if (answer.acknowledged()) {
                            acknowledged.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    /** Starts {@link #send} on another thread and returns its answers once it is done. */
    CompletableFuture<Map<String, Answer>> sendInBackground(URI endpoint, int threads, AtomicInteger acknowledged) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(endpoint, threads, acknowledged);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Sends one delivery and returns its answer. */
    Answer deliver(URI endpoint, String uri) throws InterruptedException {
        try {
            HttpResponse<String> response = SignedDelivery.of(bodies.get(uri)).secret(DashboardProcess.SECRET)
                    .postTo(endpoint);
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = json ? JSON.readTree(response.body()) : JSON.missingNode();
            String ack = response.statusCode() / 100 == 2 ? body.path("status").asText() : "";
            return new Answer(response.statusCode(), ack, response.headers().firstValue("Retry-After").orElse(""),
                    body.path("error").asText());
        } catch (IOException e) {
            return new Answer(-1, "", "", "");
        }
    }
}
