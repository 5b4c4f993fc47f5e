package io.github.calendlywebhook.dashboard.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a Server-Sent Events stream over real HTTP, collecting complete events on a queue. */
public final class EventStreamReader implements AutoCloseable {

    /**
     * One event.
     *
     * @param id the id field
     * @param name the event name
     * @param data the data
     */
    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final HttpHeaders headers;
    private final int status;
    private final InputStream body;
    private final Thread reader;

    /**
     * Opens a stream.
     *
     * @param url the stream URL
     * @param extraHeaders header name/value pairs
     */
    public EventStreamReader(String url, String... extraHeaders) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        this.headers = response.headers();
        this.status = response.statusCode();
        this.body = response.body();
        this.reader = new Thread(this::read, "test-sse-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Returns the response headers. */
    public HttpHeaders headers() {
        return headers;
    }

    /** Returns the response status. */
    public int status() {
        return status;
    }

    /** Waits for the next event whose data contains a text, skipping others; fails after a generous wait. */
    public Event next(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.data().contains(containing)) {
                return event;
            }
        }
        throw new AssertionError("no event containing " + containing);
    }

    /** Waits for the next comment line (a keep-alive); fails after a generous wait. */
    public String nextComment() throws InterruptedException {
        String comment = comments.poll(30, TimeUnit.SECONDS);
        if (comment == null) {
            throw new AssertionError("no comment received");
        }
        return comment;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = "";
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        } catch (java.io.IOException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() throws java.io.IOException {
        body.close();
    }
}
