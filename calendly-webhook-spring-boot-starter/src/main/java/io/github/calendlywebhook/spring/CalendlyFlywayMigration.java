package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.store.JdbcSchema;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the Calendly tables with Flyway from {@code classpath:db/calendly/<vendor>}, recording them
 * in their own history table so that their versions never collide with the application's migrations.
 * Runs after the application's own Flyway migration, since the stores wait for database initialization.
 */
final class CalendlyFlywayMigration implements SchemaInstaller {

    /** The history table of the Calendly migrations. */
    static final String HISTORY_TABLE = "calendly_schema_history";

    private boolean installed;

    @Override
    public synchronized void install(DataSource dataSource) {
        if (installed) {
            return;
        }
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + JdbcSchema.migrationLocation(dataSource))
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(JdbcSchema.exists(dataSource) ? "1" : "0")
                .load()
                .migrate();
        installed = true;
    }
}
