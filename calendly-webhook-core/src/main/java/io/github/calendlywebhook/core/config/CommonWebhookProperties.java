package io.github.calendlywebhook.core.config;

import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.publication.ListenerMode;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code calendly.webhook.*} keys every adapter binds, with their defaults, as a mutable JavaBean. The
 * Spring Boot and Micronaut properties classes extend it and add only what their framework binds
 * differently (the body size type); {@link #toSettings()} validates and returns the immutable
 * {@link WebhookSettings}.
 *
 * <p>Each default is written once, as a constant here. Field initializers name these constants and each
 * field carries a Javadoc line: the Spring Boot starter's build reads this source to describe the keys in
 * its configuration metadata.
 */
public abstract class CommonWebhookProperties {

    /** The prefix of every key. */
    public static final String PREFIX = "calendly.webhook";
    /** The default endpoint path. */
    public static final String DEFAULT_PATH = "/api/webhooks/calendly";
    /** Calendly's own signature tolerance. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(3);
    /** The default maximum body size in bytes, 256 KiB. */
    public static final long DEFAULT_MAX_BODY_SIZE = 256 * 1024;

    /** Whether the webhook endpoint and its beans are registered. */
    private boolean enabled = true;

    /** Path of the webhook endpoint; in Spring Boot relative to the servlet context. */
    private String path = DEFAULT_PATH;

    /** Current signing key of the Calendly webhook subscription. Required when enabled; blank counts as not set. */
    private @Nullable String secret;

    /** Previous signing keys, still accepted until their expiry, for rotation without downtime. */
    private List<PreviousSecret> previousSecrets = new ArrayList<>();

    /** How far a signature timestamp may be from now, in either direction. */
    private Duration tolerance = DEFAULT_TOLERANCE;

    /** Client networks allowed to deliver (CIDR blocks or addresses, IPv4 or IPv6); empty allows everyone. */
    private List<String> allowedIps = new ArrayList<>();

    /** Reverse proxies whose X-Forwarded-For and Forwarded headers are trusted (CIDR blocks or addresses). */
    private List<String> trustedProxies = new ArrayList<>();

    /** Rate limiting per client address. */
    private final RateLimit rateLimit;

    /** Whether detailed processing logs are written (never secrets or full signatures). */
    private boolean debug;

    /** How clients are keyed by the rate limit and the audit aggregation. */
    private final ClientKey clientKey;

    /** How many audit rows rejections may create. */
    private final Audit audit;

    /** Where events are stored when the application has no database. */
    private CommonStoreProperties store = new CommonStoreProperties();

    /** Delivery of stored events to the application's listeners, at least once. */
    private final Listeners listeners;

    /** Creates properties with every default and the default nested properties. */
    protected CommonWebhookProperties() {
        this(new RateLimit(), new ClientKey(), new Audit(), new Listeners());
    }

    /**
     * Creates properties with every default, binding the nested groups through the given objects.
     *
     * @param rateLimit the framework's rate-limit properties
     * @param clientKey the framework's client-key properties
     * @param audit the framework's audit properties
     */
    protected CommonWebhookProperties(RateLimit rateLimit, ClientKey clientKey, Audit audit) {
        this(rateLimit, clientKey, audit, new Listeners());
    }

    /**
     * Creates properties with every default, binding the nested groups through the given objects.
     *
     * @param rateLimit the framework's rate-limit properties
     * @param clientKey the framework's client-key properties
     * @param audit the framework's audit properties
     * @param listeners the framework's listener properties
     */
    protected CommonWebhookProperties(RateLimit rateLimit, ClientKey clientKey, Audit audit, Listeners listeners) {
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /**
     * Returns the largest accepted body in bytes, as the adapter binds it.
     *
     * @return the size in bytes
     */
    protected abstract long maxBodySizeInBytes();

    /**
     * Returns the validated core settings these properties describe.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the key of an invalid value
     */
    public WebhookSettings toSettings() {
        WebhookSettings.Builder builder = WebhookSettings.builder()
                .enabled(enabled)
                .path(path)
                .secret(secret == null || secret.isBlank() ? null : secret)
                .tolerance(tolerance)
                .allowedIps(allowedIps)
                .trustedProxies(trustedProxies)
                .rateLimitEnabled(rateLimit.isEnabled())
                .requestsPerMinute(rateLimit.getRequestsPerMinute())
                .burstPerSecond(rateLimit.getBurstPerSecond())
                .rateLimitPolicy(rateLimit.getPolicy())
                .maxBodySize(maxBodySizeInBytes())
                .debug(debug)
                .clientKeyIpv6PrefixLength(clientKey.getIpv6PrefixLength())
                .auditRejectionRowsPerWindow(audit.getRejectionRowsPerWindow());
        for (int i = 0; i < previousSecrets.size(); i++) {
            WebhookSettings.PreviousSecret previous = previousSecrets.get(i).validated(PREFIX + ".previous-secrets[" + i + "]");
            builder.previousSecret(previous.secret(), previous.expiresAt());
        }
        return builder.build();
    }

    /** Returns whether the endpoint is enabled. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether the endpoint and its beans are registered. */
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

    /** Returns the current signing key, or {@code null}. */
    public @Nullable String getSecret() {
        return secret;
    }

    /** Sets the current signing key; {@code CALENDLY_WEBHOOK_SECRET} binds here. */
    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }

    /** Returns the previous signing keys. */
    public List<PreviousSecret> getPreviousSecrets() {
        return previousSecrets;
    }

    /** Sets the previous signing keys. */
    public void setPreviousSecrets(List<PreviousSecret> previousSecrets) {
        this.previousSecrets = new ArrayList<>(previousSecrets);
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
        this.allowedIps = new ArrayList<>(allowedIps);
    }

    /** Returns the trusted reverse proxies. */
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    /** Sets the trusted reverse proxies. */
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = new ArrayList<>(trustedProxies);
    }

    /** Returns the rate limit properties. */
    public RateLimit getRateLimit() {
        return rateLimit;
    }

    /** Returns whether detailed processing logs are written. */
    public boolean isDebug() {
        return debug;
    }

    /** Sets whether detailed processing logs are written. */
    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    /** Returns the client-key properties. */
    public ClientKey getClientKey() {
        return clientKey;
    }

    /** Returns the audit properties. */
    public Audit getAudit() {
        return audit;
    }

    /** Returns the store properties. */
    public CommonStoreProperties getStore() {
        return store;
    }

    /**
     * Replaces the store properties with the framework's bound ones.
     *
     * @param store the framework's store properties
     */
    protected void bindStore(CommonStoreProperties store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Returns the listener delivery properties. */
    public Listeners getListeners() {
        return listeners;
    }

    /**
     * Returns the validated listener delivery settings these properties describe.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the key of an invalid value
     */
    public ListenerSettings toListenerSettings() {
        return listeners.toSettings();
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

        WebhookSettings.PreviousSecret validated(String key) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(key + ".secret must be set (every entry needs secret and expires-at)");
            }
            if (expiresAt == null) {
                throw new IllegalArgumentException(key + ".expires-at must be set (every entry needs secret and expires-at)");
            }
            return new WebhookSettings.PreviousSecret(secret, expiresAt);
        }
    }

    /** Rate limiting per client address. */
    public static class RateLimit {

        /** The setup guide's default limit per client address and minute. */
        public static final int DEFAULT_REQUESTS_PER_MINUTE = 10;
        /** The setup guide's default limit per client address and second. */
        public static final int DEFAULT_BURST_PER_SECOND = 10;

        /** Whether requests are rate limited per client address. */
        private boolean enabled = true;

        /** Requests allowed per client address and minute. */
        private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;

        /** Requests allowed per client address and second. */
        private int burstPerSecond = DEFAULT_BURST_PER_SECOND;

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

        /** Returns the limit per client address and minute. */
        public int getRequestsPerMinute() {
            return requestsPerMinute;
        }

        /** Sets the limit per client address and minute. */
        public void setRequestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        /** Returns the limit per client address and second. */
        public int getBurstPerSecond() {
            return burstPerSecond;
        }

        /** Sets the limit per client address and second. */
        public void setBurstPerSecond(int burstPerSecond) {
            this.burstPerSecond = burstPerSecond;
        }

        /** Returns which requests are charged. */
        public RateLimitPolicy getPolicy() {
            return policy;
        }

        /** Sets which requests are charged: {@code all-requests} (default) or {@code failed-requests}. */
        public void setPolicy(RateLimitPolicy policy) {
            this.policy = policy;
        }
    }

    /** How clients are keyed by the rate limit and the audit aggregation. */
    public static class ClientKey {

        /** The default IPv6 prefix length: one /64 is one client. */
        public static final int DEFAULT_IPV6_PREFIX_LENGTH = ClientKeys.DEFAULT_IPV6_PREFIX_LENGTH;

        /** Prefix length by which IPv6 clients are grouped into one client (1 to 128); IPv4 clients are keyed by address. */
        private int ipv6PrefixLength = DEFAULT_IPV6_PREFIX_LENGTH;

        /** Returns the IPv6 prefix length of a client key. */
        public int getIpv6PrefixLength() {
            return ipv6PrefixLength;
        }

        /** Sets the IPv6 prefix length of a client key. */
        public void setIpv6PrefixLength(int ipv6PrefixLength) {
            this.ipv6PrefixLength = ipv6PrefixLength;
        }
    }

    /** How many audit rows rejections may create. */
    public static class Audit {

        /** The default number of audit rows rejections may create per aggregation window. */
        public static final int DEFAULT_REJECTION_ROWS_PER_WINDOW = 100;

        /** Audit rows that rejections may create per aggregation window; past it they are counted into one row per outcome. */
        private int rejectionRowsPerWindow = DEFAULT_REJECTION_ROWS_PER_WINDOW;

        /** Returns the audit rows rejections may create per window. */
        public int getRejectionRowsPerWindow() {
            return rejectionRowsPerWindow;
        }

        /** Sets the audit rows rejections may create per window. */
        public void setRejectionRowsPerWindow(int rejectionRowsPerWindow) {
            this.rejectionRowsPerWindow = rejectionRowsPerWindow;
        }
    }

    /**
     * Delivery of stored events to the application's listeners: each listener is called at least once
     * per stored event, retried with back-off until it returns, and parked after its attempts or age.
     */
    public static class Listeners {

        /** When a listener first runs: sync-first on the request thread after the commit, or async. */
        private ListenerMode mode = ListenerMode.SYNC_FIRST;

        /** Longest wait before the first retry of a failed listener; later retries double it, with jitter. */
        private Duration firstRetry = ListenerSettings.DEFAULT_FIRST_RETRY;

        /** Cap of the wait between two retries. */
        private Duration maxRetryDelay = ListenerSettings.DEFAULT_MAX_RETRY_DELAY;

        /** Attempts after which a failing listener's publication is parked until retried on demand. */
        private int maxAttempts = ListenerSettings.DEFAULT_MAX_ATTEMPTS;

        /** Age after which a failing listener's publication is parked whatever its attempts. */
        private Duration maxAge = ListenerSettings.DEFAULT_MAX_AGE;

        /** How long an instance holds a publication it runs before another instance may take it over. */
        private Duration lease = ListenerSettings.DEFAULT_LEASE;

        /** How often due publications are looked for. */
        private Duration pollInterval = ListenerSettings.DEFAULT_POLL_INTERVAL;

        /** Most publications claimed in one step. */
        private int batchSize = ListenerSettings.DEFAULT_BATCH_SIZE;

        /** Name of this instance in leases, stable across restarts (a pod or host name); none gives a random one. */
        private @Nullable String instanceId;

        /** Returns the validated settings. */
        ListenerSettings toSettings() {
            return ListenerSettings.builder().mode(mode).firstRetry(firstRetry).maxRetryDelay(maxRetryDelay)
                    .maxAttempts(maxAttempts).maxAge(maxAge).lease(lease).pollInterval(pollInterval)
                    .batchSize(batchSize).instanceId(instanceId).build();
        }

        /** Returns when a listener first runs. */
        public ListenerMode getMode() {
            return mode;
        }

        /** Sets when a listener first runs: {@code sync-first} (default) or {@code async}. */
        public void setMode(ListenerMode mode) {
            this.mode = mode;
        }

        /** Returns the bound of the first retry's wait. */
        public Duration getFirstRetry() {
            return firstRetry;
        }

        /** Sets the bound of the first retry's wait. */
        public void setFirstRetry(Duration firstRetry) {
            this.firstRetry = firstRetry;
        }

        /** Returns the cap of one back-off. */
        public Duration getMaxRetryDelay() {
            return maxRetryDelay;
        }

        /** Sets the cap of one back-off. */
        public void setMaxRetryDelay(Duration maxRetryDelay) {
            this.maxRetryDelay = maxRetryDelay;
        }

        /** Returns the attempts before parking. */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** Sets the attempts before parking. */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** Returns the age before parking. */
        public Duration getMaxAge() {
            return maxAge;
        }

        /** Sets the age before parking. */
        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        /** Returns the lease. */
        public Duration getLease() {
            return lease;
        }

        /** Sets the lease. */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /** Returns the poll interval. */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** Sets the poll interval. */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** Returns the claim batch size. */
        public int getBatchSize() {
            return batchSize;
        }

        /** Sets the claim batch size. */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** Returns this instance's name in leases, or {@code null} for a random one. */
        public @Nullable String getInstanceId() {
            return instanceId;
        }

        /** Sets this instance's name in leases. */
        public void setInstanceId(@Nullable String instanceId) {
            this.instanceId = instanceId;
        }
    }
}
