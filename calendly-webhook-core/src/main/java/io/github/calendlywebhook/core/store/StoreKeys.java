package io.github.calendlywebhook.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps identifiers (event keys, invitee and event type URIs, lead ids) within the key columns: an
 * identifier longer than {@value #MAX_LENGTH} characters is replaced by its SHA-256, which stays unique,
 * so that no delivery is refused over a column size. Every store applies it, so all agree.
 */
final class StoreKeys {

    /** The longest identifier kept as it is. */
    static final int MAX_LENGTH = 1000;

    private StoreKeys() {
    }

    static String fit(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
