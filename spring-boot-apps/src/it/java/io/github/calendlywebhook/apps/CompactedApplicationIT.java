package io.github.calendlywebhook.apps;

import io.github.calendlywebhook.test.ApplicationProcess;
import io.github.calendlywebhook.test.PackagedApplicationCompactionTest;
import java.util.Map;

/** The application of one Spring Boot line on an H2 file that a graceful stop compacts. */
class CompactedApplicationIT extends PackagedApplicationCompactionTest {

    @Override
    protected ApplicationProcess start(Map<String, String> variables) throws Exception {
        return BookingsJar.start(variables);
    }

    @Override
    protected String urlVariable() {
        return "SPRING_DATASOURCE_URL";
    }
}
