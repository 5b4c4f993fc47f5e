package io.github.calendlywebhook.dashboard.config;

import io.github.calendlywebhook.core.config.WebhookSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The training run of the image's class archive ({@code -XX:ArchiveClassesAtExit}, or JDK 25's
 * {@code -XX:AOTCacheOutput}), with {@code dashboard.training-run=true}: once started, the dashboard sends
 * itself the requests a start meets first (the login page its health check reads, the dashboard page, the
 * health endpoint, and an unsigned delivery, which is refused and audited), then exits, so the archive also
 * holds the classes that serving them loads (the template engine, the security filters, the webhook path).
 * Spring Boot's own training run ({@code -Dspring.context.exit=onRefresh}) exits before the server takes a
 * request. The run exits with 1, and the image build fails, unless the login page answers 200.
 */
@Component
@ConditionalOnBooleanProperty("dashboard.training-run")
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private final IntConsumer exit;

    TrainingRun() {
        this(System::exit);
    }

    TrainingRun(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        boolean served = false;
        try {
            served = serveFirstRequests(context);
        } catch (IOException | URISyntaxException e) {
            LOG.error("Training run: a request failed ({})", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = served ? 0 : 1;
        exit.accept(SpringApplication.exit(context, () -> code));
    }

    private static boolean serveFirstRequests(ConfigurableApplicationContext context)
            throws IOException, InterruptedException, URISyntaxException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        InetAddress bound = InetAddress.getByName(context.getEnvironment().getProperty("server.address", "127.0.0.1"));
        String host = (bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound).getHostAddress();
        String webhookPath = context.getBean(WebhookSettings.class).path();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int login = send(client, host, port, "/admin/login", null);
        int dashboard = send(client, host, port, "/", null);
        int health = send(client, host, port, "/actuator/health", null);
        int delivery = send(client, host, port, webhookPath, "{}");
        LOG.info("Training run: GET /admin/login {}, GET / {}, GET /actuator/health {}, unsigned delivery {}; exiting",
                login, dashboard, health, delivery);
        return login == 200;
    }

    private static int send(HttpClient client, String host, int port, String path, @Nullable String jsonBody)
            throws IOException, InterruptedException, URISyntaxException {
        URI uri = new URI("http", null, host, port, path, null, null);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
