package io.github.calendlywebhook.dashboard.security;

import io.github.calendlywebhook.core.ratelimit.RateLimitDecision;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.dashboard.admin.AdminAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles login attempts per client address. The account itself is never locked: an attacker can slow
 * down guessing from one address but cannot lock the only admin out. Refused attempts get 429 with
 * {@code Retry-After} before the password is looked at.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final String loginPath;
    private final AdminAudit audit;

    LoginThrottleFilter(RateLimiter limiter, String loginPath, AdminAudit audit) {
        this.limiter = limiter;
        this.loginPath = loginPath;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !loginPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitDecision decision = limiter.tryAcquire(request.getRemoteAddr());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(AdminAudit.LOGIN_THROTTLED, request.getRemoteAddr(), null);
        long seconds = decision.retryAfterSeconds();
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Too many attempts</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head>"
                + "<body class=\"login-body\"><main class=\"login-card\"><h1>Too many login attempts</h1>"
                + "<p>Try again in " + seconds + " seconds.</p><p><a href=\"/admin/login\">Back to login</a></p>"
                + "</main></body></html>").getBytes(StandardCharsets.UTF_8));
    }
}
