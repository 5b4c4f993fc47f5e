package io.github.calendlywebhook.core.api;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Checks callback URLs: HTTPS, or plain HTTP to a loopback address for local development. */
final class CallbackUrls {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private CallbackUrls() {
    }

    static String requireSafe(String callbackUrl) {
        URI uri;
        try {
            uri = new URI(callbackUrl);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the callback URL is not a valid URL: " + callbackUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "the callback URL must be absolute, without user info or fragment: " + callbackUrl);
        }
        if (scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(host)) {
            return callbackUrl;
        }
        throw new IllegalArgumentException("the callback URL must use https (plain http only for localhost, "
                + "127.0.0.1 or [::1]): " + callbackUrl);
    }
}
