package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.config.CommonStoreProperties;
import io.github.calendlywebhook.core.config.CommonWebhookProperties;
import io.github.calendlywebhook.core.config.WebhookSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Binds {@code calendly.webhook.*} to the core {@link WebhookSettings}. The keys, defaults and validation
 * are the core's {@link CommonWebhookProperties}; this class adds only the body size as Spring's
 * {@link DataSize} and the Spring Security switch. The environment variable {@code CALENDLY_WEBHOOK_SECRET}
 * binds to {@code calendly.webhook.secret} by relaxed binding.
 */
@ConfigurationProperties(CommonWebhookProperties.PREFIX)
public class CalendlyWebhookProperties extends CommonWebhookProperties {

    /** Largest accepted request body. */
    private DataSize maxBodySize = DataSize.ofBytes(DEFAULT_MAX_BODY_SIZE);

    /** Spring Security integration. */
    private final Security security = new Security();

    @Override
    protected long maxBodySizeInBytes() {
        return maxBodySize.toBytes();
    }

    /** Returns the largest accepted body. */
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    /** Sets the largest accepted body. */
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** Returns the store properties, described in the metadata as nested keys. */
    @Override
    @NestedConfigurationProperty
    public CommonStoreProperties getStore() {
        return super.getStore();
    }

    /** Returns the Spring Security properties. */
    public Security getSecurity() {
        return security;
    }

    /** Spring Security integration. */
    public static class Security {

        /**
         * Whether to register a security filter chain that lets deliveries reach the endpoint without a
         * login and without a CSRF token (they are authenticated by their signature). Disable when the
         * application secures the webhook path itself.
         */
        private boolean filterChain = true;

        /** Returns whether the filter chain is registered. */
        public boolean isFilterChain() {
            return filterChain;
        }

        /** Sets whether the filter chain is registered. */
        public void setFilterChain(boolean filterChain) {
            this.filterChain = filterChain;
        }
    }
}
