package io.github.calendlywebhook.core.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Callback URLs: the safety check (HTTPS, or plain HTTP to a loopback address for local development)
 * and rotation variants. Calendly refuses a second subscription with the same URL, so a replacement
 * at the same endpoint is registered with a {@value #ROTATION} query parameter; every variant of a URL
 * reaches the same endpoint, which ignores the parameter.
 */
final class CallbackUrls {

    /** The query parameter that tells rotation variants of one endpoint apart. */
    static final String ROTATION = "rotation";

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

    /** Returns the URL without its {@value #ROTATION} parameters, keeping any other query parameter. */
    static String endpoint(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : url.substring(query + 1).split("&", -1)) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!name.equals(ROTATION) && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        String base = url.substring(0, query);
        return kept.length() == 0 ? base : base + "?" + kept;
    }

    /** Returns whether two callback URLs are variants of one endpoint (scheme and host case-insensitive). */
    static boolean sameEndpoint(String a, String b) {
        String left = endpoint(a);
        String right = endpoint(b);
        try {
            return new URI(left).normalize().equals(new URI(right).normalize());
        } catch (URISyntaxException e) {
            return left.equals(right);
        }
    }

    /**
     * Returns a variant of the URL that differs from it, marked with the instant's epoch second.
     *
     * @param url the URL in use
     * @param now the current time
     * @return the endpoint with a {@value #ROTATION} parameter
     */
    static String rotated(String url, Instant now) {
        String base = endpoint(url);
        String separator = base.indexOf('?') < 0 ? "?" : "&";
        long mark = now.getEpochSecond();
        String variant = base + separator + ROTATION + "=" + mark;
        return variant.equals(url) ? base + separator + ROTATION + "=" + (mark + 1) : variant;
    }
}
