package io.github.calendlywebhook.test;

import io.github.calendlywebhook.core.config.WebhookSettings;
import java.util.List;

/**
 * The configuration every adapter under {@link AdapterConformanceTest} is started with: a known secret,
 * an allowlist of documentation networks, loopback as the trusted proxy, and the default rate limits
 * and body limit.
 */
public final class ConformanceSettings {

    /** The signing secret. */
    public static final String SECRET = "conformance-secret-0123456789-abcdefghij";
    /** The allowed client networks. */
    public static final List<String> ALLOWED_IPS = List.of("203.0.113.0/24", "2001:db8::/32");
    /** The trusted reverse proxies: the suite connects from loopback and forwards its client address. */
    public static final List<String> TRUSTED_PROXIES = List.of("127.0.0.1/32", "::1/128");
    /** The maximum body size, the default. */
    public static final long MAX_BODY_SIZE = WebhookSettings.DEFAULT_MAX_BODY_SIZE;
    /** The rate limit per minute, the default. */
    public static final int REQUESTS_PER_MINUTE = WebhookSettings.DEFAULT_REQUESTS_PER_MINUTE;
    /** The burst limit per second, the default. */
    public static final int BURST_PER_SECOND = WebhookSettings.DEFAULT_BURST_PER_SECOND;

    private ConformanceSettings() {
    }

    /** Returns settings with these constants and every other value at its default. */
    public static WebhookSettings settings() {
        return WebhookSettings.builder()
                .secret(SECRET)
                .allowedIps(ALLOWED_IPS)
                .trustedProxies(TRUSTED_PROXIES)
                .maxBodySize(MAX_BODY_SIZE)
                .requestsPerMinute(REQUESTS_PER_MINUTE)
                .burstPerSecond(BURST_PER_SECOND)
                .build();
    }
}
