package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard started with a database nobody listens on: it starts, and what needs the database answers 503
 * with {@code Retry-After}, a short page in the admin panel and the JSON error for the APIs, never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000",
        "dashboard.admin-password=down-password",
        "dashboard.public-page=true",
        "calendly.webhook.secret=down-secret-0123456789" })
class DatabaseDownPagesTest {

    @LocalServerPort
    int port;

    private Browserless admin;

    @DynamicPropertySource
    static void unreachableDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://127.0.0.1:" + closedPort() + "/down");
    }

    @BeforeEach
    void logIn() {
        admin = new Browserless(port, "198.51.100.91");
        admin.login("down-password");
    }

    @Test
    void anAdminPageNeedingTheDatabaseAnswers503WithAShortPage() {
        HttpResponse<String> page = admin.send(admin.request("/admin/settings").header("Accept", "text/html").build());

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(page.body()).contains("Database unavailable").doesNotContain("Exception");
    }

    @Test
    void theReadApiAnswers503WithTheJsonError() {
        HttpResponse<String> numbers = admin.get("/api/metrics?period=all");

        assertThat(numbers.statusCode()).isEqualTo(503);
        assertThat(numbers.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(numbers.body()).contains("\"error\":\"store_unavailable\"");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
