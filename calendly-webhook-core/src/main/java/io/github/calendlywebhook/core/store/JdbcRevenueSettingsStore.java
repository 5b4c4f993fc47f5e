package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Revenue settings in the {@code calendly_revenue_default} and {@code calendly_event_type_value}
 * tables, so an admin panel's changes survive restarts and every instance sharing the database sees
 * them on its next read.
 */
final class JdbcRevenueSettingsStore implements RevenueSettingsStore {

    private final JdbcTransactions transactions;
    private final RevenueSettings defaults;

    private JdbcRevenueSettingsStore(DataSource dataSource, RevenueSettings defaults) {
        this.transactions = new JdbcTransactions(dataSource);
        this.defaults = defaults;
    }

    /**
     * Returns a settings store on the data source.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @param defaults the settings returned until the first save
     * @return the store
     */
    static JdbcRevenueSettingsStore create(DataSource dataSource, RevenueSettings defaults) {
        return new JdbcRevenueSettingsStore(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(defaults, "defaults"));
    }

    @Override
    public RevenueSettings load() {
        return transactions.inTransaction("could not read the revenue settings", connection -> {
            BigDecimal defaultValue;
            Currency currency;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT default_value, currency FROM calendly_revenue_default WHERE id = 1");
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return defaults;
                }
                currency = Currency.getInstance(row.getString(2));
                defaultValue = normalized(row.getBigDecimal(1), currency);
            }
            Map<String, BigDecimal> values = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event_type, amount FROM calendly_event_type_value");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), normalized(rows.getBigDecimal(2), currency));
                }
            }
            return new RevenueSettings(defaultValue, values, currency);
        });
    }

    @Override
    public void save(RevenueSettings settings) {
        Objects.requireNonNull(settings, "settings");
        transactions.inTransaction("could not save the revenue settings", connection -> replace(connection, settings));
    }

    /** Replaces the stored settings on a connection inside a transaction. */
    private static Void replace(Connection connection, RevenueSettings settings) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM calendly_event_type_value");
            delete.executeUpdate("DELETE FROM calendly_revenue_default");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO calendly_revenue_default (id, default_value, currency) VALUES (1, ?, ?)")) {
            insert.setBigDecimal(1, settings.defaultValue());
            insert.setString(2, settings.currency().getCurrencyCode());
            insert.executeUpdate();
        }
        insertValues(connection, settings.valuePerEventType());
        return null;
    }

    private static void insertValues(Connection connection, Map<String, BigDecimal> values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO calendly_event_type_value (event_type, amount) VALUES (?, ?)")) {
            for (Map.Entry<String, BigDecimal> value : values.entrySet()) {
                insert.setString(1, value.getKey());
                insert.setBigDecimal(2, value.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Drops the padding zeros of the column's scale, keeping at least the currency's minor unit. */
    private static BigDecimal normalized(BigDecimal amount, Currency currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(Math.max(currency.getDefaultFractionDigits(), 0), stripped.scale()));
    }
}
