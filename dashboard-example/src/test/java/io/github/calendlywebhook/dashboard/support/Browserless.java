package io.github.calendlywebhook.dashboard.support;

import io.github.calendlywebhook.test.SignedDelivery;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client for one simulated user: keeps cookies, reads CSRF tokens out of forms, never
 * follows redirects (so tests see them), and can present itself as another client address through a
 * trusted proxy's {@code X-Forwarded-For}.
 */
public final class Browserless {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final String clientAddress;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    /**
     * Creates a client.
     *
     * @param port the application's port
     * @param clientAddress the client address to present, sent as {@code X-Forwarded-For}
     */
    public Browserless(int port, String clientAddress) {
        this.base = "http://127.0.0.1:" + port;
        this.clientAddress = clientAddress;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Returns a request builder for a path with the client address header. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    /** Sends a request and returns the answer as text. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a path. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** Returns the CSRF token of the form on a page. */
    public String csrfFrom(String path) {
        Matcher matcher = CSRF.matcher(get(path).body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + path);
        }
        return matcher.group(1);
    }

    /** POSTs a form. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Logs in with a password, taking the CSRF token from the login page; returns the login answer. */
    public HttpResponse<String> login(String password) {
        String token = csrfFrom("/admin/login");
        return postForm("/admin/login", Map.of("username", "admin", "password", password, "_csrf", token));
    }

    /** POSTs a webhook body signed with a secret, as this client (cookies and client address kept). */
    public HttpResponse<String> postSigned(String secret, byte[] body) {
        HttpRequest.Builder request = request("/api/webhooks/calendly").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        SignedDelivery.of(body).secret(secret).headers().forEach((name, values) -> values.forEach(
                value -> request.header(name, value)));
        return send(request.build());
    }

    /** Returns the value of a cookie this client holds, or {@code null}. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }
}
