package io.github.calendlywebhook.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What the load test relies on, over HTTP, whichever framework and store the load-test application
 * runs with: its webhook endpoint at the default path, configured with {@link ConformanceSettings#SECRET},
 * a listener that counts bookings, and a {@code /baseline} endpoint that answers 200 without any check.
 */
public abstract class LoadApplicationContract {

    /** The webhook path of the load-test applications. */
    protected static final String PATH = "/api/webhooks/calendly";

    /** Returns the port the application listens on, on 127.0.0.1. */
    protected abstract int port();

    /** Returns how many bookings the application's listener has seen. */
    protected abstract long bookingsSeen();

    /** Returns the application's listener dispatcher. */
    protected abstract ListenerDispatcher dispatcher();

    @Test
    void signedDeliveryShouldBeAccepted() throws Exception {
        HttpResponse<String> response = SignedDelivery.of(SignedPayloads.inviteeCreated())
                .secret(ConformanceSettings.SECRET).postTo(url(PATH));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("accepted");
    }

    @Test
    void replayedDeliveryShouldBeAnsweredAsDuplicate() throws Exception {
        SignedDelivery delivery = SignedDelivery.of(SignedPayloads.inviteeCreated()).secret(ConformanceSettings.SECRET);
        delivery.postTo(url(PATH));

        HttpResponse<String> replay = delivery.postTo(url(PATH));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("duplicate");
    }

    @Test
    void listenerShouldSeeEachNewBookingOnceAndLeaveNoPublicationBehind() throws Exception {
        long before = bookingsSeen();
        SignedDelivery delivery = SignedDelivery.of(SignedPayloads.inviteeCreated()).secret(ConformanceSettings.SECRET);

        assertThat(delivery.postTo(url(PATH)).body()).contains("accepted");
        assertThat(delivery.postTo(url(PATH)).body()).contains("duplicate");

        assertThat(bookingsSeen()).isEqualTo(before + 1);
        assertThat(dispatcher().counts()).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void deliverySignedWithAnotherKeyShouldBeRejected() throws Exception {
        HttpResponse<String> response = SignedDelivery.of(SignedPayloads.inviteeCreated())
                .secret("another-signing-key-0123456789").postTo(url(PATH));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_signature");
    }

    @Test
    void baselineShouldAnswer200WithoutCheckingAnything() throws Exception {
        HttpResponse<String> response = SignedDelivery.of(SignedPayloads.inviteeCreated())
                .secret("any-key-at-all-0123456789").postTo(url("/baseline"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }
}
