package io.github.calendlywebhook.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds {@code classpath:db/calendly/<vendor>} to the application's Flyway locations, so its migration
 * creates the Calendly tables next to its own.
 */
final class CalendlyFlywayLocations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource dataSource = configuration.getDataSource();
        if (dataSource == null) {
            return;
        }
        List<String> locations = new ArrayList<>();
        for (Location location : configuration.getLocations()) {
            locations.add(location.getDescriptor());
        }
        locations.add("classpath:db/calendly/" + vendor(dataSource));
        configuration.locations(locations.toArray(String[]::new));
    }

    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not read the database product for the Calendly webhook tables", ex);
        }
    }
}
