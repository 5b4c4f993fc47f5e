package io.github.calendlywebhook.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.github.calendlywebhook.core.config.WebhookSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.ConfigurableWebServerApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * The training run against a stand-in server: the requests it sends, and the exit code that fails the image
 * build when the login page did not answer 200 or the server could not be reached.
 */
class TrainingRunTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> exitCodes = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheFirstRequestsOfAStartAndExitsWithZeroOnceTheLoginPageAnswered200() throws IOException {
        ConfigurableWebServerApplicationContext context = contextServedBy(200);

        new TrainingRun(exitCodes::add).onApplicationEvent(ready(context));

        assertThat(requests).containsExactly("GET /admin/login", "GET /", "GET /actuator/health",
                "POST /hooks/calendly application/json {}");
        assertThat(exitCodes).containsExactly(0);
        verify(context).close();
    }

    @Test
    void exitsWithOneWhenTheLoginPageDoesNotAnswer200() throws IOException {
        ConfigurableWebServerApplicationContext context = contextServedBy(500);

        new TrainingRun(exitCodes::add).onApplicationEvent(ready(context));

        assertThat(requests).hasSize(4);
        assertThat(exitCodes).containsExactly(1);
    }

    @Test
    void exitsWithOneWhenTheServerCannotBeReached() throws IOException {
        ConfigurableWebServerApplicationContext context = contextServedBy(200);
        server.stop(0);
        server = null;

        new TrainingRun(exitCodes::add).onApplicationEvent(ready(context));

        assertThat(requests).isEmpty();
        assertThat(exitCodes).containsExactly(1);
    }

    /** A context whose web server is a stand-in answering the login page with the given status. */
    private ConfigurableWebServerApplicationContext contextServedBy(int loginStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            requests.add((exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + (type == null ? "" : " " + type) + (body.isEmpty() ? "" : " " + body)));
            int status = exchange.getRequestURI().getPath().equals("/admin/login") ? loginStatus : 401;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        WebServer webServer = mock(WebServer.class);
        when(webServer.getPort()).thenReturn(server.getAddress().getPort());
        ConfigurableWebServerApplicationContext context = mock(ConfigurableWebServerApplicationContext.class);
        when(context.getWebServer()).thenReturn(webServer);
        StandardEnvironment environment = new StandardEnvironment();
        when(context.getEnvironment()).thenReturn(environment);
        when(context.getBean(WebhookSettings.class)).thenReturn(WebhookSettings.builder().path("/hooks/calendly")
                .build());
        return context;
    }

    private static ApplicationReadyEvent ready(ConfigurableWebServerApplicationContext context) {
        return new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO);
    }
}
