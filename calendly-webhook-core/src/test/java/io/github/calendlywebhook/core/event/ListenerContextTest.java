package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.test.SignedPayloads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerContextTest {

    private final CalendlyEvent created = CalendlyEventParser.create().parse(SignedPayloads.inviteeCreated());
    private final ListenerContext second = new ListenerContext(created.idempotencyKey(), "crm", 2, Instant.EPOCH);

    @Test
    void aListenerWrittenBeforeTheContextExistedStillReceivesItsEventsThroughTheContextCall() {
        List<String> seen = new ArrayList<>();
        CalendlyEventListener legacy = new CalendlyEventListener() {
            @Override
            public void onInviteeCreated(InviteeCreatedEvent event) {
                seen.add(event.invitee().uri());
            }
        };

        legacy.onEvent(created, second);

        assertThat(seen).containsExactly(((InviteeCreatedEvent) created).invitee().uri());
    }

    @Test
    void aListenerThatOverridesTheContextCallLearnsTheAttemptAndTheStableEventId() {
        List<ListenerContext> seen = new ArrayList<>();
        CalendlyEventListener idempotent = new CalendlyEventListener() {
            @Override
            public void onEvent(CalendlyEvent event, ListenerContext context) {
                seen.add(context);
            }
        };

        idempotent.onEvent(created, second);

        assertThat(seen).singleElement().satisfies(context -> {
            assertThat(context.eventId()).isEqualTo(created.idempotencyKey());
            assertThat(context.attempt()).isEqualTo(2);
            assertThat(context.firstAttempt()).isFalse();
        });
    }

    @Test
    void anAttemptBelowOneIsRefused() {
        assertThatThrownBy(() -> new ListenerContext("key", "crm", 0, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
