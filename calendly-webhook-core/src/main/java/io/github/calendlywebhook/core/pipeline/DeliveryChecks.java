package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.config.RateLimitPolicy;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.event.MalformedPayloadException;
import io.github.calendlywebhook.core.ip.ClientAddressResolver;
import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.ip.InvalidForwardingHeadersException;
import io.github.calendlywebhook.core.ip.IpAllowlist;
import io.github.calendlywebhook.core.ratelimit.RateLimitDecision;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of one delivery in the order {@link WebhookProcessor} documents, then the idempotent
 * store. Records what it learns in the {@link Delivery}; the processor reports it. Thread-safe.
 */
final class DeliveryChecks {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);
    private static final String RETRY_AFTER = "Retry-After";
    private static final Map<String, String> ALLOW_POST = Map.of("Allow", "POST");
    private static final Map<String, String> RETRY_LATER =
            Map.of(RETRY_AFTER, Long.toString(WebhookProcessor.UNAVAILABLE_RETRY_SECONDS));

    private final long maxBodySize;
    private final EventStore store;
    private final ClientAddressResolver addressResolver;
    private final IpAllowlist allowlist;
    private final ClientKeys clientKeys;
    private final RateLimitGate rateLimit;
    private final SignatureCheck signature;
    private final CalendlyEventParser parser;
    private final DeliveryReporter reporter;

    DeliveryChecks(long maxBodySize, EventStore store, ClientAddressResolver addressResolver, IpAllowlist allowlist,
            ClientKeys clientKeys, RateLimitGate rateLimit, SignatureCheck signature, DeliveryReporter reporter) {
        this.maxBodySize = maxBodySize;
        this.store = store;
        this.addressResolver = addressResolver;
        this.allowlist = allowlist;
        this.clientKeys = clientKeys;
        this.rateLimit = rateLimit;
        this.signature = signature;
        this.parser = CalendlyEventParser.create(maxBodySize);
        this.reporter = reporter;
    }

    WebhookResponse run(WebhookRequest request, Delivery d) {
        if (!"POST".equals(request.method())) {
            return reject(d, Outcome.METHOD_NOT_ALLOWED, "only POST is accepted", ALLOW_POST);
        }
        InetAddress client;
        try {
            client = resolveClient(request);
        } catch (InvalidForwardingHeadersException e) {
            return reject(d, Outcome.FORWARDING_HEADERS_INVALID, e.getMessage()
                    + "; the request is refused because its client cannot be known", Map.of());
        }
        d.clientAddress = client == null ? LogText.clean(request.remoteAddress()) : client.getHostAddress();
        if (client == null ? !allowlist.isEmpty() : !allowlist.allows(client)) {
            return reject(d, Outcome.FORBIDDEN, "client address is not allowed", Map.of());
        }
        d.clientKey = client == null ? d.clientAddress : clientKeys.of(client);
        RateLimitDecision decision = rateLimit.admit(d.clientKey);
        if (!decision.allowed()) {
            return reject(d, Outcome.RATE_LIMITED, "too many requests",
                    Map.of(RETRY_AFTER, Long.toString(decision.retryAfterSeconds())));
        }
        return runContentChecks(request, d);
    }

    /**
     * Runs the checks of the delivery itself, from body size to storage, skipping the network checks
     * (method, allowlist, rate limit): for an in-process delivery that never came from the network.
     */
    WebhookResponse runContentChecks(WebhookRequest request, Delivery d) {
        long limit = maxBodySize;
        if (request.contentLength() > limit) {
            return failCheck(d, Outcome.PAYLOAD_TOO_LARGE, "body exceeds " + limit + " bytes");
        }
        byte[] body;
        try {
            body = HttpBodies.readAtMost(request.body(), limit, request.contentLength());
        } catch (IOException e) {
            return failCheck(d, Outcome.MALFORMED_PAYLOAD, "body could not be read");
        }
        if (body == null) {
            return failCheck(d, Outcome.PAYLOAD_TOO_LARGE, "body exceeds " + limit + " bytes");
        }
        if (!HttpBodies.isJson(request.header("Content-Type"))) {
            return failCheck(d, Outcome.UNSUPPORTED_MEDIA_TYPE, "content type must be application/json");
        }
        String signatureFailure = signature.failure(request, body, d);
        if (signatureFailure != null) {
            return failCheck(d, Outcome.INVALID_SIGNATURE, signatureFailure);
        }
        CalendlyEvent event;
        try {
            event = parser.parse(body);
        } catch (MalformedPayloadException e) {
            return failCheck(d, Outcome.MALFORMED_PAYLOAD, e.getMessage());
        }
        d.event = event;
        return store(d, event, body);
    }

    private WebhookResponse store(Delivery d, CalendlyEvent event, byte[] body) {
        AppendResult result;
        try {
            result = store.append(StoredEvent.of(event, body, d.receivedAt, d.source()));
        } catch (RuntimeException e) {
            LOG.warn("Event store unavailable for {} ({}); answering 503 so Calendly retries: {}", event.name(),
                    LogText.clean(event.idempotencyKey()), e.toString());
            return unavailable(d, "the event could not be stored; retry later");
        }
        if (result == AppendResult.DUPLICATE) {
            d.outcome = Outcome.DUPLICATE;
            return Responses.DUPLICATE;
        }
        d.outcome = Outcome.ACCEPTED;
        reporter.notifyListeners(event);
        return Responses.ACCEPTED;
    }

    /**
     * Returns the client address, or {@code null} when the peer address is not an IP literal.
     *
     * @throws InvalidForwardingHeadersException when a trusted proxy's forwarding headers name no client
     */
    private @Nullable InetAddress resolveClient(WebhookRequest request) {
        try {
            return addressResolver.resolve(request.remoteAddress(), request.headers("X-Forwarded-For"),
                    request.headers("Forwarded"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Rejects after the rate-limit check, charging the client under {@link RateLimitPolicy#FAILED_REQUESTS}. */
    private WebhookResponse failCheck(Delivery d, Outcome outcome, String message) {
        String key = d.clientKey;
        if (key != null) {
            rateLimit.chargeFailure(key);
        }
        return reject(d, outcome, message, Map.of());
    }

    WebhookResponse unavailable(Delivery d, String message) {
        return reject(d, Outcome.STORE_UNAVAILABLE, message, RETRY_LATER);
    }

    private static WebhookResponse reject(Delivery d, Outcome outcome, String message, Map<String, String> headers) {
        d.outcome = outcome;
        d.detail = message;
        return Responses.error(outcome, message, headers);
    }
}
