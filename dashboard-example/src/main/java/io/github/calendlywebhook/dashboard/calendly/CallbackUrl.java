package io.github.calendlywebhook.dashboard.calendly;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Callback URLs of this dashboard. A rotation registers the same endpoint with a {@code rotation}
 * query parameter, because Calendly refuses two subscriptions with the same URL and the new one must
 * exist before the old one is deleted; the endpoint ignores the query.
 */
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

    /** Returns the URL without its query. */
    static String endpoint(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Returns whether two callback URLs reach the same endpoint. */
    static boolean sameEndpoint(String a, String b) {
        return URI.create(endpoint(a)).normalize().equals(URI.create(endpoint(b)).normalize());
    }

    /** Returns the URL a rotation registers. */
    static String rotated(String current, Instant now) {
        return endpoint(current) + "?rotation=" + now.getEpochSecond();
    }
}
