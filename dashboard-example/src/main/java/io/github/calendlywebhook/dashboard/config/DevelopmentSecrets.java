package io.github.calendlywebhook.dashboard.config;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a fresh machine usable at once: when the webhook secret or the admin password is missing, it
 * generates random ones for this run (reported once by {@link GeneratedSecretsReporter}). With the
 * {@code prod} profile it refuses to start instead, so a production deployment never runs on secrets
 * nobody knows.
 */
public final class DevelopmentSecrets implements EnvironmentPostProcessor {

    /** The property source holding generated values. */
    public static final String SOURCE_NAME = "dashboardGeneratedSecrets";
    static final String SECRET_KEY = "calendly.webhook.secret";
    static final String PASSWORD_KEY = "dashboard.admin-password";

    private final SecureRandom random = new SecureRandom();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> generated = new LinkedHashMap<>();
        boolean missingSecret = isBlank(environment.getProperty(SECRET_KEY));
        boolean missingPassword = isBlank(environment.getProperty(PASSWORD_KEY));
        if (!missingSecret && !missingPassword) {
            return;
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new MissingProductionSecretException(missingSecret, missingPassword);
        }
        if (missingSecret) {
            generated.put(SECRET_KEY, randomToken());
        }
        if (missingPassword) {
            generated.put(PASSWORD_KEY, randomToken());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, generated));
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean isBlank(@org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank();
    }
}
