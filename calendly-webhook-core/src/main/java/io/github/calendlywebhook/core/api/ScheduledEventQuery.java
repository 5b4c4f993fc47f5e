package io.github.calendlywebhook.core.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which scheduled events {@link CalendlyApiClient#scheduledEvents(ScheduledEventQuery)} lists.
 *
 * @param organization list the organization's events (needs an admin token), or {@code null}
 * @param user list one user's events, or {@code null}; one of organization and user is required
 * @param minStartTime only events starting at or after this instant, or {@code null}
 * @param maxStartTime only events starting before this instant, or {@code null}
 * @param status {@code active} or {@code canceled}, or {@code null} for both
 */
public record ScheduledEventQuery(@Nullable String organization, @Nullable String user,
        @Nullable Instant minStartTime, @Nullable Instant maxStartTime, @Nullable String status) {

    public ScheduledEventQuery {
        if (organization == null && user == null) {
            throw new IllegalArgumentException("a scheduled event query needs an organization or a user URI");
        }
        if (minStartTime != null && maxStartTime != null && !minStartTime.isBefore(maxStartTime)) {
            throw new IllegalArgumentException("minStartTime must be before maxStartTime");
        }
        if (status != null && !status.equals("active") && !status.equals("canceled")) {
            throw new IllegalArgumentException("status must be active or canceled, was " + status);
        }
    }
}
