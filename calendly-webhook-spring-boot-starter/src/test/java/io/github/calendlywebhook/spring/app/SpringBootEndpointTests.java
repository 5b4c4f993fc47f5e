package io.github.calendlywebhook.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.SignedPayloads;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "calendly.webhook.secret=" + SpringBootEndpointTests.SECRET,
                "calendly.webhook.trusted-proxies=127.0.0.1/32,::1/128",
                "calendly.webhook.rate-limit.enabled=false",
                "spring.mvc.hiddenmethod.filter.enabled=true" })
class SpringBootEndpointTests {

    static final String SECRET = "endpoint-test-secret-0123456789";
    private static final String PATH = "/api/webhooks/calendly";

    @LocalServerPort
    int port;

    @Autowired
    WebhookTestApplication.Bookings bookings;

    @Test
    void signedDeliveryShouldBeAcceptedThroughSpringSecurityWithoutLoginOrCsrfToken() throws Exception {
        HttpResponse<String> response = HttpDeliveries.postSigned(port, PATH, SECRET, SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptedDeliveryShouldReachTypedEventListener() throws Exception {
        String inviteeUri = SignedPayloads.newInviteeUri();

        HttpDeliveries.postSigned(port, PATH, SECRET, SignedPayloads.inviteeCreated(inviteeUri));

        assertThat(bookings.received()).anySatisfy(event -> assertThat(event.invitee().uri()).isEqualTo(inviteeUri));
    }

    @Test
    void unsignedDeliveryShouldBeRejectedByTheEndpointNotByTheLoginPage() throws Exception {
        HttpResponse<String> response = HttpDeliveries.postUnsigned(port, PATH, SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_signature\"");
    }

    @Test
    void otherPathsShouldStaySecured() throws Exception {
        HttpResponse<String> response = HttpDeliveries.get(port, "/private");

        assertThat(response.statusCode()).isIn(401, 302);
        assertThat(response.body()).doesNotContain("private page");
    }

    @Test
    void pathsBelowTheWebhookPathShouldStaySecured() throws Exception {
        HttpResponse<String> response = HttpDeliveries.get(port, PATH + "/private");

        assertThat(response.statusCode()).isIn(401, 302);
    }

    @Test
    void getOnWebhookPathShouldBeAnsweredByTheEndpoint() throws Exception {
        HttpResponse<String> response = HttpDeliveries.get(port, PATH);

        assertThat(response.statusCode()).isEqualTo(405);
    }
}
