package io.github.calendlywebhook.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sample webhook bodies and a signer for tests: the setup guide's legacy (v1) examples byte for byte,
 * and current (v2) samples of every event kind whose resource URIs are fresh on each call, so repeated
 * test runs against one store never collide. {@link InviteePayload} builds v2 bodies with chosen fields;
 * {@link SignedDelivery} signs and posts them.
 */
public final class SignedPayloads {

    /** The URI prefix of Calendly API resources. */
    public static final String API = "https://api.calendly.com";
    /** The event type URI used by the v2 samples. */
    public static final String EVENT_TYPE_URI = API + "/event_types/CONSULTATION";

    private static final String ROUTING_FORM = """
            {
              "created_at": "2026-01-15T09:59:00.000000Z",
              "created_by": "https://api.calendly.com/users/OWNER",
              "event": "routing_form_submission.created",
              "payload": {
                "uri": "%s",
                "routing_form": "https://api.calendly.com/routing_forms/FORM",
                "questions_and_answers": [
                  {"question_uuid": "Q1", "question": "Company size?", "answer": "11-50"},
                  {"question_uuid": "Q2", "question": "Interests?", "answer": ["Pricing", "Demo"]}
                ],
                "tracking": {"utm_campaign": "spring", "utm_source": null, "utm_medium": null,
                             "utm_content": null, "utm_term": null, "salesforce_uuid": null},
                "submitter": null,
                "submitter_type": null,
                "created_at": "2026-01-15T09:58:30.000000Z",
                "updated_at": "2026-01-15T09:58:30.000000Z"
              }
            }
            """;

    private SignedPayloads() {
    }

    /** Returns the setup guide's {@code invitee.created} example, byte for byte. */
    public static byte[] seedInviteeCreated() {
        return resource("seed/v1-invitee-created.json");
    }

    /** Returns the setup guide's {@code invitee.canceled} example, byte for byte. */
    public static byte[] seedInviteeCanceled() {
        return resource("seed/v1-invitee-canceled.json");
    }

    /** Returns the body of the setup guide's manual cURL test, byte for byte. */
    public static byte[] seedCurlInviteeCreated() {
        return resource("seed/v1-invitee-created-curl.json");
    }

    /** Returns a fresh invitee URI. */
    public static String newInviteeUri() {
        return API + "/scheduled_events/" + UUID.randomUUID() + "/invitees/" + UUID.randomUUID();
    }

    /** Returns a v2 {@code invitee.created} for a new invitee. */
    public static byte[] inviteeCreated() {
        return inviteeCreated(newInviteeUri());
    }

    /**
     * Returns a v2 {@code invitee.created}, with a successful payment of 150.00 USD.
     *
     * @param inviteeUri the invitee URI
     * @return the body
     */
    public static byte[] inviteeCreated(String inviteeUri) {
        return InviteePayload.created().uri(inviteeUri).toBytes();
    }

    /**
     * Returns a v2 {@code invitee.canceled} by the invitee, not part of a reschedule.
     *
     * @param inviteeUri the invitee URI
     * @return the body
     */
    public static byte[] inviteeCanceled(String inviteeUri) {
        return InviteePayload.canceled().uri(inviteeUri).toBytes();
    }

    /** Returns a v2 {@code invitee.canceled} for a new invitee. */
    public static byte[] inviteeCanceled() {
        return inviteeCanceled(newInviteeUri());
    }

    /**
     * Returns the cancel half of a reschedule: {@code rescheduled} true and {@code new_invitee} set.
     *
     * @param inviteeUri the invitee URI
     * @param newInviteeUri the URI of the invitee replacing it
     * @return the body
     */
    public static byte[] inviteeRescheduled(String inviteeUri, String newInviteeUri) {
        return InviteePayload.canceled().uri(inviteeUri).rescheduledTo(newInviteeUri).toBytes();
    }

    /** Returns a v2 {@code invitee_no_show.created}: the invitee with a fresh {@code no_show}. */
    public static byte[] inviteeNoShowCreated() {
        return InviteePayload.noShowCreated(API + "/invitee_no_shows/" + UUID.randomUUID()).toBytes();
    }

    /** Returns a v2 {@code invitee_no_show.deleted}: the invitee with a fresh {@code no_show}. */
    public static byte[] inviteeNoShowDeleted() {
        return InviteePayload.noShowDeleted(API + "/invitee_no_shows/" + UUID.randomUUID()).toBytes();
    }

    /** Returns a v2 {@code routing_form_submission.created} with a fresh submission URI. */
    public static byte[] routingFormSubmissionCreated() {
        return String.format(ROUTING_FORM, API + "/routing_form_submissions/" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Returns an event kind without a model ({@code event_type.updated}) with a fresh resource URI. */
    public static byte[] unknownEvent() {
        return ("{\"event\":\"event_type.updated\",\"created_at\":\"2026-01-15T09:59:00.000000Z\","
                + "\"payload\":{\"uri\":\"" + API + "/event_types/" + UUID.randomUUID() + "\",\"active\":true}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Returns a test delivery: a v2 {@code invitee.created} with top-level {@code "test": true}. */
    public static byte[] testDelivery() {
        return InviteePayload.created().test().toBytes();
    }

    /**
     * Returns a signature header value {@code t=<unix>,v1=<hex>} computed here, independently of the
     * library's signer.
     *
     * @param secret the signing secret
     * @param body the exact body bytes
     * @param timestamp the signing time
     * @return the header value
     */
    public static String sign(String secret, byte[] body, Instant timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String t = Long.toString(timestamp.getEpochSecond());
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /**
     * Returns a signature header value made with {@link ConformanceSettings#SECRET}.
     *
     * @param body the exact body bytes
     * @param timestamp the signing time
     * @return the header value
     */
    public static String sign(byte[] body, Instant timestamp) {
        return sign(ConformanceSettings.SECRET, body, timestamp);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SignedPayloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
