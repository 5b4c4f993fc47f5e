package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.audit.internal.AggregatingAuditLog;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.ip.ClientAddressResolver;
import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.ip.IpAllowlist;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.SigningKeys;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the answer to one webhook delivery. Checks run cheapest first: method (405), client address
 * (403 {@code forwarding_headers_invalid} when a trusted proxy's forwarding headers disagree or cannot be
 * read), the client address against the allowlist (403), rate limit per client key (429), body size (413), content type (415), signature (401),
 * envelope (400); then the event is stored idempotently and only then acknowledged with 200
 * ({@code accepted}, or {@code duplicate} for a repeated delivery). A store failure, or any unexpected
 * failure, answers 503 with {@code Retry-After}, so Calendly delivers again; 410 is never sent.
 * Listeners run after a new event is stored, at least once: retried until they return (see
 * {@link ListenerDispatcher}); their first attempt runs on the request thread before the answer is sent
 * by default (Calendly waits 15 seconds, so hand slow work to an executor); observers and the audit log
 * see every outcome; rejections are aggregated in the audit log. {@link #processTestDelivery} takes an
 * application's own test delivery in process, without the network checks. Thread-safe; build one per
 * endpoint and share it, and {@link #close()} it on shutdown.
 */
public final class WebhookProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);
    /** The client address audited for a test delivery handed over in process. */
    public static final String IN_PROCESS_CLIENT = "in-process";
    /** Seconds Calendly is asked to wait after a 503. */
    static final long UNAVAILABLE_RETRY_SECONDS = 30;

    private final WebhookSettings settings;
    private final Clock clock;
    private final AggregatingAuditLog auditLog;
    private final DeliveryReporter reporter;
    private final DeliveryChecks checks;
    private final @Nullable OwnListeners ownListeners;

    private WebhookProcessor(Builder b) {
        this.settings = b.settings;
        this.clock = b.clock;
        SignatureCheck signature = new SignatureCheck(b.signingKeys != null ? b.signingKeys
                : SigningKeys.fixed(b.verifier != null ? b.verifier : Mechanisms.verifier(settings, clock)));
        IpAllowlist allowlist = b.allowlist != null ? b.allowlist
                : configured("calendly.webhook.allowed-ips (ALLOWED_IPS)", () -> IpAllowlist.parse(settings.allowedIps()));
        ClientAddressResolver addressResolver = b.addressResolver != null ? b.addressResolver : configured(
                "calendly.webhook.trusted-proxies", () -> ClientAddressResolver.trusting(settings.trustedProxies()));
        RateLimiter limiter = b.rateLimiter != null ? b.rateLimiter
                : settings.rateLimitEnabled() ? Mechanisms.rateLimiter(settings, clock) : null;
        RateLimitGate rateLimit = new RateLimitGate(limiter, settings.rateLimitPolicy());
        ClientKeys clientKeys = b.clientKeys != null ? b.clientKeys : settings.clientKeys();
        this.auditLog = AggregatingAuditLog.wrap(b.auditLog, clock, AggregatingAuditLog.DEFAULT_WINDOW, clientKeys,
                settings.auditRejectionRowsPerWindow());
        this.ownListeners = b.listeners.isEmpty() ? null : new OwnListeners(b.listeners, b.listenerSettings, clock);
        this.reporter = new DeliveryReporter(b.dispatcher, ownListeners, b.observers, auditLog, settings.debug());
        this.checks = new DeliveryChecks(settings.maxBodySize(), b.store, addressResolver, allowlist, clientKeys,
                rateLimit, signature, reporter);
    }

    /**
     * Returns a builder.
     *
     * @param settings the endpoint settings; a secret is required
     * @return the builder
     */
    public static Builder builder(WebhookSettings settings) {
        return new Builder(settings);
    }

    /** Returns the settings this processor runs with. */
    public WebhookSettings settings() {
        return settings;
    }

    /**
     * Returns how many calls of the listeners added with {@link Builder#listener} have thrown since this
     * processor was built (a dispatcher set with {@link Builder#dispatcher} counts its own in its stats).
     */
    public long listenerFailures() {
        return reporter.listenerFailures();
    }

    /**
     * Returns the dispatcher delivering the stored events to this processor's listeners: the one set with
     * {@link Builder#dispatcher}, or the in-memory one made for the listeners added with
     * {@link Builder#listener}; its counts, parked publications and retries are what an admin view shows.
     *
     * @return the dispatcher, or empty when the processor has no listener
     */
    public Optional<ListenerDispatcher> listenerDispatcher() {
        return Optional.ofNullable(reporter.dispatcher());
    }

    /**
     * Flushes the aggregated rejections to the audit log and stops the retries of the listeners added with
     * {@link Builder#listener} (a dispatcher set with {@link Builder#dispatcher} is the caller's to close).
     */
    @Override
    public void close() {
        try {
            flushAudit();
        } finally {
            if (ownListeners != null) {
                ownListeners.close();
            }
        }
    }

    /** Returns how many observer calls have thrown since this processor was built. */
    public long observerFailures() {
        return reporter.observerFailures();
    }

    /** Writes the pending counts of aggregated rejections to the audit log; call periodically or on shutdown. */
    public void flushAudit() {
        auditLog.flush();
    }

    /**
     * Processes one delivery. Never throws for anything the request contains.
     *
     * @param request the request
     * @return the answer to send
     */
    public WebhookResponse process(WebhookRequest request) {
        Delivery d = new Delivery(clock.instant(), request.remoteAddress());
        WebhookResponse response;
        try {
            response = checks.run(request, d);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure processing a Calendly webhook from {}; answering 503 so it is retried: {}",
                    LogText.clean(d.clientAddress), e.toString());
            d.event = null;
            response = checks.unavailable(d, "the delivery could not be processed; retry later");
        }
        reporter.finish(d, clock.instant());
        return response;
    }

    /**
     * Processes a test delivery that the application hands over in process, for example from an admin's
     * "Test Webhook" button. The signature, size, content type, parsing and storage run for real; the
     * network checks (allowlist, forwarding headers, rate limit) are skipped, because the delivery never
     * came from the network. Only code running in the application can call this; no header or token of
     * an HTTP request leads here. The event is stored and audited as a test ({@code source TEST}), with
     * client address {@value #IN_PROCESS_CLIENT} and the requester in the detail.
     *
     * @param headers the headers the delivery carries; the signature and {@code Content-Type} are read
     * @param body the raw body
     * @param requestedBy who asked for the test (for example the admin's address), for the audit entry
     * @return the answer the endpoint would have sent
     */
    public WebhookResponse processTestDelivery(Map<String, List<String>> headers, byte[] body, String requestedBy) {
        WebhookRequest request = WebhookRequest.post(headers, IN_PROCESS_CLIENT, body);
        Delivery d = new Delivery(clock.instant(), IN_PROCESS_CLIENT);
        d.inProcess = true;
        WebhookResponse response;
        try {
            response = checks.runContentChecks(request, d);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure processing an in-process test delivery: {}", e.toString());
            d.event = null;
            response = checks.unavailable(d, "the delivery could not be processed; retry later");
        }
        String by = "admin test delivered in process for " + LogText.clean(requestedBy);
        d.detail = d.detail == null ? by : by + ": " + d.detail;
        reporter.finish(d, clock.instant());
        return response;
    }

    private static <T> T configured(String key, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** Builds a {@link WebhookProcessor}; the settings are validated by {@link #build()}. */
    public static final class Builder {

        private final WebhookSettings settings;
        private Clock clock = Clock.systemUTC();
        private EventStore store = new InMemoryEventStore();
        private AuditLog auditLog = AuditLog.discarding();
        private @Nullable SigningKeys signingKeys;
        private final Map<String, CalendlyEventListener> listeners = new LinkedHashMap<>();
        private ListenerSettings listenerSettings = ListenerSettings.ofDefaults();
        private final List<DeliveryObserver> observers = new ArrayList<>();
        private @Nullable SignatureVerifier verifier;
        private @Nullable IpAllowlist allowlist;
        private @Nullable ClientAddressResolver addressResolver;
        private @Nullable RateLimiter rateLimiter;
        private @Nullable ListenerDispatcher dispatcher;
        private @Nullable ClientKeys clientKeys;

        private Builder(WebhookSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /**
         * Sets the clock used for signature tolerance, rate limits, timings and audit windows.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the event store; an {@link InMemoryEventStore} by default.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(EventStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the audit log; rejections are aggregated in front of it. Discarding by default.
         *
         * @param auditLog the audit log
         * @return this builder
         */
        public Builder auditLog(AuditLog auditLog) {
            this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
            return this;
        }

        /**
         * Sets where the accepted secrets come from, read for every delivery; by default the secret and
         * previous secrets of the settings, fixed for the processor's life. The settings' tolerance does
         * not apply to a verifier from this source: it carries its own.
         *
         * @param signingKeys the source of the current verifier
         * @return this builder
         */
        public Builder signingKeys(SigningKeys signingKeys) {
            this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
            return this;
        }

        /**
         * Adds a listener under an id derived from its class: the class name, then {@code #2}, {@code #3}
         * for further listeners of the same class. The id is kept with each of its publications, so moving
         * or renaming the class (or, for an anonymous class, reordering its source file) orphans the
         * publications of the old id; {@link #listener(String, CalendlyEventListener)} names it for good.
         *
         * @param listener the listener
         * @return this builder
         * @throws IllegalArgumentException for a hidden or proxy class, whose name changes between runs
         * @see #listener(String, CalendlyEventListener)
         */
        public Builder listener(CalendlyEventListener listener) {
            Objects.requireNonNull(listener, "listener");
            return listener(OwnListeners.derivedId(listener, listeners), listener);
        }

        /**
         * Adds a listener, called at least once after each newly stored event: a call that throws is
         * retried with back-off ({@link #listenerSettings}) until it returns or is parked. The listeners
         * get a dispatcher of their own on an {@link PublicationRegistry#inMemory() in-memory registry}, so they are retried
         * while the process runs, not after a restart; for that, register them on a dispatcher with a
         * durable registry instead and set it with {@link #dispatcher}.
         *
         * @param id a stable id, 1 to 255 characters, kept with each publication: renaming it orphans
         *     the publications of the old id
         * @param listener the listener
         * @return this builder
         * @throws IllegalArgumentException for an id already added
         */
        public Builder listener(String id, CalendlyEventListener listener) {
            Objects.requireNonNull(listener, "listener");
            if (listeners.putIfAbsent(Objects.requireNonNull(id, "id"), listener) != null) {
                throw new IllegalArgumentException("two listeners are added under the id '" + id + "'");
            }
            return this;
        }

        /**
         * Sets the settings of the dispatcher made for the listeners added with {@link #listener}: when the
         * first attempt runs ({@code mode}), the back-off and the limits; {@link ListenerSettings#ofDefaults()}
         * by default.
         *
         * @param listenerSettings the settings
         * @return this builder
         */
        public Builder listenerSettings(ListenerSettings listenerSettings) {
            this.listenerSettings = Objects.requireNonNull(listenerSettings, "listenerSettings");
            return this;
        }

        /**
         * Sets the dispatcher that delivers each newly stored event to its listeners at least once
         * (retried until they return, across restarts with a durable registry). Its listeners are
         * registered on it; this builder's {@link #listener} cannot be used with it.
         *
         * @param dispatcher the dispatcher; its registry must be written by the store when it says so
         * @return this builder
         */
        public Builder dispatcher(ListenerDispatcher dispatcher) {
            this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
            return this;
        }

        /**
         * Adds an observer, called once for every delivery.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(DeliveryObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * Replaces the verifier built from the settings (for framework adapters whose components are beans).
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder verifier(SignatureVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Replaces the allowlist parsed from the settings.
         *
         * @param allowlist the allowlist
         * @return this builder
         */
        public Builder allowlist(IpAllowlist allowlist) {
            this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
            return this;
        }

        /**
         * Replaces the client-address resolver built from the settings' trusted proxies.
         *
         * @param addressResolver the resolver
         * @return this builder
         */
        public Builder addressResolver(ClientAddressResolver addressResolver) {
            this.addressResolver = Objects.requireNonNull(addressResolver, "addressResolver");
            return this;
        }

        /**
         * Replaces the rate limiter built from the settings; it is used even when the settings disable rate limiting.
         *
         * @param rateLimiter the rate limiter
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /**
         * Replaces the client keys of the settings, by which the rate limit and audit aggregation group
         * client addresses; share one instance with the application's own limiters.
         *
         * @param clientKeys the client keys
         * @return this builder
         */
        public Builder clientKeys(ClientKeys clientKeys) {
            this.clientKeys = Objects.requireNonNull(clientKeys, "clientKeys");
            return this;
        }

        /**
         * Returns the processor.
         *
         * @return the processor
         * @throws IllegalStateException when no secret is configured
         * @throws IllegalArgumentException naming the key and entry of a bad allowlist or trusted-proxy entry
         * @throws IllegalStateException when the dispatcher's registry needs a store that writes its publications,
         *     or when listeners are added both here and on the dispatcher
         * @throws IllegalArgumentException for a blank, too long or repeated listener id
         */
        public WebhookProcessor build() {
            if (settings.secret() == null) {
                throw new IllegalStateException("calendly.webhook.secret is not set (CALENDLY_WEBHOOK_SECRET)");
            }
            if (dispatcher != null) {
                if (!listeners.isEmpty()) {
                    throw new IllegalStateException("calendly.webhook.listeners: listeners " + listeners.keySet()
                            + " are added to the processor, which also has a dispatcher; register them on the "
                            + "dispatcher instead (ListenerDispatcher.builder(...).listener(id, listener))");
                }
                dispatcher.requireStore(store);
            }
            return new WebhookProcessor(this);
        }
    }
}
