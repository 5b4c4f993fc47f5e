package io.github.calendlywebhook.dashboard.security;

import io.github.calendlywebhook.dashboard.admin.AdminAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies no page of the dashboard accepts before anything reads their parameters: a
 * multipart body (the dashboard has no upload, and the servlet container would fail with a stack trace
 * trying to parse one) or a form body in a charset the JVM does not know. The answer is 415 with a JSON
 * error and an audit entry. The webhook endpoint itself is left alone: it reads the raw body and
 * answers such requests on its own.
 */
final class RequestShapeFilter extends OncePerRequestFilter {

    /** The audit action of a refused request shape. */
    static final String REFUSED = "request.unsupported_body";

    private final AdminAudit audit;
    private final String webhookPath;

    RequestShapeFilter(AdminAudit audit, String webhookPath) {
        this.audit = audit;
        this.webhookPath = webhookPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (contentType == null || webhookPath.equals(path) || acceptable(contentType.toLowerCase(Locale.ROOT))) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(REFUSED, request.getRemoteAddr(), request.getMethod() + " " + shorten(path));
        response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"unsupported_media_type\",\"message\":\"This path accepts"
                + " no multipart body and no form body in an unknown charset.\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean acceptable(String contentType) {
        if (contentType.startsWith("multipart/")) {
            return false;
        }
        int charset = contentType.indexOf("charset=");
        if (!contentType.startsWith("application/x-www-form-urlencoded") || charset < 0) {
            return true;
        }
        String name = contentType.substring(charset + "charset=".length()).split("[;\\s]", 2)[0].replace("\"", "");
        try {
            return java.nio.charset.Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String path) {
        return path.length() > 120 ? path.substring(0, 120) + "..." : path;
    }
}
