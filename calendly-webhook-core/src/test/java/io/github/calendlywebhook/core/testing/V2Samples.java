package io.github.calendlywebhook.core.testing;

/** JSON templates of current (v2) deliveries, shaped like Calendly's documented examples. */
final class V2Samples {

    static final String CANCELLATION = """
            {"canceled_by":"Ada Lovelace","reason":"Found another slot","canceler_type":"invitee",\
            "created_at":"2026-01-15T09:58:00.000000Z"}""";

    private static final String INVITEE = """
            {
              "created_at": "2026-01-15T09:59:00.000000Z",
              "created_by": "https://api.calendly.com/users/OWNER",
              "event": "%s",
              "payload": {
                "cancel_url": "https://calendly.com/cancellations/X",
                "created_at": "2026-01-15T09:00:00.000000Z",
                "email": "ada@example.com",
                "event": "https://api.calendly.com/scheduled_events/X",
                "first_name": null,
                "last_name": null,
                "name": "Ada Lovelace",
                "new_invitee": %s,
                "no_show": %s,
                "old_invitee": null,
                "payment": {"external_id": "ch_1", "provider": "stripe", "amount": 150.00, "currency": "USD",
                            "terms": "Paid in advance", "successful": true},
                "questions_and_answers": [{"answer": "Pricing", "position": 0, "question": "Topic?"}],
                "reconfirmation": null,
                "reschedule_url": "https://calendly.com/reschedulings/X",
                "rescheduled": %s,
                "routing_form_submission": null,
                "scheduled_event": {
                  "uri": "https://api.calendly.com/scheduled_events/X",
                  "name": "Consultation",
                  "status": "%s",
                  "start_time": "2026-01-20T14:00:00.000000Z",
                  "end_time": "2026-01-20T14:30:00.000000Z",
                  "event_type": "%s",
                  "location": {"type": "zoom", "join_url": "https://zoom.example/j/1"},
                  "invitees_counter": {"total": 1, "active": 1, "limit": 1},
                  "created_at": "2026-01-15T09:00:00.000000Z",
                  "updated_at": "2026-01-15T09:00:00.000000Z",
                  "event_memberships": [{"user": "https://api.calendly.com/users/OWNER"}],
                  "event_guests": []
                },
                "status": "%s",
                "text_reminder_number": null,
                "timezone": "Europe/Paris",
                "tracking": {"utm_campaign": "spring", "utm_source": "newsletter", "utm_medium": "email",
                             "utm_content": null, "utm_term": null, "salesforce_uuid": null},
                "updated_at": "2026-01-15T09:59:00.000000Z",
                "uri": "%s",
                "cancellation": %s
              }
            }
            """;

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

    private V2Samples() {
    }

    static String invitee(String event, String uri, String status, boolean rescheduled, String newInviteeJson,
            String cancellationJson) {
        return String.format(INVITEE, event, newInviteeJson, "null", rescheduled, status, SignedPayloads.EVENT_TYPE_URI,
                status, uri, cancellationJson);
    }

    static String noShow(String event, String inviteeUri, String noShowUri) {
        String noShow = "{\"uri\": \"" + noShowUri + "\", \"created_at\": \"2026-01-20T14:40:00.000000Z\"}";
        return String.format(INVITEE, event, "null", noShow, false, "active", SignedPayloads.EVENT_TYPE_URI, "active",
                inviteeUri, "null");
    }

    static String routingForm(String uri) {
        return String.format(ROUTING_FORM, uri);
    }
}
