package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.pipeline.RateLimitPolicy;
import io.github.calendlywebhook.core.pipeline.WebhookSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code calendly.webhook.*}, the same keys as the Spring Boot starter, and turns them into the
 * core {@link WebhookSettings}, which validate every value. Defaults are the core's.
 */
@ConfigurationProperties(CalendlyWebhookProperties.PREFIX)
public class CalendlyWebhookProperties {

    /** The prefix of every key. */
    public static final String PREFIX = "calendly.webhook";

    private boolean enabled = true;
    private String path = WebhookSettings.DEFAULT_PATH;
    private @Nullable String secret;
    private List<Map<String, Object>> previousSecrets = new ArrayList<>();
    private Duration tolerance = WebhookSettings.DEFAULT_TOLERANCE;
    private List<String> allowedIps = new ArrayList<>();
    private List<String> trustedProxies = new ArrayList<>();
    private RateLimitProperties rateLimit = new RateLimitProperties();
    private long maxBodySize = WebhookSettings.DEFAULT_MAX_BODY_SIZE;
    private boolean debug;
    private ClientKeyProperties clientKey = new ClientKeyProperties();
    private AuditProperties audit = new AuditProperties();

    /**
     * Returns the validated core settings.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the key of an invalid value
     */
    public WebhookSettings toSettings() {
        return WebhookSettings.builder()
                .enabled(enabled)
                .path(path)
                .secret(secret == null || secret.isBlank() ? null : secret)
                .previousSecrets(previousSecrets())
                .tolerance(tolerance)
                .allowedIps(allowedIps)
                .trustedProxies(trustedProxies)
                .rateLimitEnabled(rateLimit.isEnabled())
                .requestsPerMinute(rateLimit.getRequestsPerMinute())
                .burstPerSecond(rateLimit.getBurstPerSecond())
                .rateLimitPolicy(rateLimit.getPolicy())
                .maxBodySize(maxBodySize)
                .debug(debug)
                .clientKeyIpv6PrefixLength(clientKey.getIpv6PrefixLength())
                .auditRejectionRowsPerWindow(audit.getRejectionRowsPerWindow())
                .build();
    }

    private List<WebhookSettings.PreviousSecret> previousSecrets() {
        List<WebhookSettings.PreviousSecret> result = new ArrayList<>();
        for (int i = 0; i < previousSecrets.size(); i++) {
            Map<String, Object> entry = previousSecrets.get(i);
            String key = PREFIX + ".previous-secrets[" + i + "]";
            Object value = entry.get("secret");
            Object expiresAt = entry.containsKey("expires-at") ? entry.get("expires-at") : entry.get("expiresAt");
            if (value == null || expiresAt == null) {
                throw new IllegalArgumentException(key + " needs both 'secret' and 'expires-at'");
            }
            try {
                result.add(new WebhookSettings.PreviousSecret(value.toString(), Instant.parse(expiresAt.toString())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + ".expires-at must be an ISO-8601 instant, was '" + expiresAt + "'", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ".secret must not be blank", e);
            }
        }
        return result;
    }

    /** Returns whether the endpoint and its beans are enabled. */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Enables or disables the endpoint and its beans.
     *
     * @param enabled {@code false} to create no bean at all
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Returns the endpoint path. */
    public String getPath() {
        return path;
    }

    /**
     * Sets the endpoint path; the controller reads the same key.
     *
     * @param path the path, default {@code /api/webhooks/calendly}
     */
    public void setPath(String path) {
        this.path = path;
    }

    /** Returns the current signing secret, or {@code null}. */
    public @Nullable String getSecret() {
        return secret;
    }

    /**
     * Sets the signing key of the webhook subscription; {@code CALENDLY_WEBHOOK_SECRET} binds here. A blank
     * value counts as not set.
     *
     * @param secret the secret
     */
    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }

    /** Returns the previous secrets as bound: maps with {@code secret} and {@code expires-at}. */
    public List<Map<String, Object>> getPreviousSecrets() {
        return previousSecrets;
    }

    /**
     * Sets the previous secrets still accepted until their {@code expires-at} instant, for rotation.
     *
     * @param previousSecrets maps with {@code secret} and {@code expires-at} (ISO-8601 instant)
     */
    public void setPreviousSecrets(List<Map<String, Object>> previousSecrets) {
        this.previousSecrets = new ArrayList<>(previousSecrets);
    }

    /** Returns the signature timestamp tolerance. */
    public Duration getTolerance() {
        return tolerance;
    }

    /**
     * Sets how far a signature timestamp may be from now, in either direction.
     *
     * @param tolerance the tolerance, default 3 minutes
     */
    public void setTolerance(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** Returns the allowed client networks. */
    public List<String> getAllowedIps() {
        return allowedIps;
    }

    /**
     * Sets the allowed client networks, CIDR blocks or single addresses; empty allows everyone.
     *
     * @param allowedIps the networks
     */
    public void setAllowedIps(List<String> allowedIps) {
        this.allowedIps = new ArrayList<>(allowedIps);
    }

    /** Returns the trusted reverse proxies. */
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    /**
     * Sets the networks of reverse proxies whose {@code X-Forwarded-For} and {@code Forwarded} headers are trusted.
     *
     * @param trustedProxies the networks
     */
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = new ArrayList<>(trustedProxies);
    }

    /** Returns the rate limit properties. */
    public RateLimitProperties getRateLimit() {
        return rateLimit;
    }

    /**
     * Sets the rate limit properties.
     *
     * @param rateLimit the properties under {@code rate-limit}
     */
    public void setRateLimit(RateLimitProperties rateLimit) {
        this.rateLimit = rateLimit;
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

    /** Returns whether detailed processing logs are written. */
    public boolean isDebug() {
        return debug;
    }

    /**
     * Enables detailed processing logs; they never contain a secret or a full signature.
     *
     * @param debug whether to log details
     */
    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    /** Returns the client key properties. */
    public ClientKeyProperties getClientKey() {
        return clientKey;
    }

    /**
     * Sets the client key properties.
     *
     * @param clientKey the properties under {@code client-key}
     */
    public void setClientKey(ClientKeyProperties clientKey) {
        this.clientKey = clientKey;
    }

    /** Returns the audit properties. */
    public AuditProperties getAudit() {
        return audit;
    }

    /**
     * Sets the audit properties.
     *
     * @param audit the properties under {@code audit}
     */
    public void setAudit(AuditProperties audit) {
        this.audit = audit;
    }

    /** Binds {@code calendly.webhook.client-key.*}: how clients are keyed for the rate limit and audit aggregation. */
    @ConfigurationProperties("client-key")
    public static class ClientKeyProperties {

        private int ipv6PrefixLength = ClientKeys.DEFAULT_IPV6_PREFIX_LENGTH;

        /** Returns the prefix length by which IPv6 clients are grouped. */
        public int getIpv6PrefixLength() {
            return ipv6PrefixLength;
        }

        /**
         * Sets the prefix length by which IPv6 clients are grouped into one client.
         *
         * @param ipv6PrefixLength from 1 to 128, default 64
         */
        public void setIpv6PrefixLength(int ipv6PrefixLength) {
            this.ipv6PrefixLength = ipv6PrefixLength;
        }
    }

    /** Binds {@code calendly.webhook.audit.*}. */
    @ConfigurationProperties("audit")
    public static class AuditProperties {

        private int rejectionRowsPerWindow = WebhookSettings.DEFAULT_AUDIT_REJECTION_ROWS_PER_WINDOW;

        /** Returns how many audit rows rejections may create per aggregation window. */
        public int getRejectionRowsPerWindow() {
            return rejectionRowsPerWindow;
        }

        /**
         * Sets how many audit rows rejections may create per aggregation window; past it they are counted
         * into one row per outcome.
         *
         * @param rejectionRowsPerWindow a positive number, default 100
         */
        public void setRejectionRowsPerWindow(int rejectionRowsPerWindow) {
            this.rejectionRowsPerWindow = rejectionRowsPerWindow;
        }
    }

    /** Binds {@code calendly.webhook.rate-limit.*}. */
    @ConfigurationProperties("rate-limit")
    public static class RateLimitProperties {

        private boolean enabled = true;
        private int requestsPerMinute = WebhookSettings.DEFAULT_REQUESTS_PER_MINUTE;
        private int burstPerSecond = WebhookSettings.DEFAULT_BURST_PER_SECOND;
        private RateLimitPolicy policy = RateLimitPolicy.ALL_REQUESTS;

        /** Returns whether rate limiting is enabled. */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Enables or disables rate limiting per client address.
         *
         * @param enabled whether to rate limit
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Returns the limit per client address and minute. */
        public int getRequestsPerMinute() {
            return requestsPerMinute;
        }

        /**
         * Sets the limit per client address and minute.
         *
         * @param requestsPerMinute the limit, default 10
         */
        public void setRequestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        /** Returns the limit per client address and second. */
        public int getBurstPerSecond() {
            return burstPerSecond;
        }

        /**
         * Sets the limit per client address and second.
         *
         * @param burstPerSecond the limit, default 10
         */
        public void setBurstPerSecond(int burstPerSecond) {
            this.burstPerSecond = burstPerSecond;
        }

        /** Returns which requests are charged. */
        public RateLimitPolicy getPolicy() {
            return policy;
        }

        /**
         * Sets which requests are charged: {@code all-requests} (default) or {@code failed-requests}.
         *
         * @param policy the policy
         */
        public void setPolicy(RateLimitPolicy policy) {
            this.policy = policy;
        }
    }
}
