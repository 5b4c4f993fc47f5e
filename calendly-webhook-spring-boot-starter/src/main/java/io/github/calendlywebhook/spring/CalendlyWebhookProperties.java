package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.pipeline.RateLimitPolicy;
import io.github.calendlywebhook.core.pipeline.WebhookSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Binds {@code calendly.webhook.*} to the core {@link WebhookSettings}. Defaults and validation live
 * in core; this class only carries what the environment says. The environment variable
 * {@code CALENDLY_WEBHOOK_SECRET} binds to {@code calendly.webhook.secret} by relaxed binding.
 */
@ConfigurationProperties("calendly.webhook")
public class CalendlyWebhookProperties {

    /** Whether the webhook endpoint and its beans are registered. */
    private boolean enabled = true;

    /** Path of the webhook endpoint, relative to the servlet context. */
    private String path = WebhookSettings.DEFAULT_PATH;

    /** Current signing key of the Calendly webhook subscription. Required when enabled. */
    private @Nullable String secret;

    /** Previous signing keys, still accepted until their expiry, for rotation without downtime. */
    private List<PreviousSecret> previousSecrets = new ArrayList<>();

    /** How far a signature timestamp may be from now, in either direction. */
    private Duration tolerance = WebhookSettings.DEFAULT_TOLERANCE;

    /** Client networks allowed to deliver (CIDR blocks or addresses, IPv4 or IPv6); empty allows everyone. */
    private List<String> allowedIps = new ArrayList<>();

    /** Reverse proxies whose X-Forwarded-For and Forwarded headers are trusted (CIDR blocks or addresses). */
    private List<String> trustedProxies = new ArrayList<>();

    /** Rate limiting per client address. */
    private final RateLimit rateLimit = new RateLimit();

    /** Largest accepted request body. */
    private DataSize maxBodySize = DataSize.ofBytes(WebhookSettings.DEFAULT_MAX_BODY_SIZE);

    /** Whether detailed processing logs are written (never secrets or full signatures). */
    private boolean debug;

    /** Spring Security integration. */
    private final Security security = new Security();

    /** How clients are keyed for the rate limit and audit aggregation. */
    private final ClientKey clientKey = new ClientKey();

    /** Audit log of deliveries. */
    private final Audit audit = new Audit();

    /**
     * Returns the core settings these properties describe. A blank secret (an empty environment
     * variable) counts as no secret.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the key when a value is invalid
     */
    public WebhookSettings toSettings() {
        WebhookSettings.Builder builder = WebhookSettings.builder()
                .enabled(enabled)
                .path(path)
                .secret(StringUtils.hasText(secret) ? secret : null)
                .tolerance(tolerance)
                .allowedIps(allowedIps)
                .trustedProxies(trustedProxies)
                .rateLimitEnabled(rateLimit.enabled)
                .requestsPerMinute(rateLimit.requestsPerMinute)
                .burstPerSecond(rateLimit.burstPerSecond)
                .rateLimitPolicy(rateLimit.policy)
                .maxBodySize(maxBodySize.toBytes())
                .debug(debug)
                .clientKeyIpv6PrefixLength(clientKey.ipv6PrefixLength)
                .auditRejectionRowsPerWindow(audit.rejectionRowsPerWindow);
        for (PreviousSecret previous : previousSecrets) {
            builder.previousSecret(previous.requiredSecret(), previous.requiredExpiresAt());
        }
        return builder.build();
    }

    /** Returns whether the endpoint is enabled. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether the endpoint is enabled. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Returns the endpoint path. */
    public String getPath() {
        return path;
    }

    /** Sets the endpoint path. */
    public void setPath(String path) {
        this.path = path;
    }

    /** Returns the current signing key. */
    public @Nullable String getSecret() {
        return secret;
    }

    /** Sets the current signing key. */
    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }

    /** Returns the previous signing keys. */
    public List<PreviousSecret> getPreviousSecrets() {
        return previousSecrets;
    }

    /** Sets the previous signing keys. */
    public void setPreviousSecrets(List<PreviousSecret> previousSecrets) {
        this.previousSecrets = previousSecrets;
    }

    /** Returns the signature timestamp tolerance. */
    public Duration getTolerance() {
        return tolerance;
    }

    /** Sets the signature timestamp tolerance. */
    public void setTolerance(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** Returns the allowed client networks. */
    public List<String> getAllowedIps() {
        return allowedIps;
    }

    /** Sets the allowed client networks. */
    public void setAllowedIps(List<String> allowedIps) {
        this.allowedIps = allowedIps;
    }

    /** Returns the trusted reverse proxies. */
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    /** Sets the trusted reverse proxies. */
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** Returns the rate limit properties. */
    public RateLimit getRateLimit() {
        return rateLimit;
    }

    /** Returns the largest accepted body. */
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    /** Sets the largest accepted body. */
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** Returns whether detailed processing logs are written. */
    public boolean isDebug() {
        return debug;
    }

    /** Sets whether detailed processing logs are written. */
    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    /** Returns the Spring Security properties. */
    public Security getSecurity() {
        return security;
    }

    /** Returns the client key properties. */
    public ClientKey getClientKey() {
        return clientKey;
    }

    /** Returns the audit properties. */
    public Audit getAudit() {
        return audit;
    }

    /** How clients are keyed for the rate limit and audit aggregation. */
    public static class ClientKey {

        /** Prefix length by which IPv6 clients are grouped into one client (IPv4 clients are keyed by address). */
        private int ipv6PrefixLength = ClientKeys.DEFAULT_IPV6_PREFIX_LENGTH;

        /** Returns the IPv6 prefix length. */
        public int getIpv6PrefixLength() {
            return ipv6PrefixLength;
        }

        /** Sets the IPv6 prefix length. */
        public void setIpv6PrefixLength(int ipv6PrefixLength) {
            this.ipv6PrefixLength = ipv6PrefixLength;
        }
    }

    /** Audit log of deliveries. */
    public static class Audit {

        /** Audit rows rejections may create per aggregation window; past it they are counted into one row per outcome. */
        private int rejectionRowsPerWindow = WebhookSettings.DEFAULT_AUDIT_REJECTION_ROWS_PER_WINDOW;

        /** Returns the rows per window. */
        public int getRejectionRowsPerWindow() {
            return rejectionRowsPerWindow;
        }

        /** Sets the rows per window. */
        public void setRejectionRowsPerWindow(int rejectionRowsPerWindow) {
            this.rejectionRowsPerWindow = rejectionRowsPerWindow;
        }
    }

    /** A previous signing key and the instant it stops being accepted. */
    public static class PreviousSecret {

        /** The previous signing key. */
        private @Nullable String secret;

        /** The instant from which the key is no longer accepted, ISO-8601 (for example 2026-12-31T00:00:00Z). */
        private @Nullable Instant expiresAt;

        /** Returns the previous signing key. */
        public @Nullable String getSecret() {
            return secret;
        }

        /** Sets the previous signing key. */
        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        /** Returns the expiry instant. */
        public @Nullable Instant getExpiresAt() {
            return expiresAt;
        }

        /** Sets the expiry instant. */
        public void setExpiresAt(@Nullable Instant expiresAt) {
            this.expiresAt = expiresAt;
        }

        private String requiredSecret() {
            if (secret == null) {
                throw new IllegalArgumentException("calendly.webhook.previous-secrets[*].secret must be set");
            }
            return secret;
        }

        private Instant requiredExpiresAt() {
            if (expiresAt == null) {
                throw new IllegalArgumentException("calendly.webhook.previous-secrets[*].expires-at must be set");
            }
            return expiresAt;
        }
    }

    /** Rate limiting per client address. */
    public static class RateLimit {

        /** Whether requests are rate limited per client address. */
        private boolean enabled = true;

        /** Requests allowed per client address and minute. */
        private int requestsPerMinute = WebhookSettings.DEFAULT_REQUESTS_PER_MINUTE;

        /** Requests allowed per client address and second. */
        private int burstPerSecond = WebhookSettings.DEFAULT_BURST_PER_SECOND;

        /** Which requests are charged: every request, or only those failing a check. */
        private RateLimitPolicy policy = RateLimitPolicy.ALL_REQUESTS;

        /** Returns whether rate limiting is enabled. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether rate limiting is enabled. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Returns the limit per minute. */
        public int getRequestsPerMinute() {
            return requestsPerMinute;
        }

        /** Sets the limit per minute. */
        public void setRequestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        /** Returns the limit per second. */
        public int getBurstPerSecond() {
            return burstPerSecond;
        }

        /** Sets the limit per second. */
        public void setBurstPerSecond(int burstPerSecond) {
            this.burstPerSecond = burstPerSecond;
        }

        /** Returns the charging policy. */
        public RateLimitPolicy getPolicy() {
            return policy;
        }

        /** Sets the charging policy. */
        public void setPolicy(RateLimitPolicy policy) {
            this.policy = policy;
        }
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
