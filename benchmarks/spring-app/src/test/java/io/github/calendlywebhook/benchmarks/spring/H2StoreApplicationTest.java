package io.github.calendlywebhook.benchmarks.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.test.ConformanceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "calendly.webhook.secret=" + ConformanceSettings.SECRET)
@ActiveProfiles("h2")
class H2StoreApplicationTest extends SpringDatabaseApplicationContract {

    @Autowired
    EventStore store;

    /** Points {@code H2_DIR} at a fresh directory under {@code target}. */
    @DynamicPropertySource
    static void databaseDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "h2-");
        registry.add("H2_DIR", () -> directory.toAbsolutePath().toString());
    }

    @Test
    void h2ProfileShouldStoreEventsInTheDatabase() {
        assertThat(store).extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
    }
}
