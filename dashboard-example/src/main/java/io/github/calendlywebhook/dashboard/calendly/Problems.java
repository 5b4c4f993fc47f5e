package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.api.CalendlyApiException;
import io.github.calendlywebhook.core.api.CalendlyAuthenticationException;

/** Turns failures of Calendly API calls into messages for the admin; none carries a secret. */
final class Problems {

    private Problems() {
    }

    static String describe(RuntimeException e) {
        if (e instanceof CalendlyAuthenticationException) {
            return "Calendly refused the API token: check CALENDLY_API_TOKEN (a personal access token of a user"
                    + " allowed to manage webhooks; organization scope needs an admin or owner).";
        }
        if (e instanceof CalendlyApiException) {
            return "Calendly API error: " + e.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "Unexpected failure (" + e.getClass().getSimpleName() + "); see the application log.";
    }
}
