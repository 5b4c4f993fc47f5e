package io.github.calendlywebhook.apps.micronaut;

import io.github.calendlywebhook.test.ApplicationProcess;
import java.nio.file.Path;
import java.util.Map;

/** The Micronaut application's packaged jar ({@code app.jar}). */
final class BookingsJar {

    private BookingsJar() {
    }

    /** Starts the jar with {@code java -jar} and the variables, and waits until it has started. */
    static ApplicationProcess start(Map<String, String> variables) throws Exception {
        return ApplicationProcess.start(Path.of(System.getProperty("app.jar")), "Startup completed",
                ApplicationProcess.AddressVariables.MICRONAUT, variables);
    }
}
