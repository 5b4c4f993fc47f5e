package io.github.calendlywebhook.apps;

import io.github.calendlywebhook.test.SignedPayloads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The repackaged application jar of this module running as a process of its own ({@code java -jar}), so a
 * restart is a real one. Configured only by environment variables; its output is kept for assertions.
 */
final class ApplicationProcess {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private ApplicationProcess(Map<String, String> variables) throws IOException {
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("app.jar")).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("CALENDLY_") || name.startsWith("SPRING_")
                || name.startsWith("SERVER_") || name.equals("ALLOWED_IPS") || name.equals("NODE_ENV"));
        environment.putAll(variables);
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        Thread reader = new Thread(this::readOutput, "application-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the application and waits until it has started.
     *
     * @param variables its environment variables
     * @return the running application
     */
    static ApplicationProcess start(Map<String, String> variables) throws IOException, InterruptedException {
        ApplicationProcess application = new ApplicationProcess(new HashMap<>(variables));
        application.awaitStarted();
        return application;
    }

    /** Returns what the application printed so far. */
    String output() {
        return output.toString();
    }

    /**
     * Returns the output once it contains the text, or after a while without it, since the application
     * prints from its own threads.
     *
     * @param text the text awaited
     * @return the output
     */
    String outputOnceItContains(String text) throws InterruptedException {
        for (int i = 0; i < 100 && !output.toString().contains(text); i++) {
            Thread.sleep(100);
        }
        return output.toString();
    }

    /**
     * Posts a delivery signed now with the secret, as if forwarded by the local proxy for the client.
     *
     * @param secret the signing key
     * @param body the delivery
     * @param client the client address the proxy reports in {@code X-Forwarded-For}
     * @return the response
     */
    HttpResponse<String> deliver(String secret, byte[] body, String client) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/calendly"))
                .header("Content-Type", "application/json")
                .header("Calendly-Webhook-Signature", SignedPayloads.sign(secret, body, Instant.now()))
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the application as a platform would (SIGTERM), waiting for it to exit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!output.toString().contains("Started BookingsApplication")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("the application did not start:\n" + output);
            }
            Thread.sleep(100);
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
            }
        } catch (IOException ex) {
            output.append("(output unreadable: ").append(ex).append(")\n");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
