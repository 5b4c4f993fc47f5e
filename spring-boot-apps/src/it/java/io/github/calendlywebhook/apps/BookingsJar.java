package io.github.calendlywebhook.apps;

import io.github.calendlywebhook.test.ApplicationProcess;
import java.nio.file.Path;
import java.util.Map;

/** The application's packaged jar of the Spring Boot line under test ({@code app.jar}). */
final class BookingsJar {

    private BookingsJar() {
    }

    /** Starts the jar with {@code java -jar} and the variables, and waits until it has started. */
    static ApplicationProcess start(Map<String, String> variables) throws Exception {
        return ApplicationProcess.start(Path.of(System.getProperty("app.jar")), "Started BookingsApplication",
                ApplicationProcess.AddressVariables.SPRING_BOOT, variables);
    }
}
