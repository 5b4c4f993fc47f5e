package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.store.EventStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calendly.webhook.store.h2-compaction-interval} on an embedded H2 file, as Micronaut binds it. */
class H2CompactionSettingTest {

    private static final String SPEC = "h2-compaction-setting";
    private static final String KEY = "calendly.webhook.store.h2-compaction-interval";
    /** The name of the thread that runs the compaction. */
    private static final String THREAD = "calendly-h2-compaction";

    @TempDir
    Path dir;

    private ApplicationContext run(String interval) {
        return ApplicationContext.builder(Map.of("calendly.webhook.secret", CalendlyWebhookFactoryTest.SECRET,
                "spec.name", SPEC, "h2-compaction-setting.url", "jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0",
                KEY, interval)).environmentPropertySource(false).start();
    }

    /** Returns the compaction threads alive now. */
    private static Set<Thread> compactionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(THREAD) && thread.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void anIntervalShouldCompactTheFileUntilTheApplicationCloses() throws InterruptedException {
        Set<Thread> before = compactionThreads();
        Set<Thread> started;
        try (ApplicationContext context = run("100ms")) {
            context.getBean(EventStore.class);

            assertThat(context.getBean(CalendlyWebhookProperties.class).getStore().getH2CompactionInterval())
                    .isEqualTo(Duration.ofMillis(100));
            started = compactionThreads();
            started.removeAll(before);
            assertThat(started).hasSize(1);
        }
        Thread thread = started.iterator().next();
        thread.join(Duration.ofSeconds(15).toMillis());
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void zeroSecondsShouldSwitchTheCompactionOff() {
        Set<Thread> before = compactionThreads();
        try (ApplicationContext context = run("0s")) {
            context.getBean(EventStore.class);

            assertThat(context.getBean(CalendlyWebhookProperties.class).getStore().getH2CompactionInterval()).isZero();
            Set<Thread> started = compactionThreads();
            started.removeAll(before);
            assertThat(started).isEmpty();
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
