package io.github.calendlywebhook.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the v2 webhook bodies Calendly delivered (or would have delivered) for one invitee from the
 * API resources: the envelope {@code event}, {@code created_at}, {@code created_by}, and a {@code payload}
 * that is the invitee resource with its {@code scheduled_event} embedded, as in a live delivery.
 *
 * <p>An {@code invitee.created} body shows the invitee as it was at booking time (active, no
 * cancellation, not yet rescheduled, no no-show mark), whatever happened since; an
 * {@code invitee.canceled} body shows it as canceled, with {@code rescheduled} and {@code new_invitee}
 * as Calendly reports them; an {@code invitee_no_show.created} body is added when a no-show mark exists.
 */
final class SyntheticDeliveries {

    private SyntheticDeliveries() {
    }

    static List<byte[]> of(String createdBy, CalendlyScheduledEvent event, CalendlyInvitee invitee) {
        ObjectNode scheduledEvent = object(event.json());
        ObjectNode resource = object(invitee.json());
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(envelope("invitee.created", ApiResources.text(resource, "created_at"), createdBy,
                asBooked(resource, scheduledEvent)));
        if (invitee.canceled()) {
            JsonNode cancellation = resource.get("cancellation");
            String at = ApiResources.text(cancellation, "created_at");
            bodies.add(envelope("invitee.canceled", at != null ? at : ApiResources.text(resource, "updated_at"),
                    createdBy, withEvent(resource.deepCopy(), scheduledEvent)));
        }
        JsonNode noShow = resource.get("no_show");
        if (noShow != null && noShow.isObject()) {
            bodies.add(envelope("invitee_no_show.created", ApiResources.text(noShow, "created_at"), createdBy,
                    withEvent(resource.deepCopy(), scheduledEvent)));
        }
        return bodies;
    }

    private static ObjectNode asBooked(ObjectNode invitee, ObjectNode scheduledEvent) {
        ObjectNode booked = invitee.deepCopy();
        booked.put("status", "active");
        booked.put("rescheduled", false);
        booked.putNull("new_invitee");
        booked.putNull("cancellation");
        booked.putNull("no_show");
        if (booked.hasNonNull("created_at")) {
            booked.set("updated_at", booked.get("created_at"));
        }
        ObjectNode activeEvent = scheduledEvent.deepCopy();
        activeEvent.put("status", "active");
        activeEvent.remove("cancellation");
        return withEvent(booked, activeEvent);
    }

    private static ObjectNode withEvent(ObjectNode invitee, ObjectNode scheduledEvent) {
        invitee.set("scheduled_event", scheduledEvent.deepCopy());
        return invitee;
    }

    private static byte[] envelope(String name, @Nullable String createdAt, String createdBy, ObjectNode payload) {
        ObjectNode envelope = ApiTransport.JSON.createObjectNode();
        if (createdAt != null) {
            envelope.put("created_at", createdAt);
        }
        envelope.put("created_by", createdBy);
        envelope.put("event", name);
        envelope.set("payload", payload);
        try {
            return ApiTransport.JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a synthetic delivery", e);
        }
    }

    private static ObjectNode object(String json) {
        try {
            JsonNode node = ApiTransport.JSON.readTree(json);
            if (node instanceof ObjectNode) {
                return (ObjectNode) node;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API resource is not JSON", e);
        }
        throw new IllegalStateException("an API resource is not a JSON object");
    }
}
