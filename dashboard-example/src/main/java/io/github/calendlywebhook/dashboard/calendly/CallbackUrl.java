package io.github.calendlywebhook.dashboard.calendly;

import org.jspecify.annotations.Nullable;

/** The callback URL of this dashboard's webhook endpoint. */
final class CallbackUrl {

    private CallbackUrl() {
    }

    /** Returns the endpoint URL from the public base URL (or the admin's request base) and the webhook path. */
    static String of(@Nullable String publicUrl, String requestBase, String webhookPath) {
        String base = publicUrl != null ? publicUrl : requestBase;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + (webhookPath.startsWith("/") ? webhookPath : "/" + webhookPath);
    }
}
