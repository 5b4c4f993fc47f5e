package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The read API's numbers after a scripted sequence of deliveries and a lead, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:read-api-numbers;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=numbers-password",
        "calendly.webhook.secret=numbers-secret",
        "dashboard.public-page=true",
        "dashboard.value-per-booking=150",
        "dashboard.currency=EUR",
        "dashboard.leads-token=numbers-leads-token" })
class ReadApiNumbersTest {

    private static final String SECRET = "numbers-secret";

    @LocalServerPort
    int port;

    @Test
    void metricsShouldCountAScriptedSequenceExactlyOnce() throws Exception {
        Browserless calendly = new Browserless(port, "203.0.113.50");
        Instant now = Instant.now();
        assertThat(calendly.postSigned(SECRET, Payloads.created("a", "Ada Lovelace", now)).body()).contains("accepted");
        assertThat(calendly.postSigned(SECRET, Payloads.created("a", "Ada Lovelace", now)).body()).contains("duplicate");
        calendly.postSigned(SECRET, Payloads.canceled("a", "Ada Lovelace", now, "b"));
        calendly.postSigned(SECRET, Payloads.created("b", "Ada Lovelace", now, "a"));
        calendly.postSigned(SECRET, Payloads.created("c", "Charles Babbage", now));
        calendly.postSigned(SECRET, Payloads.canceled("c", "Charles Babbage", now, null));
        assertThat(calendly.postSigned(SECRET, Payloads.noShow("b", now)).statusCode()).isEqualTo(200);
        HttpResponse<String> lead = calendly.send(calendly.request("/api/leads")
                .header("Authorization", "Bearer numbers-leads-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"lead-1\"}")).build());
        assertThat(lead.statusCode()).isEqualTo(201);

        JsonNode all = new ObjectMapper().readTree(calendly.get("/api/metrics?period=all").body());

        assertThat(all.get("bookedAppointments").asLong()).isEqualTo(1);
        assertThat(all.get("newBookings").asLong()).isEqualTo(2);
        assertThat(all.get("cancellations").asLong()).isEqualTo(1);
        assertThat(all.get("reschedules").asLong()).isEqualTo(1);
        assertThat(all.get("noShows").asLong()).isEqualTo(1);
        assertThat(all.get("leads").asLong()).isEqualTo(1);
        assertThat(all.get("bookingRate").decimalValue()).isEqualByComparingTo("2");
        assertThat(all.get("bookingRateUnavailableReason").isNull()).isTrue();
        assertThat(all.get("revenue").isTextual()).isTrue();
        assertThat(all.get("revenue").asText()).isEqualTo("150.00");
        assertThat(all.get("currency").asText()).isEqualTo("EUR");
        assertThat(all.get("daily").isArray()).isTrue();
        assertThat(all.get("byEventType").get(0).get("key").asText()).isEqualTo(Payloads.EVENT_TYPE);
    }

    @Test
    void metricsShouldRejectAnUnknownPeriod() {
        HttpResponse<String> response = new Browserless(port, "203.0.113.51").get("/api/metrics?period=forever");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_period\"");
    }

    @Test
    void leadsShouldNeedTheBearerToken() {
        Browserless client = new Browserless(port, "203.0.113.52");

        HttpResponse<String> response = client.send(client.request("/api/leads").header("Authorization", "Bearer wrong")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"unauthorized\"").doesNotContain("numbers-leads-token");
    }

    @Test
    void leadsShouldBeRateLimitedPerClientAddress() {
        Browserless client = new Browserless(port, "203.0.113.53");
        int status = 0;
        int answered = 0;
        // 30 a minute, refilled one every 2 s: a slow machine may need more than 31 requests to empty it.
        for (; answered < 300 && status != 429; answered++) {
            status = client.send(client.request("/api/leads").header("Authorization", "Bearer wrong")
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
        }

        assertThat(status).isEqualTo(429);
        assertThat(answered).as("the 30 of the first minute pass").isGreaterThan(30);
    }
}
