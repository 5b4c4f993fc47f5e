package io.github.calendlywebhook.core.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The user the access token belongs to ({@code GET /users/me}).
 *
 * @param uri the user URI
 * @param organization the URI of the user's current organization
 * @param name the user's name, if set
 * @param email the user's e-mail address, if sent
 * @param timezone the user's time zone, if set
 */
public record CurrentUser(String uri, String organization, @Nullable String name, @Nullable String email,
        @Nullable String timezone) {

    public CurrentUser {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(organization, "organization");
    }
}
