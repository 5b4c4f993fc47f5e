package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @Test
    void rejectsARangeThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditQuery.builder().from(NOW).to(NOW.minusSeconds(1)).build())
                .withMessageContaining("before");
    }

    @Test
    void rejectsAPageLargerThanTheMaximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuditQuery.builder().page(0, AuditQuery.MAX_LIMIT + 1));
    }

    @Test
    void rejectsAnEmptyPage() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuditQuery.latest(0));
    }

    @Test
    void treatsTheEndOfTheRangeAsExclusive() {
        AuditQuery query = AuditQuery.builder().from(NOW.minusSeconds(60)).to(NOW).build();
        AuditEntry atEnd = AuditEntry.delivery(NOW, Outcome.ACCEPTED, null, null, null, null, null, EventSource.WEBHOOK);
        AuditEntry atStart = AuditEntry.delivery(NOW.minusSeconds(60), Outcome.ACCEPTED, null, null, null, null, null,
                EventSource.WEBHOOK);

        assertThat(query.matches(atEnd)).isFalse();
        assertThat(query.matches(atStart)).isTrue();
    }
}
