package io.github.calendlywebhook.apps.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.ApplicationProcess;
import io.github.calendlywebhook.test.PackagedApplicationConformanceTest;
import io.github.calendlywebhook.test.SignedPayloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Micronaut application started with {@code java -jar}, configured only by environment variables, storing in
 * an H2 file database, with listener retries a second apart ({@code CALENDLY_WEBHOOK_LISTENERS_*}).
 */
class MicronautApplicationIT extends PackagedApplicationConformanceTest {

    @Override
    protected ApplicationProcess start(Map<String, String> variables) throws Exception {
        return BookingsJar.start(variables);
    }

    @Override
    protected Map<String, String> database(Path directory) {
        return Map.of("DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + directory.resolve("bookings").toAbsolutePath());
    }

    @Override
    protected Map<String, String> variables() {
        Map<String, String> variables = super.variables();
        variables.put("CALENDLY_WEBHOOK_LISTENERS_FIRST_RETRY", "1s");
        variables.put("CALENDLY_WEBHOOK_LISTENERS_POLL_INTERVAL", "200ms");
        return variables;
    }

    @Test
    void listenerFailingTheFirstTimeShouldHandleEveryInviteeWithoutRedelivery() throws Exception {
        List<String> invitees = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String invitee = SignedPayloads.newInviteeUri();
            invitees.add(invitee);
            statuses.add(deliver(SECRET, SignedPayloads.inviteeCreated(invitee)).statusCode());
        }

        for (String invitee : invitees) {
            application().outputOnceItContains("CRM synced " + invitee);
        }
        String output = application().output();
        assertThat(statuses).containsOnly(200);
        assertThat(invitees).as("the application's listener lines, warnings and errors:%n%s", notable(output))
                .allSatisfy(invitee -> {
                    assertThat(occurrences(output, "CRM down for " + invitee)).isEqualTo(1);
                    assertThat(occurrences(output, "CRM synced " + invitee)).isEqualTo(1);
                });
    }

    /** The lines of the output that say what the listeners and the publications did, for a failure's message. */
    private static String notable(String output) {
        return output.lines().filter(line -> line.contains("CRM ") || line.contains("Listener")
                || line.contains("ublication") || line.contains("WARN") || line.contains("ERROR"))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static int occurrences(String text, String part) {
        return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
