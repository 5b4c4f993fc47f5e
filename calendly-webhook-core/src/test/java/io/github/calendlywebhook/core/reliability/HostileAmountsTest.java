package io.github.calendlywebhook.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Absurd payment amounts read as absent, so a delivery carrying one is stored (its value falls back to
 * the configured one) instead of failing the store's DECIMAL(19, 4) columns on every retry.
 */
class HostileAmountsTest {

    private final CalendlyEventParser parser = CalendlyEventParser.create();

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999999999999999999", "1000000000000", "1e20", "-1e15"})
    void readsAnAmountBeyondWhatMoneyColumnsHoldAsAbsent(String amount) {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(withAmount(amount));

        assertThat(event.invitee().payment()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"150.00", "999999999999.9999", "0.0001"})
    void keepsAnAmountThatMoneyColumnsHold(String amount) {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(withAmount(amount));

        assertThat(event.invitee().payment()).isNotNull();
        assertThat(event.invitee().payment().amount()).isEqualByComparingTo(new BigDecimal(amount));
    }

    private static byte[] withAmount(String amount) {
        return new String(HostileBodies.bytes(HostileBodies.envelope()), StandardCharsets.UTF_8)
                .replace("\"amount\":150.00", "\"amount\":" + amount).getBytes(StandardCharsets.UTF_8);
    }
}
