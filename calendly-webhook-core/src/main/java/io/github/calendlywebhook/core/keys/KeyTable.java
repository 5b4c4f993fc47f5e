package io.github.calendlywebhook.core.keys;

import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC plumbing of the signing-key store, on the stores' shared {@link JdbcTransactions}:
 * connections, short transactions, column conversions, and failures as
 * {@link StoreUnavailableException} naming no URL, user or password.
 */
final class KeyTable {

    private final JdbcTransactions transactions;

    KeyTable(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    <T extends @Nullable Object> T read(String what, JdbcTransactions.Work<T> work) {
        return transactions.withConnection("could not " + what, work);
    }

    <T extends @Nullable Object> T inTransaction(String what, JdbcTransactions.Work<T> work) {
        return transactions.inTransactionOnce("could not " + what, work);
    }

    static String join(Set<String> uris) {
        return uris.stream().sorted().collect(Collectors.joining(" "));
    }

    static Set<String> split(@Nullable String uris) {
        return uris == null || uris.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(uris.trim().split(" ")));
    }
}
