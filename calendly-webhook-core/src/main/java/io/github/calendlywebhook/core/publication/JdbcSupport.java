package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC plumbing of the publication registry, on the stores' shared {@link JdbcTransactions}: short
 * transactions, instants as UTC timestamps cut to microseconds (what PostgreSQL keeps), and failures as
 * {@link StoreUnavailableException} naming no URL, user or password.
 */
final class JdbcSupport {

    private final JdbcTransactions transactions;
    private volatile @Nullable Boolean postgres;

    JdbcSupport(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    /** Work on a connection the caller holds. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws SQLException;
    }

    <T> T inTransaction(String what, JdbcTransactions.Work<T> work) {
        return transactions.inTransactionOnce(what, work);
    }

    static <T> T inTransaction(Connection connection, Step<T> step) throws SQLException {
        return JdbcTransactions.runOnce(connection, held -> step.run());
    }

    static <T> T autoCommitting(Connection connection, Step<T> step) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            return step.run();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    <T> T withConnection(String what, JdbcTransactions.Work<T> work) {
        return transactions.withConnection(what, work);
    }

    /** Returns whether the database is PostgreSQL (otherwise H2), detected on first use. */
    boolean postgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
        JdbcValues.setInstant(statement, index, instant == null ? null : micros(instant));
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
