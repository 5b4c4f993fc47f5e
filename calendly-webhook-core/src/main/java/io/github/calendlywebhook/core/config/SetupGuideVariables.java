package io.github.calendlywebhook.core.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The setup guide's environment variables that are not spelled as {@code calendly.webhook.*} keys, read the
 * same way by every adapter: {@code ALLOWED_IPS}, {@code NODE_ENV=development} (debug) and the one previous
 * key of a rotation, {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET} with
 * {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT}. Each applies only when its key is not configured
 * otherwise, so an explicit {@code calendly.webhook.*} value always wins.
 */
public final class SetupGuideVariables {

    /** The setup guide's allowlist variable. */
    public static final String ALLOWED_IPS = "ALLOWED_IPS";
    /** The setup guide's debug switch; {@code development} turns debug logs on. */
    public static final String NODE_ENV = "NODE_ENV";
    /** The previous signing key during a rotation. */
    public static final String PREVIOUS_SECRET = "CALENDLY_WEBHOOK_PREVIOUS_SECRET";
    /** The instant the previous signing key stops being accepted, ISO-8601. */
    public static final String PREVIOUS_SECRET_EXPIRES_AT = "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT";

    /** The key {@link #ALLOWED_IPS} stands for. */
    public static final String ALLOWED_IPS_KEY = CommonWebhookProperties.PREFIX + ".allowed-ips";
    /** The key {@link #NODE_ENV} stands for. */
    public static final String DEBUG_KEY = CommonWebhookProperties.PREFIX + ".debug";
    /** The list {@link #PREVIOUS_SECRET} becomes the single entry of. */
    public static final String PREVIOUS_SECRETS_KEY = CommonWebhookProperties.PREFIX + ".previous-secrets";

    private final @Nullable String allowedIps;
    private final boolean debug;
    private final CommonWebhookProperties.@Nullable PreviousSecret previousSecret;
    private final List<String> notes;

    private SetupGuideVariables(@Nullable String allowedIps, boolean debug,
            CommonWebhookProperties.@Nullable PreviousSecret previousSecret, List<String> notes) {
        this.allowedIps = allowedIps;
        this.debug = debug;
        this.previousSecret = previousSecret;
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads the variables.
     *
     * @param variables looks an environment variable up by name; {@code null} when unset
     * @param configured whether a {@code calendly.webhook.*} key (or list) is set by another source
     * @return what the variables contribute
     * @throws IllegalArgumentException naming the variable when a previous secret is incomplete or its expiry
     *     is not an ISO-8601 instant (the secret itself is never part of the message)
     */
    public static SetupGuideVariables read(Function<String, @Nullable String> variables, Predicate<String> configured) {
        List<String> notes = new ArrayList<>();
        String allowedIps = text(variables.apply(ALLOWED_IPS));
        if (allowedIps != null && configured.test(ALLOWED_IPS_KEY)) {
            allowedIps = null;
        }
        String nodeEnv = text(variables.apply(NODE_ENV));
        boolean development = nodeEnv != null && nodeEnv.toLowerCase(Locale.ROOT).equals("development");
        boolean debug = development && !configured.test(DEBUG_KEY);
        if (debug) {
            notes.add("NODE_ENV=development taken as " + DEBUG_KEY + "=true: detailed processing logs are on "
                    + "(set " + DEBUG_KEY + " to override)");
        } else if (development) {
            notes.add("NODE_ENV=development ignored: " + DEBUG_KEY + " is set explicitly and wins");
        }
        CommonWebhookProperties.PreviousSecret previous = previousSecret(variables);
        if (previous != null && configured.test(PREVIOUS_SECRETS_KEY)) {
            notes.add(PREVIOUS_SECRET + " ignored: " + PREVIOUS_SECRETS_KEY + " is set explicitly and wins");
            previous = null;
        }
        return new SetupGuideVariables(allowedIps, debug, previous, notes);
    }

    private static CommonWebhookProperties.@Nullable PreviousSecret previousSecret(
            Function<String, @Nullable String> variables) {
        String secret = text(variables.apply(PREVIOUS_SECRET));
        String expiresAt = text(variables.apply(PREVIOUS_SECRET_EXPIRES_AT));
        if (secret == null && expiresAt == null) {
            return null;
        }
        if (secret == null || expiresAt == null) {
            throw new IllegalArgumentException(PREVIOUS_SECRET + " and " + PREVIOUS_SECRET_EXPIRES_AT
                    + " must be set together (" + PREVIOUS_SECRETS_KEY + "[0].secret and .expires-at)");
        }
        CommonWebhookProperties.PreviousSecret previous = new CommonWebhookProperties.PreviousSecret();
        previous.setSecret(secret);
        try {
            previous.setExpiresAt(Instant.parse(expiresAt));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PREVIOUS_SECRET_EXPIRES_AT + " must be an ISO-8601 instant such as "
                    + "2026-12-31T00:00:00Z, was '" + expiresAt + "'", e);
        }
        return previous;
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Returns the contributions as {@code calendly.webhook.*} properties, for adapters that add them as a
     * property source of the lowest precedence.
     *
     * @return the keys and values, empty when no variable applies
     */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (allowedIps != null) {
            properties.put(ALLOWED_IPS_KEY, allowedIps);
        }
        if (debug) {
            properties.put(DEBUG_KEY, "true");
        }
        if (previousSecret != null) {
            properties.put(PREVIOUS_SECRETS_KEY + "[0].secret", String.valueOf(previousSecret.getSecret()));
            properties.put(PREVIOUS_SECRETS_KEY + "[0].expires-at", String.valueOf(previousSecret.getExpiresAt()));
        }
        return properties;
    }

    /**
     * Sets the contributions on bound properties, for adapters that bind before reading the variables.
     *
     * @param properties the bound properties
     */
    public void applyTo(CommonWebhookProperties properties) {
        if (allowedIps != null) {
            properties.setAllowedIps(List.of(allowedIps));
        }
        if (debug) {
            properties.setDebug(true);
        }
        if (previousSecret != null) {
            properties.setPreviousSecrets(List.of(previousSecret));
        }
    }

    /**
     * Returns what to log once at startup: which alias was taken or ignored. Never holds a secret.
     *
     * @return the lines, possibly empty
     */
    public List<String> notes() {
        return notes;
    }
}
