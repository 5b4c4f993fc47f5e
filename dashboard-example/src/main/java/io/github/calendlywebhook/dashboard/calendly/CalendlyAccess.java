package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.api.CalendlyApiClient;
import io.github.calendlywebhook.core.api.WebhookSubscriptionManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Calendly API client and subscription manager, present only when {@code CALENDLY_API_TOKEN} is
 * set, so the application starts and works without a token.
 */
final class CalendlyAccess {

    private final @Nullable CalendlyApiClient client;
    private final @Nullable WebhookSubscriptionManager manager;

    CalendlyAccess(@Nullable CalendlyApiClient client, Clock clock) {
        this.client = client;
        this.manager = client == null ? null : WebhookSubscriptionManager.create(client, new SecureRandom(), clock);
    }

    boolean enabled() {
        return client != null;
    }

    Optional<CalendlyApiClient> client() {
        return Optional.ofNullable(client);
    }

    WebhookSubscriptionManager manager() {
        if (manager == null) {
            throw new IllegalStateException("CALENDLY_API_TOKEN is not set");
        }
        return manager;
    }

    @Override
    public String toString() {
        return "CalendlyAccess[" + (client == null ? "no token" : client.toString()) + "]";
    }
}
