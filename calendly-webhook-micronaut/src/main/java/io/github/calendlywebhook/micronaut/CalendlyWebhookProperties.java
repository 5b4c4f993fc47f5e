package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.config.CommonStoreProperties;
import io.github.calendlywebhook.core.config.CommonWebhookProperties;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code calendly.webhook.*}, the same keys as the Spring Boot starter, to the core
 * {@link WebhookSettings}. The keys, defaults and validation are the core's {@link CommonWebhookProperties};
 * this class adds only the body size in Micronaut's readable-bytes form and reads the previous secrets from
 * the maps Micronaut binds list entries to.
 */
@ConfigurationProperties(CommonWebhookProperties.PREFIX)
public class CalendlyWebhookProperties extends CommonWebhookProperties {

    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private List<Map<String, Object>> previousSecretEntries = List.of();

    /**
     * Creates the properties around the bound nested properties.
     *
     * @param rateLimit the properties under {@code rate-limit}
     * @param clientKey the properties under {@code client-key}
     * @param audit the properties under {@code audit}
     * @param listeners the properties under {@code listeners}
     */
    @Inject
    public CalendlyWebhookProperties(RateLimitProperties rateLimit, ClientKeyProperties clientKey,
            AuditProperties audit, ListenersProperties listeners) {
        super(rateLimit, clientKey, audit, listeners);
    }

    /**
     * Takes the previous secrets as Micronaut binds them: maps with {@code secret} and {@code expires-at}.
     *
     * @param entries the entries under {@code previous-secrets}, or {@code null} when none are set
     */
    @Inject
    void bindPreviousSecrets(@Property(name = PREFIX + ".previous-secrets") @Nullable List<Map<String, Object>> entries) {
        previousSecretEntries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * Takes the store properties as Micronaut binds them under {@code store}.
     *
     * @param store the properties under {@code store}
     */
    @Inject
    void bindStore(StoreProperties store) {
        super.bindStore(store);
    }

    @Override
    public WebhookSettings toSettings() {
        if (!previousSecretEntries.isEmpty()) {
            List<PreviousSecret> secrets = new ArrayList<>();
            for (int i = 0; i < previousSecretEntries.size(); i++) {
                secrets.add(previousSecret(previousSecretEntries.get(i), PREFIX + ".previous-secrets[" + i + "]"));
            }
            setPreviousSecrets(secrets);
        }
        return super.toSettings();
    }

    private static PreviousSecret previousSecret(Map<String, Object> entry, String key) {
        PreviousSecret secret = new PreviousSecret();
        Object value = entry.get("secret");
        secret.setSecret(value == null ? null : value.toString());
        Object expiresAt = entry.containsKey("expires-at") ? entry.get("expires-at") : entry.get("expiresAt");
        try {
            secret.setExpiresAt(expiresAt == null ? null : Instant.parse(expiresAt.toString()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ".expires-at must be an ISO-8601 instant, was '" + expiresAt + "'", e);
        }
        return secret;
    }

    @Override
    protected long maxBodySizeInBytes() {
        return maxBodySize;
    }

    /** Returns the maximum body size in bytes. */
    public long getMaxBodySize() {
        return maxBodySize;
    }

    /**
     * Sets the maximum body size; accepts a number of bytes or sizes such as {@code 256KB} or {@code 1MB}.
     *
     * @param maxBodySize the size, default 256 KiB
     */
    public void setMaxBodySize(@ReadableBytes long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** Binds {@code calendly.webhook.rate-limit.*}. */
    @ConfigurationProperties("rate-limit")
    public static class RateLimitProperties extends CommonWebhookProperties.RateLimit {
    }

    /** Binds {@code calendly.webhook.client-key.*}. */
    @ConfigurationProperties("client-key")
    public static class ClientKeyProperties extends CommonWebhookProperties.ClientKey {
    }

    /** Binds {@code calendly.webhook.audit.*}. */
    @ConfigurationProperties("audit")
    public static class AuditProperties extends CommonWebhookProperties.Audit {
    }

    /** Binds {@code calendly.webhook.store.*}. */
    @ConfigurationProperties("store")
    public static class StoreProperties extends CommonStoreProperties {

        /**
         * Creates the store properties around the bound in-memory properties.
         *
         * @param inMemory the properties under {@code in-memory}
         */
        @Inject
        public StoreProperties(InMemoryProperties inMemory) {
            super(inMemory);
        }

        /** Binds {@code calendly.webhook.store.in-memory.*}. */
        @ConfigurationProperties("in-memory")
        public static class InMemoryProperties extends CommonStoreProperties.InMemory {
        }
    }

    /** Binds {@code calendly.webhook.listeners.*}. */
    @ConfigurationProperties("listeners")
    public static class ListenersProperties extends CommonWebhookProperties.Listeners {
    }
}
