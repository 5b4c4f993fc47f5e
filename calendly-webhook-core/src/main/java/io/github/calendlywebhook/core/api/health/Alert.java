package io.github.calendlywebhook.core.api.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery-health alert. Never contains a secret.
 *
 * @param issue what it is about
 * @param kind whether health degraded or recovered
 * @param at when it was raised
 * @param text the human-readable message
 */
public record Alert(HealthIssue issue, Kind kind, Instant at, String text) {

    /** Whether health degraded or recovered. */
    public enum Kind {
        /** The issue started. */
        DEGRADED,
        /** The issue ended. */
        RECOVERED
    }

    public Alert {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }

    static Alert degraded(HealthIssue issue, Instant at, String detail) {
        return new Alert(issue, Kind.DEGRADED, at, ":warning: Calendly webhook delivery degraded: "
                + issue.description() + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    static Alert recovered(HealthIssue issue, Instant at) {
        return new Alert(issue, Kind.RECOVERED, at, ":white_check_mark: Calendly webhook delivery recovered: "
                + issue.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " resolved");
    }
}
