package io.github.calendlywebhook.core.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link CalendlyApiClient}; every setter validates its argument. Defaults: Calendly's
 * production URL, 10 s connect and 30 s request timeouts, 3 retries, back-off from 500 ms doubling up
 * to 8 s, rate-limit waits capped at 90 s, the system clock, a sleeper that blocks the thread.
 */
public final class CalendlyApiClientBuilder {

    private final String token;
    private URI baseUrl = CalendlyApiClient.DEFAULT_BASE_URL;
    private Clock clock = Clock.systemUTC();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRateLimitWait = Duration.ofSeconds(90);
    private Sleeper sleeper = Sleeper.threadSleep();

    CalendlyApiClientBuilder(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the Calendly API token must not be blank (CALENDLY_API_TOKEN)");
        }
        this.token = token.strip();
    }

    /**
     * Sets the base URL (for tests or a proxy).
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     */
    public CalendlyApiClientBuilder baseUrl(String baseUrl) {
        URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + baseUrl);
        }
        this.baseUrl = uri;
        return this;
    }

    /**
     * Sets the clock used to read absolute rate-limit reset times.
     *
     * @param clock the clock
     * @return this builder
     */
    public CalendlyApiClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the connect timeout.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public CalendlyApiClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * Sets the timeout of one request, from sending to the full answer.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public CalendlyApiClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /**
     * Sets how often one call is retried after a 429, a 5xx or a connection failure.
     *
     * @param maxRetries 0 or more
     * @return this builder
     */
    public CalendlyApiClientBuilder maxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        return this;
    }

    /**
     * Sets the exponential back-off for 5xx and connection failures.
     *
     * @param initial the wait before the first retry, positive
     * @param max the cap, at least {@code initial}
     * @return this builder
     */
    public CalendlyApiClientBuilder backoff(Duration initial, Duration max) {
        positive(initial, "initial backoff");
        if (positive(max, "max backoff").compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff must be at least the initial backoff");
        }
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /**
     * Sets the longest wait honoured for one 429.
     *
     * @param max a positive duration
     * @return this builder
     */
    public CalendlyApiClientBuilder maxRateLimitWait(Duration max) {
        this.maxRateLimitWait = positive(max, "maxRateLimitWait");
        return this;
    }

    /**
     * Sets how the client waits between retries; tests record the waits instead.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    CalendlyApiClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /** Returns the client. */
    public CalendlyApiClient build() {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        RetryPolicy retry = new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRateLimitWait, clock);
        return new CalendlyApiClient(new ApiTransport(http, baseUrl, token, requestTimeout, retry, sleeper));
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }

    @Override
    public String toString() {
        return "CalendlyApiClientBuilder[baseUrl=" + baseUrl + "]";
    }
}
