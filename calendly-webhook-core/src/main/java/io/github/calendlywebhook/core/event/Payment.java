package io.github.calendlywebhook.core.event;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A payment collected at booking time.
 *
 * @param externalId the payment provider's id, if sent
 * @param provider {@code stripe} or {@code paypal}, if sent
 * @param amount the amount paid, exact
 * @param currency the ISO 4217 currency code, if sent
 * @param successful whether the payment succeeded
 */
public record Payment(@Nullable String externalId, @Nullable String provider, BigDecimal amount,
        @Nullable String currency, boolean successful) {

    public Payment {
        java.util.Objects.requireNonNull(amount, "amount");
    }
}
