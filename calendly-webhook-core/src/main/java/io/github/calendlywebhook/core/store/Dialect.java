package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.JdbcKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The databases the JDBC stores support, told apart by the driver's product name. */
enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String directory;

    Dialect(String directory) {
        this.directory = directory;
    }

    /** Returns the classpath directory of this database's Flyway-named migrations. */
    String migrationLocation() {
        return "db/calendly/" + directory;
    }

    /** Returns the classpath location of the first schema script. */
    String schemaScript() {
        return "db/calendly/" + directory + "/V1__calendly_webhook.sql";
    }

    /** Returns the classpath location of the script that adds the listener publications. */
    String publicationScript() {
        return "db/calendly/" + directory + "/V2__calendly_publication.sql";
    }

    /** Returns the classpath location of the script that adds the signing-key store. */
    String signingKeyScript() {
        return "db/calendly/" + directory + "/V3__calendly_signing_key.sql";
    }

    /**
     * Returns the classpath location of the script that gives the busy identity columns a large cache, or
     * {@code null} where the database needs none.
     */
    @Nullable String identityCacheScript() {
        return this == H2 ? "db/calendly/h2/V4__calendly_h2_identity_cache.sql" : null;
    }

    /**
     * Returns the classpath location of the script that keys the event and invitee tables by digests of
     * their texts, or {@code null} where the database keeps the texts as keys.
     */
    @Nullable String digestKeysScript() {
        return this == H2 ? "db/calendly/h2/V5__calendly_h2_digest_keys.sql" : null;
    }

    /** Returns the condition that finds an invitee row by its URI, bound as the one parameter. */
    String inviteeByUri() {
        return this == H2 ? "uri_digest = " + JdbcKeys.H2_DIGEST_OF_PARAMETER : "uri = ?";
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String normalized = product.toLowerCase(Locale.ROOT);
        if (normalized.contains("h2")) {
            return H2;
        }
        if (normalized.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database " + product + ": the JDBC stores support H2 and PostgreSQL");
    }
}
