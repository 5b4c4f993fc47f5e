package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One Flyway mechanism per set of tables: the starter installs the Calendly tables with their own history,
 * the dashboard its own tables; a database laid out by earlier versions (both sets in the dashboard's history,
 * the Calendly baseline in the starter's) upgrades at the next start without manual steps.
 */
class SchemaUpgradeTest {

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void newH2DatabaseShouldRecordEachSetOfTablesInItsOwnHistory() {
        String url = h2Url();

        start(url, "sa").close();

        JdbcTemplate jdbc = new JdbcTemplate(h2(url));
        // The Calendly tables are installed first, on the empty schema; "0" is the dashboard's baseline under them.
        assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("0", "1000", "1100");
        assertThat(versions(jdbc, "calendly_schema_history")).containsExactly("1", "2", "3", "4", "5");
        assertThat(identityCache(jdbc, "CALENDLY_EVENT")).isEqualTo(4096);
        assertThat(identityCache(jdbc, "CALENDLY_AUDIT")).isEqualTo(4096);
    }

    @Test
    void h2DatabaseOfTheEarlierLayoutShouldUpgradeAtStart() {
        String url = h2Url();
        DataSource database = h2(url);
        earlierLayout(database, "h2");

        start(url, "sa").close();

        JdbcTemplate jdbc = new JdbcTemplate(database);
        assertUpgraded(jdbc, "1", "2", "3", "4", "5");
        assertThat(identityCache(jdbc, "CALENDLY_AUDIT")).isEqualTo(4096);
    }

    @Test
    void postgresqlDatabaseOfTheEarlierLayoutShouldUpgradeAtStart() throws Exception {
        DataSource database = postgres.newDatabase();
        String name;
        try (var connection = database.getConnection()) {
            name = connection.getCatalog();
        }
        earlierLayout(database, "postgresql");

        start(postgres.jdbcUrl().replace("/postgres?", "/" + name + "?"), "postgres").close();

        // PostgreSQL's sequences need no larger cache and its text keys no digests: its scripts end at V3.
        assertUpgraded(new JdbcTemplate(database), "1", "2", "3");
    }

    /** Lays a database out as the dashboard did before: everything in one history, before the V2 script. */
    private static void earlierLayout(DataSource database, String vendor) {
        Flyway.configure().dataSource(database)
                .locations("classpath:db/calendly/" + vendor, "classpath:db/dashboard/" + vendor).target("1")
                .load().migrate();
        Flyway.configure().dataSource(database).locations("classpath:db/dashboard/" + vendor)
                .ignoreMigrationPatterns("*:missing").load().migrate();
        Flyway.configure().dataSource(database).locations("classpath:db/calendly/" + vendor)
                .table("calendly_schema_history").baselineOnMigrate(true).baselineVersion("1").target("1")
                .load().migrate();
        assertThat(versions(new JdbcTemplate(database), "flyway_schema_history")).containsExactly("1", "1000", "1100");
    }

    private static void assertUpgraded(JdbcTemplate jdbc, String... calendlyVersions) {
        assertThat(versions(jdbc, "calendly_schema_history")).containsExactly(calendlyVersions);
        assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1", "1000", "1100");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendly_publication", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendly_signing_key", Integer.class)).isZero();
    }

    private static Long identityCache(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ?"
                + " AND COLUMN_NAME = 'ID'", Long.class, table);
    }

    private static List<String> versions(JdbcTemplate jdbc, String history) {
        return jdbc.queryForList("SELECT \"version\" FROM \"" + history + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                String.class);
    }

    private static ConfigurableApplicationContext start(String url, String user) {
        return new SpringApplicationBuilder(DashboardApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--calendly.webhook.secret=upgrade-secret-0123456789",
                "--dashboard.admin-password=upgrade-password");
    }

    private static String h2Url() {
        return "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static DataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }
}
