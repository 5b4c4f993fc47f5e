package io.github.calendlywebhook.core.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who canceled and why.
 *
 * @param canceledBy the canceler's name, if sent
 * @param reason the reason given, if any
 * @param cancelerType {@code invitee} or {@code host}, if sent
 * @param createdAt when the cancellation happened, if sent
 */
public record Cancellation(@Nullable String canceledBy, @Nullable String reason, @Nullable String cancelerType,
        @Nullable Instant createdAt) {
}
