package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.config.RateLimitPolicy;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.ConformanceSettings;
import java.util.Arrays;

/** Variations of the conformance settings for processor tests. */
final class ProcessorSettings {

    private ProcessorSettings() {
    }

    static WebhookSettings withMaxBodySize(long bytes) {
        return ConformanceSettings.settings().toBuilder().maxBodySize(bytes).build();
    }

    static WebhookSettings failedRequestsPolicy() {
        return ConformanceSettings.settings().toBuilder().rateLimitPolicy(RateLimitPolicy.FAILED_REQUESTS).build();
    }

    static WebhookSettings withoutRateLimit() {
        return ConformanceSettings.settings().toBuilder().rateLimitEnabled(false).build();
    }

    /** Pads a JSON object with trailing spaces (still valid JSON) to exactly {@code size} bytes. */
    static byte[] padTo(byte[] json, int size) {
        byte[] padded = Arrays.copyOf(json, size);
        Arrays.fill(padded, json.length, size, (byte) ' ');
        return padded;
    }
}
