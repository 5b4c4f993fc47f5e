package io.github.calendlywebhook.dashboard.settings;

import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.dashboard.config.DashboardTables;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the settings. Every read goes to the database, so a change saved on one instance is
 * used by every instance sharing the database at once. Values absent from the database fall back to
 * the environment ({@link DashboardProperties}).
 */
@Repository
public class SettingsRepository {

    static final String VALUE_PER_BOOKING = "value_per_booking";
    static final String CURRENCY = "currency";
    static final String TIMEZONE = "timezone";
    static final String INCLUDE_TEST = "include_test_events";

    private final JdbcTemplate jdbc;
    private final DashboardTables tables;
    private final DashboardProperties defaults;
    private final Clock clock;

    SettingsRepository(JdbcTemplate jdbc, DashboardTables tables, DashboardProperties defaults, Clock clock) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * Returns the settings in force.
     *
     * @throws org.springframework.dao.DataAccessResourceFailureException while the database is unreachable
     */
    public DashboardSettings current() {
        tables.requireInstalled();
        Map<String, String> stored = new LinkedHashMap<>();
        jdbc.query("SELECT name, setting_value FROM dashboard_setting",
                rs -> {
                    stored.put(rs.getString(1), rs.getString(2));
                });
        Map<String, BigDecimal> perType = new LinkedHashMap<>();
        jdbc.query("SELECT event_type_key, booking_value FROM dashboard_event_type_value ORDER BY event_type_key",
                rs -> {
                    perType.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros());
                });
        return new DashboardSettings(
                new BigDecimal(stored.getOrDefault(VALUE_PER_BOOKING, defaults.valuePerBooking().toPlainString())),
                perType,
                stored.getOrDefault(CURRENCY, defaults.currency()),
                ZoneId.of(stored.getOrDefault(TIMEZONE, defaults.timezone()).trim()),
                Boolean.parseBoolean(stored.getOrDefault(INCLUDE_TEST, "false")));
    }

    /**
     * Saves settings, replacing every stored value.
     *
     * @param settings the new settings
     */
    @Transactional
    public void save(DashboardSettings settings) {
        tables.requireInstalled();
        Timestamp now = Timestamp.from(clock.instant());
        put(VALUE_PER_BOOKING, settings.valuePerBooking().toPlainString(), now);
        put(CURRENCY, settings.currency(), now);
        put(TIMEZONE, settings.zone().getId(), now);
        put(INCLUDE_TEST, Boolean.toString(settings.includeTestEvents()), now);
        jdbc.update("DELETE FROM dashboard_event_type_value");
        settings.valuePerEventType().forEach((key, value) -> jdbc.update(
                "INSERT INTO dashboard_event_type_value (event_type_key, booking_value, updated_at) VALUES (?, ?, ?)",
                key, value, now));
    }

    private void put(String name, String value, Timestamp now) {
        int updated = jdbc.update("UPDATE dashboard_setting SET setting_value = ?, updated_at = ? WHERE name = ?",
                value, now, name);
        if (updated == 0) {
            jdbc.update("INSERT INTO dashboard_setting (name, setting_value, updated_at) VALUES (?, ?, ?)",
                    name, value, now);
        }
    }
}
