package io.github.calendlywebhook.core.servlet;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.test.AdapterConformanceTest;
import io.github.calendlywebhook.test.ConformanceSettings;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the adapter conformance suite against the servlet in an embedded Jetty over real HTTP. */
class CalendlyWebhookServletTest extends AdapterConformanceTest {

    private static Server server;
    private static int port;

    @BeforeAll
    static void startJetty() throws Exception {
        WebhookProcessor processor = WebhookProcessor.builder(ConformanceSettings.settings()).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new CalendlyWebhookServlet(processor)), "/api/webhooks/calendly");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        server.stop();
    }

    @Override
    protected String baseUrl() {
        return "http://127.0.0.1:" + port + "/api/webhooks/calendly";
    }
}
