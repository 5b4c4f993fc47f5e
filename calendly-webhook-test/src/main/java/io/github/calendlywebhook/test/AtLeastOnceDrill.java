package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sends signed {@code invitee.created} deliveries once each, as Calendly does when every one is
 * acknowledged, to an application whose listener body is a {@link FailsFirstTime}, and waits until the
 * listener has handled every invitee: once each after exactly one failure, with no redelivery.
 */
public final class AtLeastOnceDrill {

    private AtLeastOnceDrill() {
    }

    /**
     * Runs the drill.
     *
     * @param endpoint the webhook endpoint
     * @param secret the signing key
     * @param listener the listener body the application's listener calls
     * @param invitees how many invitees to book
     * @param bound the generous bound of the wait
     * @return the invitee URIs booked
     * @throws IOException when a delivery cannot be sent
     * @throws InterruptedException when interrupted while sending
     */
    public static List<String> run(URI endpoint, String secret, FailsFirstTime listener, int invitees, Duration bound)
            throws IOException, InterruptedException {
        List<String> uris = IntStream.range(0, invitees).mapToObj(i -> SignedPayloads.newInviteeUri()).toList();
        for (String uri : uris) {
            assertThat(SignedDelivery.of(SignedPayloads.inviteeCreated(uri)).secret(secret).postTo(endpoint).body())
                    .contains("accepted");
        }
        Eventually.until("every invitee handled", bound, () -> listener.handled().containsAll(uris));
        assertThat(listener.handled()).containsExactlyInAnyOrderElementsOf(uris);
        assertThat(uris).allSatisfy(uri -> assertThat(listener.calls(uri)).isEqualTo(2));
        return uris;
    }
}
