package io.github.calendlywebhook.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A packaged application jar running as a process of its own ({@code java -jar}) on 127.0.0.1 and a free port,
 * configured only by environment variables, so that a restart is a real one: what an application's integration
 * test starts to send it signed deliveries. Inherited variables of the framework and of this library are
 * removed first, so only the given ones configure it. Its output is kept for assertions.
 */
public final class ApplicationProcess {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final List<String> CLEARED_PREFIXES = List.of("CALENDLY_", "SPRING_", "SERVER_", "MICRONAUT_",
            "DATASOURCES_");
    private static final List<String> CLEARED_NAMES = List.of("ALLOWED_IPS", "NODE_ENV", "PORT");

    private final Path jar;
    private final Map<String, String> variables;
    private final String startedLine;
    private final int port;
    private final StringBuffer output = new StringBuffer();
    private Process process;

    private ApplicationProcess(Path jar, Map<String, String> variables, String startedLine, int port)
            throws IOException {
        this.jar = jar;
        this.variables = variables;
        this.startedLine = startedLine;
        this.port = port;
        this.process = launch();
    }

    /**
     * Starts the jar and waits until its output contains the line that says it started.
     *
     * @param jar the runnable jar
     * @param startedLine text the application prints once it accepts requests
     * @param portVariables the names of the variables that set its address and port, e.g. {@code SERVER_ADDRESS}
     *     and {@code SERVER_PORT} for Spring Boot; given {@code 127.0.0.1} and the free port
     * @param variables its other environment variables
     * @return the running application
     * @throws IllegalStateException when it exits or does not start within three minutes
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public static ApplicationProcess start(Path jar, String startedLine, AddressVariables portVariables,
            Map<String, String> variables) throws IOException, InterruptedException {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put(portVariables.host(), "127.0.0.1");
        all.put(portVariables.port(), Integer.toString(port));
        ApplicationProcess application = new ApplicationProcess(Objects.requireNonNull(jar, "jar"), all,
                Objects.requireNonNull(startedLine, "startedLine"), port);
        application.awaitStarted();
        return application;
    }

    /**
     * The names of the environment variables that set an application's listening address and port.
     *
     * @param host the variable of the address
     * @param port the variable of the port
     */
    public record AddressVariables(String host, String port) {

        /** Spring Boot's: {@code SERVER_ADDRESS} and {@code SERVER_PORT}. */
        public static final AddressVariables SPRING_BOOT = new AddressVariables("SERVER_ADDRESS", "SERVER_PORT");
        /** Micronaut's: {@code MICRONAUT_SERVER_HOST} and {@code MICRONAUT_SERVER_PORT}. */
        public static final AddressVariables MICRONAUT = new AddressVariables("MICRONAUT_SERVER_HOST",
                "MICRONAUT_SERVER_PORT");

        /**
         * Checks both names are given.
         *
         * @param host the variable of the address
         * @param port the variable of the port
         */
        public AddressVariables {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
        }
    }

    /**
     * Stops the application (SIGTERM) and starts the same jar again with the same variables and port.
     *
     * @throws IllegalStateException when it does not start again
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public void restart() throws IOException, InterruptedException {
        stop();
        startAgain();
    }

    /**
     * Ends the application at once (SIGKILL), as a crash, an out-of-memory kill or a lost machine would: no
     * shutdown hook runs and nothing is flushed.
     *
     * @throws InterruptedException when interrupted while waiting for it to exit
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * Starts the same jar again with the same variables and port, after {@link #kill()} or {@link #stop()}.
     *
     * @throws IllegalStateException when it does not start again
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public void startAgain() throws IOException, InterruptedException {
        output.setLength(0);
        process = launch();
        awaitStarted();
    }

    /**
     * Returns an address of the application.
     *
     * @param path the absolute path, e.g. {@code /api/webhooks/calendly}
     * @return {@code http://127.0.0.1:<port><path>}
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Posts a delivery to the application's webhook endpoint at the default path, {@code /api/webhooks/calendly}.
     *
     * @param delivery the signed delivery
     * @return the response
     * @throws IOException when the request cannot be sent
     * @throws InterruptedException when interrupted while waiting
     */
    public HttpResponse<String> deliver(SignedDelivery delivery) throws IOException, InterruptedException {
        return delivery.postTo(uri("/api/webhooks/calendly"));
    }

    /**
     * Returns what the application printed since it was last started.
     *
     * @return its standard output and error
     */
    public String output() {
        return output.toString();
    }

    /**
     * Returns the output once it contains the text, or after ten seconds without it, since the application
     * prints from its own threads.
     *
     * @param text the text awaited
     * @return the output
     * @throws InterruptedException when interrupted while waiting
     */
    public String outputOnceItContains(String text) throws InterruptedException {
        for (int i = 0; i < 100 && !output.toString().contains(text); i++) {
            Thread.sleep(100);
        }
        return output.toString();
    }

    /**
     * Stops the application as a platform would (SIGTERM), waiting for it to exit.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    private Process launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> CLEARED_NAMES.contains(name)
                || CLEARED_PREFIXES.stream().anyMatch(name::startsWith));
        environment.putAll(variables);
        Process started = builder.start();
        Thread reader = new Thread(() -> read(started), "application-output");
        reader.setDaemon(true);
        reader.start();
        return started;
    }

    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!output.toString().contains(startedLine)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("the application did not start:\n" + output);
            }
            Thread.sleep(100);
        }
    }

    private void read(Process source) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
            }
        } catch (IOException ex) {
            output.append("(output unreadable: ").append(ex).append(")\n");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
