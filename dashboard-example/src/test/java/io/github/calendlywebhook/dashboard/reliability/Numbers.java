package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Reads the all-time numbers of a running dashboard through its public read API. */
final class Numbers {

    private Numbers() {
    }

    /** Returns the JSON of {@code GET /api/metrics?period=all}. */
    static JsonNode allTime(DashboardProcess dashboard) throws Exception {
        HttpResponse<String> response = dashboard.get("/api/metrics?period=all");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Deliveries.JSON.readTree(response.body());
    }

    /** Asserts the dashboard counts exactly {@code bookings} active new bookings and nothing else. */
    static void assertExactly(DashboardProcess dashboard, int bookings) throws Exception {
        JsonNode numbers = allTime(dashboard);
        assertThat(numbers.path("newBookings").asLong()).as(numbers.toString()).isEqualTo(bookings);
        assertThat(numbers.path("bookedAppointments").asLong()).as(numbers.toString()).isEqualTo(bookings);
        assertThat(numbers.path("cancellations").asLong()).isZero();
        assertThat(numbers.path("reschedules").asLong()).isZero();
    }

    /** Asserts no secret of the suite appears in anything the process wrote. */
    static void assertNoSecretLogged(DashboardProcess dashboard) {
        assertThat(dashboard.logText()).isNotEmpty()
                .doesNotContain(DashboardProcess.SECRET)
                .doesNotContain(DashboardProcess.ADMIN_PASSWORD)
                .doesNotContain(DashboardProcess.LEADS_TOKEN)
                .doesNotContain(DashboardProcess.API_TOKEN);
    }
}
