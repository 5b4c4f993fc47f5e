package io.github.calendlywebhook.dashboard.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An embedded PostgreSQL that can be stopped and started again on the same data directory and port,
 * as a database outage and its recovery look to the application. Commits are synchronous, as in
 * production.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private @Nullable EmbeddedPostgres postgres;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Creates a data directory under {@code workDir} and starts the server on a free port. */
    static RestartablePostgres start(Path workDir) throws IOException {
        RestartablePostgres server = notStarted(workDir);
        server.startAgain();
        return server;
    }

    /** Chooses a free port and a data directory under {@code workDir} for a server started later. */
    static RestartablePostgres notStarted(Path workDir) throws IOException {
        return new RestartablePostgres(workDir.resolve("pgdata"), DashboardProcess.freePort());
    }

    /** Starts the server on the existing data directory and port. */
    void startAgain() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
    }

    /** Stops the server (a fast shutdown), keeping its data. */
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Returns the environment that points the dashboard at the {@code postgres} database. */
    Map<String, String> dashboardEnvironment() {
        return Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + port + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "");
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
