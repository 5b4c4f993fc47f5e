package io.github.calendlywebhook.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The deliveries every benchmark sends. */
class PayloadsTest {

    private static final Pattern INVITEE_URI = Pattern.compile(
            "\"uri\":\"https://api\\.calendly\\.com/scheduled_events/([0-9a-f-]{36})/invitees/([0-9a-f-]{36})\"");

    @Test
    void consecutiveDeliveriesNameUnrelatedEventsAndInviteesByUuid() {
        Set<String> uris = new HashSet<>();
        String previous = null;
        for (int index = 0; index < 10_000; index++) {
            String body = new String(Payloads.inviteeCreated(4096, index), StandardCharsets.UTF_8);
            assertThat(body).hasSize(4096);
            Matcher uri = INVITEE_URI.matcher(body);
            assertThat(uri.find()).isTrue();
            assertThat(uri.group(1)).isNotEqualTo(uri.group(2));
            assertThat(uris.add(uri.group(2))).isTrue();
            if (previous != null) {
                assertThat(uri.group(2).substring(0, 8)).isNotEqualTo(previous.substring(0, 8));
            }
            previous = uri.group(2);
        }
    }
}
