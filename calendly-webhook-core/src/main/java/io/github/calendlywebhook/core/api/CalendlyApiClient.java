package io.github.calendlywebhook.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A small client for the Calendly API v2, authenticated by a personal access token.
 *
 * <p>Every list method reads all pages. A 429 is retried after the {@code X-RateLimit-Reset} seconds
 * Calendly sends, 5xx answers and connection failures with exponential back-off, both within the
 * configured bound (a create is retried only when Calendly cannot have applied it: 429, 503, or no
 * connection); a 401 or 403 raises {@link CalendlyAuthenticationException}; other 4xx raise
 * {@link CalendlyApiException} with Calendly's {@code title} and {@code message}. The token never
 * appears in {@link #toString()}, logs or exceptions. Instances are thread-safe.
 */
public final class CalendlyApiClient {

    /** Calendly's production API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.calendly.com");

    private static final String SUBSCRIPTIONS = "/webhook_subscriptions";

    private final ApiTransport transport;

    CalendlyApiClient(ApiTransport transport) {
        this.transport = transport;
    }

    /**
     * Returns a builder for a client authenticated by the given token.
     *
     * @param token a Calendly personal access token (or OAuth access token)
     * @return the builder
     */
    public static CalendlyApiClientBuilder builder(String token) {
        return new CalendlyApiClientBuilder(token);
    }

    /** Returns the base URL requests go to. */
    public URI baseUrl() {
        return transport.baseUrl();
    }

    /** Returns the user the token belongs to ({@code GET /users/me}). */
    public CurrentUser currentUser() {
        return ApiResources.currentUser(resource(get("/users/me", Map.of()), "/users/me"));
    }

    /**
     * Lists every webhook subscription of an organization or user, all pages.
     *
     * @param organization the organization URI (always required by Calendly)
     * @param user the user URI; required for user scope
     * @param scope the scope to list
     * @return the subscriptions
     */
    public List<WebhookSubscription> webhookSubscriptions(String organization, @Nullable String user,
            SubscriptionScope scope) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("organization", organization);
        if (user != null) {
            query.put("user", user);
        }
        query.put("scope", scope.apiValue());
        return Pages.all(transport, SUBSCRIPTIONS, query, ApiResources::subscription);
    }

    /**
     * Creates a webhook subscription ({@code POST /webhook_subscriptions}).
     *
     * @param subscription what to create, including the signing key
     * @return the created subscription
     * @throws CalendlyApiException with code {@link CalendlyApiException#CONFLICT} when a subscription with
     *     the same URL already exists for the same user
     */
    public WebhookSubscription createWebhookSubscription(NewWebhookSubscription subscription) {
        ObjectNode body = ApiTransport.JSON.createObjectNode();
        body.put("url", subscription.url());
        subscription.events().forEach(body.putArray("events")::add);
        body.put("organization", subscription.organization());
        if (subscription.user() != null) {
            body.put("user", subscription.user());
        }
        if (subscription.group() != null) {
            body.put("group", subscription.group());
        }
        body.put("scope", subscription.scope().apiValue());
        if (subscription.signingKey() != null) {
            body.put("signing_key", subscription.signingKey());
        }
        ApiTransport.Response response = transport.execute("POST", transport.uri(SUBSCRIPTIONS, Map.of()), body);
        return ApiResources.subscription(resource(response, SUBSCRIPTIONS));
    }

    /**
     * Returns one webhook subscription.
     *
     * @param uriOrUuid the subscription URI or its uuid
     * @return the subscription, or empty when it does not exist
     */
    public Optional<WebhookSubscription> webhookSubscription(String uriOrUuid) {
        ApiTransport.Response response = get(SUBSCRIPTIONS + "/" + uuid(uriOrUuid), Map.of());
        return response.notFound() ? Optional.empty()
                : Optional.of(ApiResources.subscription(resource(response, SUBSCRIPTIONS)));
    }

    /**
     * Deletes a webhook subscription.
     *
     * @param uriOrUuid the subscription URI or its uuid
     * @return {@code true} when deleted, {@code false} when it did not exist
     */
    public boolean deleteWebhookSubscription(String uriOrUuid) {
        URI uri = transport.uri(SUBSCRIPTIONS + "/" + uuid(uriOrUuid), Map.of());
        return !transport.execute("DELETE", uri, null).notFound();
    }

    /**
     * Lists scheduled events, all pages.
     *
     * @param query which events
     * @return the events, active and canceled unless the query names a status
     */
    public List<CalendlyScheduledEvent> scheduledEvents(ScheduledEventQuery query) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfSet(params, "organization", query.organization());
        putIfSet(params, "user", query.user());
        putIfSet(params, "min_start_time", query.minStartTime() == null ? null : query.minStartTime().toString());
        putIfSet(params, "max_start_time", query.maxStartTime() == null ? null : query.maxStartTime().toString());
        putIfSet(params, "status", query.status());
        params.put("sort", "start_time:asc");
        return Pages.all(transport, "/scheduled_events", params, ApiResources::scheduledEvent);
    }

    /**
     * Lists every invitee of a scheduled event, active and canceled, all pages.
     *
     * @param scheduledEventUriOrUuid the scheduled event URI or its uuid
     * @return the invitees, empty when the event does not exist
     */
    public List<CalendlyInvitee> invitees(String scheduledEventUriOrUuid) {
        return Pages.all(transport, "/scheduled_events/" + uuid(scheduledEventUriOrUuid) + "/invitees", Map.of(),
                ApiResources::invitee);
    }

    /**
     * Returns Calendly's sample webhook body for an event ({@code GET /sample_webhook_data}).
     *
     * @param event the event name, for example {@code invitee.created}
     * @param organization the organization URI
     * @param user the user URI; required for user scope
     * @param scope the scope
     * @return the sample body, as JSON text
     */
    public String sampleWebhookData(String event, String organization, @Nullable String user,
            SubscriptionScope scope) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("event", event);
        query.put("organization", organization);
        putIfSet(query, "user", user);
        query.put("scope", scope.apiValue());
        ApiTransport.Response response = get("/sample_webhook_data", query);
        if (response.notFound() || response.body() == null) {
            throw new CalendlyApiException(CalendlyApiException.NOT_FOUND, response.status(), null,
                    "Calendly has no sample webhook data for " + event, null);
        }
        return response.body().toString();
    }

    private ApiTransport.Response get(String path, Map<String, String> query) {
        return transport.execute("GET", transport.uri(path, query), null);
    }

    private static JsonNode resource(ApiTransport.Response response, String path) {
        JsonNode body = response.body();
        JsonNode resource = body == null ? null : body.get("resource");
        if (response.notFound() || resource == null || !resource.isObject()) {
            throw new CalendlyApiException(response.notFound() ? CalendlyApiException.NOT_FOUND
                    : CalendlyApiException.BAD_RESPONSE, response.status(), null,
                    "Calendly sent no resource for " + path, null);
        }
        return resource;
    }

    private static void putIfSet(Map<String, String> query, String name, @Nullable String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    private static String uuid(String uriOrUuid) {
        String uuid = uriOrUuid.substring(uriOrUuid.lastIndexOf('/') + 1);
        if (uuid.isBlank() || !uuid.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a Calendly resource URI or uuid: " + uriOrUuid);
        }
        return uuid;
    }

    @Override
    public String toString() {
        return "CalendlyApiClient[baseUrl=" + transport.baseUrl() + "]";
    }
}
