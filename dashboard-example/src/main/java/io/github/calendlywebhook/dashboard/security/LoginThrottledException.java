package io.github.calendlywebhook.dashboard.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * A login attempt refused by the {@link LoginThrottle} before its password was looked at. It is an
 * account-status exception, so Spring Security asks no other provider.
 */
final class LoginThrottledException extends LockedException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    LoginThrottledException(Duration wait) {
        super("Too many login attempts");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Returns the whole seconds to wait, at least one. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
