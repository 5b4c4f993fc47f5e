package io.github.calendlywebhook.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks the single admin password. Both sides are hashed to a fixed length first and compared with
 * {@link MessageDigest#isEqual}, so the time taken reveals neither the password nor its length.
 */
final class AdminAuthenticationProvider implements AuthenticationProvider {

    static final String ADMIN = "admin";

    private final byte[] expectedDigest;

    AdminAuthenticationProvider(String password) {
        this.expectedDigest = sha256(password);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        byte[] given = sha256(credentials == null ? "" : credentials.toString());
        if (!MessageDigest.isEqual(given, expectedDigest)) {
            throw new BadCredentialsException("Wrong password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(ADMIN, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
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
        return "AdminAuthenticationProvider[password=******]";
    }
}
