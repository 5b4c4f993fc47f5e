package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.SchemaGate;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calendly.webhook.store.h2-compaction-interval} on an embedded H2 file, as Micronaut binds it. */
class H2CompactionSettingTest {

    private static final String SPEC = "h2-compaction-setting";
    private static final String KEY = "calendly.webhook.store.h2-compaction-interval";

    @TempDir
    Path dir;

    private ApplicationContext run(String interval) {
        return ApplicationContext.builder(Map.of("calendly.webhook.secret", CalendlyWebhookFactoryTest.SECRET,
                "spec.name", SPEC, "h2-compaction-setting.url", "jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0",
                KEY, interval)).environmentPropertySource(false).start();
    }

    @Test
    void anIntervalShouldCompactTheFileUntilTheApplicationCloses() {
        SchemaGate gate;
        try (ApplicationContext context = run("100ms")) {
            context.getBean(EventStore.class);
            gate = context.getBean(SchemaGate.class);

            assertThat(context.getBean(CalendlyWebhookProperties.class).getStore().getH2CompactionInterval())
                    .isEqualTo(Duration.ofMillis(100));
            assertThat(gate.compacting()).isTrue();
        }
        assertThat(gate.compacting()).isFalse();
    }

    @Test
    void zeroSecondsShouldSwitchTheCompactionOff() {
        try (ApplicationContext context = run("0s")) {
            context.getBean(EventStore.class);

            assertThat(context.getBean(CalendlyWebhookProperties.class).getStore().getH2CompactionInterval()).isZero();
            assertThat(context.getBean(SchemaGate.class).compacting()).isFalse();
        }
    }

    @Test
    void aNegativeIntervalShouldFailNamingTheKey() {
        assertThatThrownBy(() -> {
            try (ApplicationContext context = run("-1s")) {
                context.getBean(EventStore.class);
            }
        }).hasStackTraceContaining(KEY + " must be 0 (off) or positive");
    }

    @Test
    void aNumberWithoutAUnitShouldFailNamingTheKey() {
        // Micronaut reads a duration only with its unit (0s, 30s, 5m) or in ISO-8601, as the docs say.
        assertThatThrownBy(() -> {
            try (ApplicationContext context = run("0")) {
                context.getBean(EventStore.class);
            }
        }).hasStackTraceContaining(KEY);
    }

    /** The application's data source: the H2 file of the test. */
    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class FileDatabase {

        @Singleton
        DataSource dataSource(@Value("${h2-compaction-setting.url}") String url) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(url);
            return dataSource;
        }
    }
}
