package io.github.calendlywebhook.dashboard.security;

import io.github.calendlywebhook.dashboard.admin.RefusalAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose parameters cannot be read safely before anything else reads them: a multipart
 * body (the dashboard has no upload, and the servlet container fails with a stack trace trying to parse
 * one) or a form body in a charset the JVM does not know get 415; a query string or form body that does
 * not decode (bad percent-encoding, bytes invalid in UTF-8, too many parameters) gets 400. Each answer is
 * a JSON error with an audit entry, and nothing is logged above INFO. The webhook endpoint itself is left
 * alone: it reads the raw body and answers such requests on its own.
 */
final class RequestShapeFilter extends OncePerRequestFilter {

    /** The audit action of a refused request. */
    static final String REFUSED = "request.refused";

    private final RefusalAudit audit;
    private final String webhookPath;

    RequestShapeFilter(RefusalAudit audit, String webhookPath) {
        this.audit = audit;
        this.webhookPath = webhookPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (webhookPath.equals(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (contentType != null && !acceptable(contentType.toLowerCase(Locale.ROOT))) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "This path accepts no multipart body and no form body in an unknown charset.");
            return;
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "invalid_parameters",
                    "The query string or form body could not be decoded.");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message) throws IOException {
        audit.record(REFUSED, request.getRemoteAddr(), status + " " + request.getMethod() + " "
                + shorten(request.getRequestURI()));
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
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
