package io.github.calendlywebhook.core.store.internal;

/**
 * How the JDBC stores find rows by their long text keys. H2 keys the event and invitee tables by the SHA-256
 * digests of the texts ({@code V5__calendly_h2_digest_keys.sql}), so a lookup hashes the text it looks for;
 * PostgreSQL keys them by the texts.
 */
public final class JdbcKeys {

    /** H2's digest of the text bound as a parameter. */
    public static final String H2_DIGEST_OF_PARAMETER = h2Digest("?");

    private JdbcKeys() {
    }

    /**
     * Returns H2's SHA-256 of a text expression, computed as the digest columns are generated: over the
     * text's UTF-8 bytes.
     *
     * @param text the text expression: a parameter, a column or a derived value
     * @return the digest expression
     */
    public static String h2Digest(String text) {
        return "HASH('SHA-256', " + text + ")";
    }

    /**
     * Returns the join condition that finds the stored event whose key is given by an expression.
     *
     * @param postgres whether the database is PostgreSQL (otherwise H2)
     * @param event the alias of {@code calendly_event}
     * @param key the expression of the key, such as another table's column
     * @return the condition
     */
    public static String eventByKey(boolean postgres, String event, String key) {
        return postgres ? event + ".event_key = " + key : event + ".key_digest = " + h2Digest(key);
    }
}
