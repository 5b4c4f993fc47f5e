package io.github.calendlywebhook.benchmarks.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(environments = "h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "calendly.webhook.secret", value = ConformanceSettings.SECRET)
class H2StoreApplicationTest extends MicronautDatabaseApplicationContract implements TestPropertyProvider {

    @Inject
    EventStore store;

    @Override
    public Map<String, String> getProperties() {
        return databaseDirectory();
    }

    /** Returns {@code H2_DIR} pointing at a fresh directory under {@code target}. */
    static Map<String, String> databaseDirectory() {
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "h2-");
            return Map.of("H2_DIR", directory.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void h2EnvironmentShouldStoreEventsInTheDatabase() {
        assertThat(store).extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
    }
}
