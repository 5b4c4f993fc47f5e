package io.github.calendlywebhook.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "calendly.webhook.secret=" + SpringBootEndpointTest.SECRET,
                "calendly.webhook.trusted-proxies=127.0.0.1/32,::1/128",
                "calendly.webhook.rate-limit.enabled=false",
                "spring.mvc.hiddenmethod.filter.enabled=true" })
class SpringBootEndpointTest {

    static final String SECRET = "endpoint-test-secret-0123456789";
    private static final String PATH = "/api/webhooks/calendly";

    @LocalServerPort
    int port;

    @Autowired
    WebhookTestApplication.Bookings bookings;

    @Test
    void signedDeliveryShouldBeAcceptedThroughSpringSecurityWithoutLoginOrCsrfToken() throws Exception {
        HttpResponse<String> response = post(SignedDelivery.of(SignedPayloads.inviteeCreated()).secret(SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptedDeliveryShouldReachTypedEventListener() throws Exception {
        String inviteeUri = SignedPayloads.newInviteeUri();

        post(SignedDelivery.of(SignedPayloads.inviteeCreated(inviteeUri)).secret(SECRET));

        assertThat(bookings.received()).anySatisfy(event -> assertThat(event.invitee().uri()).isEqualTo(inviteeUri));
    }

    @Test
    void unsignedDeliveryShouldBeRejectedByTheEndpointNotByTheLoginPage() throws Exception {
        HttpResponse<String> response = post(SignedDelivery.of(SignedPayloads.inviteeCreated()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_signature\"");
    }

    @Test
    void otherPathsShouldStaySecured() throws Exception {
        HttpResponse<String> response = get("/private");

        assertThat(response.statusCode()).isIn(401, 302);
        assertThat(response.body()).doesNotContain("private page");
    }

    @Test
    void pathsBelowTheWebhookPathShouldStaySecured() throws Exception {
        HttpResponse<String> response = get(PATH + "/private");

        assertThat(response.statusCode()).isIn(401, 302);
    }

    @Test
    void getOnWebhookPathShouldBeAnsweredByTheEndpoint() throws Exception {
        HttpResponse<String> response = get(PATH);

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(SignedDelivery delivery) throws IOException, InterruptedException {
        return delivery.forwardedFor("203.0.113.9").postTo(url(PATH));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
