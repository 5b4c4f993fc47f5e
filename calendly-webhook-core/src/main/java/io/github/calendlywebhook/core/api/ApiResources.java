package io.github.calendlywebhook.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads Calendly resources into records, tolerating missing and unknown fields. */
final class ApiResources {

    private ApiResources() {
    }

    static CurrentUser currentUser(JsonNode resource) {
        return new CurrentUser(required(resource, "uri"), required(resource, "current_organization"),
                text(resource, "name"), text(resource, "email"), text(resource, "timezone"));
    }

    static WebhookSubscription subscription(JsonNode resource) {
        String scope = text(resource, "scope");
        return new WebhookSubscription(required(resource, "uri"), required(resource, "callback_url"),
                SubscriptionState.fromApiValue(String.valueOf(text(resource, "state"))),
                instant(resource, "retry_started_at"), strings(resource.get("events")),
                scope == null ? SubscriptionScope.ORGANIZATION : SubscriptionScope.fromApiValue(scope),
                text(resource, "organization"), text(resource, "user"), text(resource, "creator"),
                instant(resource, "created_at"), instant(resource, "updated_at"));
    }

    static CalendlyScheduledEvent scheduledEvent(JsonNode resource) {
        String status = text(resource, "status");
        return new CalendlyScheduledEvent(required(resource, "uri"), text(resource, "name"),
                status == null ? "active" : status, instant(resource, "start_time"), instant(resource, "end_time"),
                text(resource, "event_type"), resource.toString());
    }

    static CalendlyInvitee invitee(JsonNode resource) {
        String status = text(resource, "status");
        return new CalendlyInvitee(required(resource, "uri"), text(resource, "name"), text(resource, "email"),
                status == null ? "active" : status, resource.path("rescheduled").asBoolean(false),
                text(resource, "old_invitee"), text(resource, "new_invitee"), instant(resource, "created_at"),
                instant(resource, "updated_at"), resource.toString());
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new CalendlyApiException(CalendlyApiException.BAD_RESPONSE, 200, null,
                    "Calendly sent a resource without " + field, null);
        }
        return value;
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    static @Nullable Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> strings(@Nullable JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> {
                if (item.isTextual()) {
                    values.add(item.asText());
                }
            });
        }
        return values;
    }
}
