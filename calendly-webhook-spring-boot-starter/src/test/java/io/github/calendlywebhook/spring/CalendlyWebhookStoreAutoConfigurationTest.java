package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.SchemaGate;
import io.github.calendlywebhook.test.SignedPayloads;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class CalendlyWebhookStoreAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    private final ApplicationContextRunner withDatabase = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BootLine.DATA_SOURCE,
                    CalendlyWebhookAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET, "spring.flyway.enabled=false",
                    "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void storeWhenNoDataSourceShouldBeInMemoryWithDurabilityWarning(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).getBean(EventStore.class).isInstanceOf(InMemoryEventStore.class);
            assertThat(output).contains("WARN").contains("not durable");
        });
    }

    @Test
    void storeWhenDataSourcePresentShouldBeJdbcWithItsTablesCreated() {
        withDatabase.run(context -> {
            assertThat(context).getBean(EventStore.class)
                    .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
            assertThat(JdbcSchema.exists(context.getBean(DataSource.class))).isTrue();
        });
    }

    /** An application on an H2 file in the directory, with the compaction interval given. */
    private static ApplicationContextRunner onH2File(Path dir, String interval) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BootLine.DATA_SOURCE, CalendlyWebhookAutoConfiguration.class))
                .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET, "spring.flyway.enabled=false",
                        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0",
                        "calendly.webhook.store.h2-compaction-interval=" + interval);
    }

    @Test
    void storeOnAnH2FileShouldBeCompactedAtTheConfiguredInterval(CapturedOutput output, @TempDir Path dir) {
        onH2File(dir, "100ms").run(context -> {
            assertThat(context.getBean(SchemaGate.class).compacting()).isTrue();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!output.toString().contains("Compacting the H2 file every PT0.1S") && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(output).contains("Compacting the H2 file every PT0.1S");
        });
    }

    @Test
    void storeOnAnH2FileWithACompactionIntervalOfZeroSecondsShouldNotBeCompacted(@TempDir Path dir) {
        onH2File(dir, "0s").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EventStore.class);
            assertThat(context.getBean(SchemaGate.class).compacting()).isFalse();
        });
    }

    @Test
    void storeWithANegativeCompactionIntervalShouldFailTheStart() {
        withDatabase.withPropertyValues("calendly.webhook.store.h2-compaction-interval=-1s").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("calendly.webhook.store.h2-compaction-interval must be 0 (off) or positive"));
    }

    @Test
    void deliveryWhenDataSourcePresentShouldBeStoredInTheDatabase() {
        withDatabase.run(context -> {
            WebhookResponse response = context.getBean(WebhookProcessor.class)
                    .process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            assertThat(response.status()).isEqualTo(200);
            Integer rows = new JdbcTemplate(context.getBean(DataSource.class))
                    .queryForObject("select count(*) from calendly_event", Integer.class);
            assertThat(rows).isEqualTo(1);
        });
    }

    @Test
    void storeWhenApplicationUsesFlywayShouldMigrateItsTablesWithTheirOwnHistory() {
        withDatabase.withConfiguration(AutoConfigurations.of(BootLine.FLYWAY))
                .withPropertyValues("spring.flyway.enabled=true").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Flyway.class)
                            .getBean(SchemaInstaller.class).isInstanceOf(CalendlyFlywayMigration.class);
                    String script = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                            "select \"script\" from \"calendly_schema_history\" where \"version\" = '1'", String.class);
                    assertThat(script).isEqualTo("V1__calendly_webhook.sql");
                    assertThat(JdbcSchema.exists(context.getBean(DataSource.class))).isTrue();
                });
    }

    @Test
    void storeWhenApplicationHasItsOwnVersionOneMigrationShouldMigrateBoth() {
        withDatabase.withConfiguration(AutoConfigurations.of(BootLine.FLYWAY))
                .withPropertyValues("spring.flyway.enabled=true", "spring.flyway.locations=classpath:db/apptest")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("select count(*) from app_booking_note", Integer.class)).isZero();
                    assertThat(JdbcSchema.exists(context.getBean(DataSource.class))).isTrue();
                });
    }

    @Test
    void storeWhenFlywayAbsentFromClasspathShouldUseTheSchemaScript() {
        withDatabase.withClassLoader(new FilteredClassLoader(Flyway.class)).run(context -> {
            assertThat(context).getBean(SchemaInstaller.class)
                    .isInstanceOf(CalendlyWebhookStoreConfigurations.SchemaScript.class);
            assertThat(JdbcSchema.exists(context.getBean(DataSource.class))).isTrue();
        });
    }

    @Test
    void storeWhenApplicationDefinesOneShouldBackOffEvenWithDataSource() {
        InMemoryEventStore own = new InMemoryEventStore();
        withDatabase.withBean(EventStore.class, () -> own).run(context -> {
            assertThat(context).getBean(EventStore.class).isSameAs(own);
            assertThat(context).getBean(AuditLog.class)
                    .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcAuditLog");
        });
    }

    @Test
    void auditLogWhenDataSourcePresentShouldRecordDeliveriesInTheDatabase() {
        withDatabase.run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            assertThat(context.getBean(AuditRepository.class).countByOutcome(Instant.EPOCH))
                    .containsEntry(Outcome.ACCEPTED, 1L);
        });
    }

    @Test
    void auditLogWhenNoDataSourceShouldBeKeptInMemory() {
        runner.run(context -> assertThat(context).getBean(AuditLog.class)
                .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("InMemoryAuditLog"));
    }
}
