package io.github.calendlywebhook.dashboard.reliability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that never follows redirects, as an attacker or the admin's browser. */
final class Browser {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;

    Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Returns the CSRF token of the login form, starting a session. */
    String loginFormToken() throws IOException, InterruptedException {
        return token(CSRF_INPUT, get("/admin/login").body());
    }

    /** Logs in with the password and returns the response to the login POST. */
    HttpResponse<String> login(String password, String... headers) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "admin");
        form.put("password", password);
        form.put("_csrf", loginFormToken());
        return postForm("/admin/login", form, headers);
    }

    /** Posts the login form to a spelling of the login path, with a fresh CSRF token of the login page. */
    HttpResponse<String> loginAt(String path, String password, String... headers)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "admin");
        form.put("password", password);
        form.put("_csrf", loginFormToken());
        return postForm(path, form, headers);
    }

    /** Returns the CSRF token an admin page gives its scripts. */
    String pageToken(String path) throws IOException, InterruptedException {
        return token(CSRF_META, get(path).body());
    }

    private static String token(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page:\n" + html);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
