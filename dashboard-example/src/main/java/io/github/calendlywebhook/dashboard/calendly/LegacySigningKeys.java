package io.github.calendlywebhook.dashboard.calendly;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the signing keys that earlier versions kept in the dashboard's own table
 * ({@code dashboard_signing_key}, still created by its V1100 migration) into core's signing-key store
 * ({@code calendly_signing_key}), once, at startup. Stored values are moved as they are (encrypted or
 * not), in their order, and the old rows are deleted in the same transaction, so a restart moves nothing
 * twice.
 */
final class LegacySigningKeys {

    private static final String COLUMNS = "signing_key, key_role, subscription_uris, expires_at, created_at";

    private LegacySigningKeys() {
    }

    /**
     * Moves the keys of the dashboard's old table into the store's table.
     *
     * @param jdbc the database
     * @param transactions the transactions of that database
     * @return how many keys were moved
     */
    static int move(JdbcTemplate jdbc, TransactionTemplate transactions) {
        Integer moved = transactions.execute(status -> {
            Integer old = jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_signing_key", Integer.class);
            if (old == null || old == 0) {
                return 0;
            }
            jdbc.update("INSERT INTO calendly_signing_key (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM dashboard_signing_key ORDER BY id");
            jdbc.update("DELETE FROM dashboard_signing_key");
            return old;
        });
        return moved == null ? 0 : moved;
    }
}
