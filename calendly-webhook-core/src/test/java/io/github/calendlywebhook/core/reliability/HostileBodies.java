package io.github.calendlywebhook.core.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Envelope bodies for the hostile corpus: a complete v2 {@code invitee.created} and ways to break it. */
final class HostileBodies {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Fields a delivery may lack or carry with a wrong type without failing: JSON pointers. */
    static final List<String> OPTIONAL_FIELDS = List.of("/created_at", "/created_by", "/payload/email",
            "/payload/name", "/payload/first_name", "/payload/last_name", "/payload/status", "/payload/timezone",
            "/payload/created_at", "/payload/cancel_url", "/payload/rescheduled", "/payload/old_invitee",
            "/payload/new_invitee", "/payload/text_reminder_number", "/payload/scheduled_event",
            "/payload/scheduled_event/name", "/payload/scheduled_event/start_time",
            "/payload/scheduled_event/event_type", "/payload/payment", "/payload/payment/amount",
            "/payload/payment/successful", "/payload/payment/currency", "/payload/questions_and_answers",
            "/payload/questions_and_answers/0/answer", "/payload/tracking", "/payload/cancellation",
            "/payload/no_show");

    private HostileBodies() {
    }

    /** Returns a fresh invitee URI, so every accepted case stores a new event. */
    static String uri() {
        return "https://api.calendly.com/scheduled_events/HOSTILE/invitees/" + UUID.randomUUID();
    }

    /** Returns a complete v2 {@code invitee.created} envelope with a fresh URI. */
    static ObjectNode envelope() {
        ObjectNode root = NODES.objectNode();
        root.put("event", "invitee.created");
        root.put("created_at", "2026-01-15T09:59:00.000000Z");
        root.put("created_by", "https://api.calendly.com/users/OWNER");
        ObjectNode payload = root.putObject("payload");
        payload.put("uri", uri());
        payload.put("email", "ada@example.com");
        payload.put("name", "Ada Lovelace");
        payload.put("first_name", "Ada");
        payload.put("last_name", "Lovelace");
        payload.put("status", "active");
        payload.put("timezone", "Europe/London");
        payload.put("created_at", "2026-01-15T09:00:00.000000Z");
        payload.put("cancel_url", "https://calendly.com/cancellations/X");
        payload.put("rescheduled", false);
        payload.putNull("old_invitee");
        payload.putNull("new_invitee");
        payload.put("text_reminder_number", "+44 7700 900000");
        ObjectNode event = payload.putObject("scheduled_event");
        event.put("uri", "https://api.calendly.com/scheduled_events/HOSTILE");
        event.put("name", "Consultation");
        event.put("status", "active");
        event.put("start_time", "2026-01-20T14:00:00.000000Z");
        event.put("end_time", "2026-01-20T14:30:00.000000Z");
        event.put("event_type", "https://api.calendly.com/event_types/CONSULTATION");
        ObjectNode payment = payload.putObject("payment");
        payment.put("external_id", "ch_1");
        payment.put("provider", "stripe");
        payment.put("amount", new java.math.BigDecimal("150.00"));
        payment.put("currency", "USD");
        payment.put("successful", true);
        ObjectNode answer = payload.putArray("questions_and_answers").addObject();
        answer.put("question", "Topic?");
        answer.put("answer", "Pricing");
        answer.put("position", 0);
        payload.putObject("tracking").put("utm_source", "newsletter");
        payload.putNull("cancellation");
        payload.putNull("no_show");
        return root;
    }

    /** Returns the envelope with the node at {@code pointer} replaced. */
    static ObjectNode with(String pointer, JsonNode value) {
        ObjectNode root = envelope();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return root;
    }

    /** Returns the envelope without the node at {@code pointer}. */
    static ObjectNode without(String pointer) {
        ObjectNode root = envelope();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) root.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
        return root;
    }

    /** Returns a value of another JSON type than the node at {@code pointer} has in the envelope. */
    static List<JsonNode> wrongTypes(String pointer) {
        JsonNode original = envelope().at(pointer);
        if (original.isContainerNode() || original.isNull()) {
            return List.of(NODES.textNode("<not an object>"), NODES.numberNode(42));
        }
        if (original.isTextual()) {
            return List.of(NODES.numberNode(42), NODES.objectNode().put("nested", "x"));
        }
        return List.of(NODES.textNode("not-" + original.asText()), NODES.arrayNode().add(1));
    }

    /** Returns the UTF-8 bytes of a node. */
    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the UTF-8 bytes of a text. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the concatenation of byte arrays. */
    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
