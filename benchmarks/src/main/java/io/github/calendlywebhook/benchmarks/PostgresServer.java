package io.github.calendlywebhook.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL server for the load test's {@code -pg} targets: the embedded server of {@link Database}, with
 * durable commits ({@code synchronous_commit=on}, {@code fsync=on}), on 127.0.0.1 at a given port with a
 * fresh data directory, until the process is stopped.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.calendlywebhook.benchmarks.PostgresServer <port>
 * <data directory> [name=value ...]}, the optional arguments setting more of the server's configuration (for
 * example {@code synchronous_commit=off}, to see what waiting for the WAL flush costs). The database is
 * {@code postgres}, its user {@code postgres} without a password.
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    /**
     * Returns the embedded server the benchmarks measure: every commit waits for its WAL to reach the disk
     * ({@code synchronous_commit=on}, which the embedded server turns off by default, and {@code fsync=on}).
     *
     * @param dataDirectory where the server keeps its files
     * @return the builder, to start or to configure further
     */
    static EmbeddedPostgres.Builder durable(Path dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on");
    }

    /**
     * Starts the server and keeps it running until the JVM is told to stop.
     *
     * @param args the port, the data directory (emptied first) and optional {@code name=value} settings
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: PostgresServer <port> <data directory> [name=value ...]");
            System.exit(2);
        }
        EmbeddedPostgres.Builder builder = durable(Path.of(args[1]))
                .setPort(Integer.parseInt(args[0]))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1");
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                System.err.println("not a name=value setting: " + args[i]);
                System.exit(2);
            }
            builder.setServerConfig(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        EmbeddedPostgres postgres = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
            stopped.countDown();
        }, "postgres-stop"));
        System.out.println("PostgreSQL ready: " + postgres.getJdbcUrl("postgres", "postgres"));
        stopped.await();
    }
}
