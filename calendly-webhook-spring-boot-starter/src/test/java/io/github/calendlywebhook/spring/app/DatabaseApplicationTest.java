package io.github.calendlywebhook.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.EventStore;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * An application with every auto-configuration of its Spring Boot line and a data source URL stores events in
 * that database: the starter is ordered after the line's own data source auto-configuration. Flyway is hidden,
 * as in an application with only spring-boot-starter-jdbc and a driver, so that no ordering comes through it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseApplicationTest {

    @Test
    void applicationWithDatasourceUrlShouldStoreEventsInItsDatabase(CapturedOutput output) {
        SpringApplication application = new SpringApplication(
                new DefaultResourceLoader(new FilteredClassLoader(Flyway.class)), WebhookTestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        try (ConfigurableApplicationContext context = application.run(
                "--calendly.webhook.secret=database-test-secret-0123456789",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
            assertThat(context.getBean(EventStore.class))
                    .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
            assertThat(output).doesNotContain("kept in memory");
        }
    }
}
