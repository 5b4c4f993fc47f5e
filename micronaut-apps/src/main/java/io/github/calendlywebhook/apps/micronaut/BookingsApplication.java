package io.github.calendlywebhook.apps.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * An application as a user writes it on Micronaut: the Micronaut platform BOM, the adapter,
 * micronaut-jdbc-hikari and H2, configured only by environment variables ({@code DATASOURCES_DEFAULT_URL} and
 * the {@code CALENDLY_WEBHOOK_*} variables), with one typed event listener ({@link CrmSync}).
 */
public final class BookingsApplication {

    private BookingsApplication() {
    }

    /**
     * Starts the application.
     *
     * @param args Micronaut command-line arguments
     */
    public static void main(String[] args) {
        Micronaut.build(args).mainClass(BookingsApplication.class).banner(false).start();
    }
}
