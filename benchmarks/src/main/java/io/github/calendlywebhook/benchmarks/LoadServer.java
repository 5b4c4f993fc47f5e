package io.github.calendlywebhook.benchmarks;

import io.github.calendlywebhook.core.config.RateLimitPolicy;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.servlet.CalendlyWebhookServlet;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Java side of the load test: core's servlet in embedded Jetty on 127.0.0.1, next to a baseline
 * endpoint in the same server that only reads the body and answers 200. The {@code h2} store is the
 * JDBC store on an H2 file database in a temporary directory, deleted on exit, writing each commit before
 * it returns.
 *
 * <p>Usage: {@code LoadServer <port> <memory|h2>}. The webhook endpoint is at
 * {@value WebhookSettings#DEFAULT_PATH}, the baseline at {@code /baseline}. Only 127.0.0.1 is allowed,
 * and the rate limit charges failed requests only, so signed deliveries are never throttled.
 */
public final class LoadServer {

    private LoadServer() {
    }

    /**
     * Starts the server and blocks until the process is stopped.
     *
     * @param args port and store kind
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LoadServer <port> <memory|h2>");
        }
        int port = Integer.parseInt(args[0]);
        Server server = start(port, args[1]);
        System.out.println("listening on 127.0.0.1:" + port);
        server.join();
    }

    static Server start(int port, String storeKind) throws Exception {
        WebhookSettings settings = WebhookSettings.builder()
                .secret(Payloads.SECRET)
                .allowedIps(List.of("127.0.0.1/32"))
                .rateLimitPolicy(RateLimitPolicy.FAILED_REQUESTS)
                .build();
        WebhookProcessor processor = WebhookProcessor.builder(settings).store(store(storeKind)).build();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new CalendlyWebhookServlet(processor)), settings.path());
        context.addServlet(new ServletHolder(new BaselineServlet()), "/baseline");
        server.setHandler(context);
        server.start();
        return server;
    }

    private static EventStore store(String kind) {
        if (kind.equals("memory")) {
            return new InMemoryEventStore();
        }
        if (kind.equals("h2")) {
            Database database = Database.start(Database.H2_SYNC);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
            return ProjectingEventStore.jdbc(database.dataSource());
        }
        throw new IllegalArgumentException("unknown store " + kind + "; expected memory or h2");
    }
}
