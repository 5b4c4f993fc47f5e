package io.github.calendlywebhook.dashboard.security;

import io.github.calendlywebhook.dashboard.admin.AdminAudit;
import io.github.calendlywebhook.dashboard.admin.RefusalAudit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a failed login: a throttled attempt gets 429 with {@code Retry-After} and a short page, a wrong
 * password the login page with an error. Both are audited, without the password or the user name typed;
 * throttled attempts through {@link RefusalAudit}, so a flood of them is counted rather than written one by one.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    private final AdminAudit audit;
    private final RefusalAudit refusals;
    private final String loginPath;

    LoginFailureHandler(AdminAudit audit, RefusalAudit refusals, String loginPath) {
        this.audit = audit;
        this.refusals = refusals;
        this.loginPath = loginPath;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (!(exception instanceof LoginThrottledException throttled)) {
            audit.record(AdminAudit.LOGIN_FAILURE, request.getRemoteAddr(), null);
            response.sendRedirect(request.getContextPath() + loginPath + "?error");
            return;
        }
        long seconds = throttled.retryAfterSeconds();
        refusals.record(AdminAudit.LOGIN_THROTTLED, request.getRemoteAddr(), "retry after " + seconds + " s");
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Too many attempts</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head>"
                + "<body class=\"login-body\"><main class=\"login-card\"><h1>Too many login attempts</h1>"
                + "<p>Try again in " + seconds + " seconds.</p><p><a href=\"" + request.getContextPath() + loginPath
                + "\">Back to login</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8));
    }
}
