package io.github.calendlywebhook.dashboard.config;

import java.util.ArrayList;
import java.util.List;

/** The {@code prod} profile is active but a required secret is not configured. */
public final class MissingProductionSecretException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    MissingProductionSecretException(boolean missingSecret, boolean missingPassword) {
        super(message(names(missingSecret, missingPassword)));
        this.missing = names(missingSecret, missingPassword);
    }

    /** Returns the environment variables that must be set. */
    public List<String> missing() {
        return missing;
    }

    private static List<String> names(boolean missingSecret, boolean missingPassword) {
        List<String> names = new ArrayList<>();
        if (missingSecret) {
            names.add("CALENDLY_WEBHOOK_SECRET");
        }
        if (missingPassword) {
            names.add("ADMIN_PASSWORD");
        }
        return List.copyOf(names);
    }

    private static String message(List<String> names) {
        return "The prod profile is active but " + String.join(" and ", names)
                + (names.size() == 1 ? " is" : " are") + " not set. Set "
                + (names.size() == 1 ? "it" : "them") + " in the environment; outside the prod profile the dashboard"
                + " generates random values for one run instead.";
    }
}
