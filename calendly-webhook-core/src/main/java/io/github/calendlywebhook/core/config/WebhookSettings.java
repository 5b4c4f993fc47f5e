package io.github.calendlywebhook.core.config;

import io.github.calendlywebhook.core.ip.ClientKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Framework-neutral configuration of the webhook endpoint, with the defaults of the setup guide (written
 * once, in {@link CommonWebhookProperties}, which the Spring Boot and Micronaut properties classes extend).
 * Immutable; built by {@link #builder()}, whose setters validate.
 */
public final class WebhookSettings {

    /** The default endpoint path. */
    public static final String DEFAULT_PATH = CommonWebhookProperties.DEFAULT_PATH;
    /** Calendly's own signature tolerance. */
    public static final Duration DEFAULT_TOLERANCE = CommonWebhookProperties.DEFAULT_TOLERANCE;
    /** The default maximum body size, 256 KiB. */
    public static final long DEFAULT_MAX_BODY_SIZE = CommonWebhookProperties.DEFAULT_MAX_BODY_SIZE;
    /** The setup guide's default limit per client address and minute. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = CommonWebhookProperties.RateLimit.DEFAULT_REQUESTS_PER_MINUTE;
    /** The setup guide's default burst limit per client address and second. */
    public static final int DEFAULT_BURST_PER_SECOND = CommonWebhookProperties.RateLimit.DEFAULT_BURST_PER_SECOND;
    /** The default number of audit rows that rejections may create per aggregation window, past which they are pooled. */
    public static final int DEFAULT_AUDIT_REJECTION_ROWS_PER_WINDOW =
            CommonWebhookProperties.Audit.DEFAULT_REJECTION_ROWS_PER_WINDOW;

    /**
     * A signing secret that is still accepted until it expires, for rotation without downtime.
     *
     * @param secret the previous secret
     * @param expiresAt the instant from which it is no longer accepted
     */
    public record PreviousSecret(String secret, Instant expiresAt) {

        public PreviousSecret {
            Objects.requireNonNull(expiresAt, "expiresAt");
            requireSecret(secret, "previous secret");
        }

        @Override
        public String toString() {
            return "PreviousSecret[secret=******, expiresAt=" + expiresAt + "]";
        }
    }

    private final boolean enabled;
    private final String path;
    private final @Nullable String secret;
    private final List<PreviousSecret> previousSecrets;
    private final Duration tolerance;
    private final List<String> allowedIps;
    private final List<String> trustedProxies;
    private final boolean rateLimitEnabled;
    private final int requestsPerMinute;
    private final int burstPerSecond;
    private final RateLimitPolicy rateLimitPolicy;
    private final long maxBodySize;
    private final boolean debug;
    private final ClientKeys clientKeys;
    private final int auditRejectionRowsPerWindow;

    private WebhookSettings(Builder b) {
        this.enabled = b.enabled;
        this.path = b.path;
        this.secret = b.secret;
        this.previousSecrets = List.copyOf(b.previousSecrets);
        this.tolerance = b.tolerance;
        this.allowedIps = List.copyOf(b.allowedIps);
        this.trustedProxies = List.copyOf(b.trustedProxies);
        this.rateLimitEnabled = b.rateLimitEnabled;
        this.requestsPerMinute = b.requestsPerMinute;
        this.burstPerSecond = b.burstPerSecond;
        this.rateLimitPolicy = b.rateLimitPolicy;
        this.maxBodySize = b.maxBodySize;
        this.debug = b.debug;
        this.clientKeys = b.clientKeys;
        this.auditRejectionRowsPerWindow = b.auditRejectionRowsPerWindow;
    }

    /** Returns a builder with every default set and no secret. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder initialised from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.path = path;
        b.secret = secret;
        b.previousSecrets.addAll(previousSecrets);
        b.tolerance = tolerance;
        b.allowedIps.addAll(allowedIps);
        b.trustedProxies.addAll(trustedProxies);
        b.rateLimitEnabled = rateLimitEnabled;
        b.requestsPerMinute = requestsPerMinute;
        b.burstPerSecond = burstPerSecond;
        b.rateLimitPolicy = rateLimitPolicy;
        b.maxBodySize = maxBodySize;
        b.debug = debug;
        b.clientKeys = clientKeys;
        b.auditRejectionRowsPerWindow = auditRejectionRowsPerWindow;
        return b;
    }

    /** Returns whether the endpoint is enabled. */
    public boolean enabled() {
        return enabled;
    }

    /** Returns the endpoint path. */
    public String path() {
        return path;
    }

    /** Returns the current signing secret, or {@code null} when none is configured. */
    public @Nullable String secret() {
        return secret;
    }

    /** Returns the previous secrets still accepted until their expiry. */
    public List<PreviousSecret> previousSecrets() {
        return previousSecrets;
    }

    /** Returns how far a signature timestamp may be from now, in either direction. */
    public Duration tolerance() {
        return tolerance;
    }

    /** Returns the allowed client networks (CIDR or single addresses); empty allows everyone. */
    public List<String> allowedIps() {
        return allowedIps;
    }

    /** Returns the networks of reverse proxies whose forwarding headers are trusted. */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /** Returns whether rate limiting is enabled. */
    public boolean rateLimitEnabled() {
        return rateLimitEnabled;
    }

    /** Returns the limit per client address and minute. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Returns the limit per client address and second. */
    public int burstPerSecond() {
        return burstPerSecond;
    }

    /** Returns which requests are charged against the rate limit. */
    public RateLimitPolicy rateLimitPolicy() {
        return rateLimitPolicy;
    }

    /** Returns the maximum body size in bytes. */
    public long maxBodySize() {
        return maxBodySize;
    }

    /** Returns whether detailed processing logs are written (never secrets or full signatures). */
    public boolean debug() {
        return debug;
    }

    /** Returns how clients are keyed for rate limits and audit aggregation (IPv4 address, IPv6 prefix). */
    public ClientKeys clientKeys() {
        return clientKeys;
    }

    /** Returns how many audit rows rejections may create per aggregation window before they are pooled. */
    public int auditRejectionRowsPerWindow() {
        return auditRejectionRowsPerWindow;
    }

    @Override
    public String toString() {
        return "WebhookSettings[enabled=" + enabled + ", path=" + path + ", secret=" + (secret == null ? "<none>" : "******")
                + ", previousSecrets=" + previousSecrets.size() + ", tolerance=" + tolerance + ", allowedIps=" + allowedIps
                + ", trustedProxies=" + trustedProxies + ", rateLimitEnabled=" + rateLimitEnabled + ", requestsPerMinute="
                + requestsPerMinute + ", burstPerSecond=" + burstPerSecond + ", rateLimitPolicy=" + rateLimitPolicy
                + ", maxBodySize=" + maxBodySize + ", debug=" + debug + ", clientKeys=" + clientKeys
                + ", auditRejectionRowsPerWindow=" + auditRejectionRowsPerWindow + "]";
    }

    private static void requireSecret(@Nullable String secret, String what) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /** Builds {@link WebhookSettings}; every setter validates its argument. */
    public static final class Builder {

        private boolean enabled = true;
        private String path = DEFAULT_PATH;
        private @Nullable String secret;
        private final List<PreviousSecret> previousSecrets = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private final List<String> allowedIps = new ArrayList<>();
        private final List<String> trustedProxies = new ArrayList<>();
        private boolean rateLimitEnabled = true;
        private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
        private int burstPerSecond = DEFAULT_BURST_PER_SECOND;
        private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.ALL_REQUESTS;
        private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private boolean debug;
        private ClientKeys clientKeys = ClientKeys.ofDefaults();
        private int auditRejectionRowsPerWindow = DEFAULT_AUDIT_REJECTION_ROWS_PER_WINDOW;

        private Builder() {
        }

        /**
         * Enables or disables the endpoint.
         *
         * @param enabled whether the endpoint is enabled
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Sets the endpoint path.
         *
         * @param path an absolute path, for example {@code /api/webhooks/calendly}
         * @return this builder
         * @throws IllegalArgumentException when the path does not start with {@code /}
         */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("calendly.webhook.path must start with '/', was '" + path + "'");
            }
            this.path = path;
            return this;
        }

        /**
         * Sets the current signing secret.
         *
         * @param secret the secret, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException when the secret is blank
         */
        public Builder secret(@Nullable String secret) {
            if (secret != null) {
                requireSecret(secret, "calendly.webhook.secret");
            }
            this.secret = secret;
            return this;
        }

        /**
         * Adds a previous secret accepted until {@code expiresAt}.
         *
         * @param secret the previous secret
         * @param expiresAt when it stops being accepted
         * @return this builder
         */
        public Builder previousSecret(String secret, Instant expiresAt) {
            previousSecrets.add(new PreviousSecret(secret, expiresAt));
            return this;
        }

        /**
         * Replaces the previous secrets.
         *
         * @param secrets the previous secrets
         * @return this builder
         */
        public Builder previousSecrets(List<PreviousSecret> secrets) {
            previousSecrets.clear();
            previousSecrets.addAll(secrets);
            return this;
        }

        /**
         * Sets the signature timestamp tolerance.
         *
         * @param tolerance a positive duration
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder tolerance(Duration tolerance) {
            if (tolerance.isNegative() || tolerance.isZero()) {
                throw new IllegalArgumentException("calendly.webhook.tolerance must be positive, was " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /**
         * Replaces the allowlist.
         *
         * @param entries CIDR blocks or single addresses, IPv4 or IPv6; blank entries are ignored
         * @return this builder
         */
        public Builder allowedIps(List<String> entries) {
            allowedIps.clear();
            addNonBlank(entries, allowedIps);
            return this;
        }

        /**
         * Replaces the trusted proxies.
         *
         * @param entries CIDR blocks or single addresses; blank entries are ignored
         * @return this builder
         */
        public Builder trustedProxies(List<String> entries) {
            trustedProxies.clear();
            addNonBlank(entries, trustedProxies);
            return this;
        }

        /**
         * Enables or disables rate limiting.
         *
         * @param enabled whether to rate limit
         * @return this builder
         */
        public Builder rateLimitEnabled(boolean enabled) {
            this.rateLimitEnabled = enabled;
            return this;
        }

        /**
         * Sets the limit per client address and minute.
         *
         * @param limit a positive number
         * @return this builder
         */
        public Builder requestsPerMinute(int limit) {
            this.requestsPerMinute = positive(limit, "calendly.webhook.rate-limit.requests-per-minute");
            return this;
        }

        /**
         * Sets the limit per client address and second.
         *
         * @param limit a positive number
         * @return this builder
         */
        public Builder burstPerSecond(int limit) {
            this.burstPerSecond = positive(limit, "calendly.webhook.rate-limit.burst-per-second");
            return this;
        }

        /**
         * Sets which requests are charged against the rate limit.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder rateLimitPolicy(RateLimitPolicy policy) {
            this.rateLimitPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the maximum body size.
         *
         * @param bytes a positive number of bytes
         * @return this builder
         */
        public Builder maxBodySize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("calendly.webhook.max-body-size must be positive, was " + bytes);
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * Enables detailed processing logs.
         *
         * @param debug whether to log details
         * @return this builder
         */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /**
         * Sets the prefix length by which IPv6 clients are grouped into one client for rate limits and
         * audit aggregation; IPv4 clients are always keyed by their address.
         *
         * @param prefixLength from 1 to 128; the default is 64
         * @return this builder
         * @throws IllegalArgumentException naming the key when out of range
         */
        public Builder clientKeyIpv6PrefixLength(int prefixLength) {
            try {
                this.clientKeys = ClientKeys.ipv6PrefixLength(prefixLength);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("calendly.webhook.client-key.ipv6-prefix-length: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Sets how many audit rows rejections may create per aggregation window; past it, rejections are
         * counted into one pooled entry per outcome and window, never dropped.
         *
         * @param rows a positive number; the default is {@value WebhookSettings#DEFAULT_AUDIT_REJECTION_ROWS_PER_WINDOW}
         * @return this builder
         */
        public Builder auditRejectionRowsPerWindow(int rows) {
            this.auditRejectionRowsPerWindow = positive(rows, "calendly.webhook.audit.rejection-rows-per-window");
            return this;
        }

        /** Returns the settings. */
        public WebhookSettings build() {
            return new WebhookSettings(this);
        }

        private static int positive(int value, String key) {
            if (value <= 0) {
                throw new IllegalArgumentException(key + " must be positive, was " + value);
            }
            return value;
        }

        private static void addNonBlank(List<String> from, List<String> to) {
            for (String entry : from) {
                if (entry != null && !entry.isBlank()) {
                    to.add(entry.trim());
                }
            }
        }
    }
}
