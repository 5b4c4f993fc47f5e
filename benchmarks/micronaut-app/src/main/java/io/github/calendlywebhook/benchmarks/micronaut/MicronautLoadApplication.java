package io.github.calendlywebhook.benchmarks.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * The smallest Micronaut application on the adapter, as the HTTP load test runs it: the adapter's
 * webhook endpoint, a listener ({@link Bookings}) and {@link BaselineController} on the Netty server,
 * nothing else. The in-memory store is the default; the {@code h2} environment configures a data source,
 * an H2 file database, which selects the JDBC store.
 *
 * <p>Usage: {@code java -jar micronaut-app.jar}, with the port in {@code PORT}, the signing key in
 * {@code CALENDLY_WEBHOOK_SECRET} and, for {@code MICRONAUT_ENVIRONMENTS=h2}, the database directory in
 * {@code H2_DIR}.
 */
public final class MicronautLoadApplication {

    private MicronautLoadApplication() {
    }

    /**
     * Starts the application.
     *
     * @param args Micronaut command-line arguments
     */
    public static void main(String[] args) {
        Micronaut.build(args).mainClass(MicronautLoadApplication.class).banner(false).start();
    }
}
