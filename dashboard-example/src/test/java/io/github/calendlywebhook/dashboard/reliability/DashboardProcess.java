package io.github.calendlywebhook.dashboard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * The packaged dashboard jar running as a separate JVM on 127.0.0.1, configured only through its
 * environment, with standard output and error written to a file that the tests read afterwards.
 */
final class DashboardProcess implements AutoCloseable {

    static final String SECRET = "reliability-webhook-secret-5d1e8a";
    static final String ADMIN_PASSWORD = "reliability-admin-password-93c0";
    static final String LEADS_TOKEN = "reliability-leads-token-27fb41";
    static final String API_TOKEN = "reliability-calendly-api-token-c4e2";
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final IntPredicate ready;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    private DashboardProcess(Map<String, String> environment, Path log, int port, IntPredicate ready) {
        this.environment = environment;
        this.log = log;
        this.port = port;
        this.ready = ready;
    }

    /**
     * Starts the dashboard on a free port with the test secrets, the public page on and the rate limit
     * off (the load comes from one address), plus {@code extra} variables, and waits until it answers.
     */
    static DashboardProcess start(Path workDir, String name, Map<String, String> extra) throws Exception {
        return start(workDir, name, extra, status -> status == 200);
    }

    /**
     * Starts the dashboard as {@link #start(Path, String, Map)} does, but with its database down: it is ready
     * once its read API answers at all, 503 included.
     */
    static DashboardProcess startWithoutDatabase(Path workDir, String name, Map<String, String> extra)
            throws Exception {
        return start(workDir, name, extra, status -> status == 200 || status == 503);
    }

    private static DashboardProcess start(Path workDir, String name, Map<String, String> extra, IntPredicate ready)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        int port = freePort();
        env.put("PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("CALENDLY_WEBHOOK_SECRET", SECRET);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("DASHBOARD_LEADS_TOKEN", LEADS_TOKEN);
        env.put("CALENDLY_API_TOKEN", API_TOKEN);
        // The Calendly API client talks to a closed local port: no test reaches outside this machine.
        env.put("DASHBOARD_CALENDLY_API_BASE_URL", "http://127.0.0.1:" + freePort());
        env.put("DASHBOARD_PUBLIC", "true");
        env.put("CALENDLY_WEBHOOK_RATE_LIMIT_ENABLED", "false");
        env.putAll(extra);
        DashboardProcess dashboard = new DashboardProcess(env, workDir.resolve(name + ".log"), port, ready);
        dashboard.restart();
        return dashboard;
    }

    /** Starts (again) the same jar with the same environment, port and database, and waits until it answers. */
    void restart() throws Exception {
        String jar = System.getProperty("dashboard.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the packaged dashboard jar is missing: " + jar);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CALENDLY_")
                || key.startsWith("DASHBOARD_"));
        builder.environment().putAll(environment);
        process = builder.start();
        starts++;
        awaitReady();
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the dashboard exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (ready.test(get("/api/metrics?period=all").statusCode())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the dashboard did not answer within " + STARTUP + ":\n" + logTail());
    }

    /** Sets an environment variable for the next {@link #restart()}. */
    void environment(String name, String value) {
        environment.put(name, value);
    }

    /** Kills the process with SIGKILL, as {@code kill -9} would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Stops the process with SIGTERM, as a container runtime or a service manager does, and waits until it
     * has exited.
     */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the dashboard did not stop within 2 minutes:\n" + logTail());
        }
    }

    /** Returns the base URI, {@code http://127.0.0.1:<port>}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Returns the webhook endpoint. */
    URI webhook() {
        return base().resolve("/api/webhooks/calendly");
    }

    /** Sends a GET and returns the response. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a GET with the admin password (HTTP Basic, as a Prometheus scrape does) and returns the response. */
    HttpResponse<String> getAsAdmin(String pathAndQuery) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(base().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Returns everything the process (every start of it) wrote to standard output and error. */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the working directory, where the default H2 file lies under {@code data}. */
    Path directory() {
        return log.getParent();
    }

    /** Returns the name the process was started under. */
    String name() {
        return log.getFileName().toString().replace(".log", "");
    }

    /** Returns how many times the process was started. */
    int starts() {
        return starts;
    }

    private String logTail() {
        String text = logText();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
