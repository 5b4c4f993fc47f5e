package io.github.calendlywebhook.core.api.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs {@code {"text": ...}} asynchronously with a timeout. At most {@value #MAX_IN_FLIGHT} posts are
 * pending at once; further alerts are dropped (and logged) while the target hangs.
 */
final class SlackAlertNotifier implements AlertNotifier {

    static final int MAX_IN_FLIGHT = 8;
    private static final Logger LOG = LoggerFactory.getLogger(SlackAlertNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicInteger inFlight = new AtomicInteger();

    SlackAlertNotifier(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("the alert webhook URL must be an absolute http(s) URL");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the alert timeout must be positive, was " + timeout);
        }
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public CompletableFuture<Boolean> send(Alert alert) {
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            LOG.warn("alert dropped, the alert target is not keeping up: {}", alert.text());
            return CompletableFuture.completedFuture(false);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("text", alert.text()))))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> done(alert, response, failure));
        } catch (JsonProcessingException | RuntimeException e) {
            inFlight.decrementAndGet();
            LOG.warn("alert could not be sent: {}", e.toString());
            return CompletableFuture.completedFuture(false);
        }
    }

    private boolean done(Alert alert, HttpResponse<Void> response, Throwable failure) {
        inFlight.decrementAndGet();
        if (failure != null) {
            LOG.warn("alert not delivered ({}): {}", failure.getClass().getSimpleName(), alert.text());
            return false;
        }
        if (response.statusCode() / 100 != 2) {
            LOG.warn("alert target answered {}: {}", response.statusCode(), alert.text());
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "SlackAlertNotifier[host=" + url.getHost() + "]";
    }
}
