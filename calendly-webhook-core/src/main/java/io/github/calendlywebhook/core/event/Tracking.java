package io.github.calendlywebhook.core.event;

import org.jspecify.annotations.Nullable;

/**
 * UTM and Salesforce tracking parameters of a booking or form submission.
 *
 * @param utmCampaign {@code utm_campaign}
 * @param utmSource {@code utm_source}
 * @param utmMedium {@code utm_medium}
 * @param utmContent {@code utm_content}
 * @param utmTerm {@code utm_term}
 * @param salesforceUuid {@code salesforce_uuid}
 */
public record Tracking(@Nullable String utmCampaign, @Nullable String utmSource, @Nullable String utmMedium,
        @Nullable String utmContent, @Nullable String utmTerm, @Nullable String salesforceUuid) {

    /** Tracking with no parameter set. */
    public static final Tracking NONE = new Tracking(null, null, null, null, null, null);
}
