package io.github.calendlywebhook.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.ApplicationProcess;
import io.github.calendlywebhook.test.PackagedApplicationConformanceTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application built against one Spring Boot line ({@code boot.version}), started with {@code java -jar},
 * configured only by environment variables, storing in an H2 file database.
 */
class RestartedApplicationIT extends PackagedApplicationConformanceTest {

    @Override
    protected ApplicationProcess start(Map<String, String> variables) throws Exception {
        return BookingsJar.start(variables);
    }

    @Override
    protected Map<String, String> database(Path directory) {
        return Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + directory.resolve("bookings").toAbsolutePath());
    }

    @Test
    void h2FileUrlWithoutWriteDelayShouldBeMadeToWriteEachCommitWithAWarningThatSaysWhatToAdd() {
        assertThat(application().output()).contains("WARN")
                .contains("it now writes each commit before the delivery is answered")
                .contains("Add ;WRITE_DELAY=0 to the JDBC URL");
    }

    @Test
    void applicationShouldRunOnItsSpringBootLineWithoutErrors() {
        assertThat(application().output()).contains("(v" + System.getProperty("boot.version") + ")")
                .doesNotContain("ERROR");
    }
}
