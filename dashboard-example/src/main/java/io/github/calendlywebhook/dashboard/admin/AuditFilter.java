package io.github.calendlywebhook.dashboard.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the audit view asks for; {@code null} means "any".
 *
 * @param action an action code, for example {@code accepted}, {@code invalid_signature} or
 *     {@code admin.login.failure}; the pseudo code {@code admin} selects every admin action
 * @param eventName a Calendly event name, for example {@code invitee.created}
 * @param from the earliest instant, inclusive
 * @param to the latest instant, exclusive
 */
public record AuditFilter(@Nullable String action, @Nullable String eventName, @Nullable Instant from,
        @Nullable Instant to) {

    /** Matches every entry. */
    public static final AuditFilter ANY = new AuditFilter(null, null, null, null);
}
