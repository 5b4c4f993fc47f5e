package io.github.calendlywebhook.dashboard.calendly;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The callback URL of this dashboard's webhook endpoint, built only from {@code DASHBOARD_PUBLIC_URL}: never
 * from a request's {@code Host}, which any client chooses.
 */
final class CallbackUrl {

    /** What the admin is told when Register or Rotate cannot run. */
    static final String MISSING = "Set DASHBOARD_PUBLIC_URL to the public https:// address of this dashboard (for"
            + " example https://dash.example.com) and restart: the webhook's callback URL is never taken from the"
            + " address a request was sent to.";

    private CallbackUrl() {
    }

    /** Returns the endpoint URL from the public base URL and the webhook path. */
    static String of(String publicUrl, String webhookPath) {
        String base = publicUrl;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + (webhookPath.startsWith("/") ? webhookPath : "/" + webhookPath);
    }

    /**
     * Returns why a public base URL cannot be used, or {@code null} when it can: it must be absolute,
     * without user info, and {@code https}, or {@code http} only for a loopback host (local trials).
     *
     * @param publicUrl the configured value
     * @return the problem, or {@code null}
     */
    static @Nullable String problem(String publicUrl) {
        URI uri;
        try {
            uri = URI.create(publicUrl);
        } catch (IllegalArgumentException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute https:// URL such as https://dash.example.com";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "must use https:// (http:// is accepted only for localhost or a loopback address)";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
