package io.github.calendlywebhook.core.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A no-show mark on an invitee.
 *
 * @param uri the no-show resource URI
 * @param createdAt when the mark was made, if sent
 */
public record NoShow(String uri, @Nullable Instant createdAt) {

    public NoShow {
        java.util.Objects.requireNonNull(uri, "uri");
    }
}
