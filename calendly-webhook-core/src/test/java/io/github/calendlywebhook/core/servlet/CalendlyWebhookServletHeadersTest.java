package io.github.calendlywebhook.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A header sent more than once reaches the processor with every value, in order. */
class CalendlyWebhookServletHeadersTest {

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
        // loopback is a trusted proxy in these settings, so each test names its client in X-Forwarded-For
        context.addServlet(new ServletHolder(new CalendlyWebhookServlet(processor)), "/hook");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        server.stop();
    }

    @Test
    void signatureHeaderRepeatedWithDifferentValuesIsRefusedAsConflicting() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();
        String valid = SignedPayloads.sign(body, Instant.now());
        String other = SignedPayloads.sign("another-secret", body, Instant.now());

        String response = post(body, "X-Forwarded-For: 203.0.113.61\r\nCalendly-Webhook-Signature: " + valid
                + "\r\nCalendly-Webhook-Signature: " + other);

        assertThat(response).startsWith("HTTP/1.1 401").contains("conflicting signature headers");
    }

    @Test
    void signatureHeaderRepeatedWithTheSameValueIsAccepted() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();
        String valid = SignedPayloads.sign(body, Instant.now());

        String response = post(body, "X-Forwarded-For: 203.0.113.62\r\nCalendly-Webhook-Signature: " + valid
                + "\r\ncalendly-webhook-signature: " + valid);

        assertThat(response).startsWith("HTTP/1.1 200");
    }

    private static String post(byte[] body, String extraHeaders) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String head = "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + extraHeaders + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
