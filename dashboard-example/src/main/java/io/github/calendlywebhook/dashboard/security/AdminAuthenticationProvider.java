package io.github.calendlywebhook.dashboard.security;

import io.github.calendlywebhook.core.ip.ClientKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the single admin password, after the {@link LoginThrottle} has allowed the attempt: a throttled
 * attempt fails with {@link LoginThrottledException} and its password is never looked at. The throttle
 * sits here, where every login is decided, so no spelling of the login URL escapes it. Both sides of the
 * comparison are hashed to a fixed length first and compared with {@link MessageDigest#isEqual}, so the
 * time taken reveals neither the password nor its length.
 */
final class AdminAuthenticationProvider implements AuthenticationProvider {

    static final String ADMIN = "admin";

    private final byte[] expectedDigest;
    private final LoginThrottle throttle;
    private final ClientKeys clientKeys;

    AdminAuthenticationProvider(String password, LoginThrottle throttle, ClientKeys clientKeys) {
        this.expectedDigest = sha256(password);
        this.throttle = throttle;
        this.clientKeys = clientKeys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String client = clientKey(authentication);
        Duration wait = throttle.begin(client);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        Object credentials = authentication.getCredentials();
        byte[] given = sha256(credentials == null ? "" : credentials.toString());
        if (!MessageDigest.isEqual(given, expectedDigest)) {
            throw new BadCredentialsException("Wrong password");
        }
        throttle.succeeded(client);
        return UsernamePasswordAuthenticationToken.authenticated(ADMIN, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    private String clientKey(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return clientKeys.of(details.getRemoteAddress());
        }
        return "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "AdminAuthenticationProvider[password=******, " + throttle + "]";
    }
}
