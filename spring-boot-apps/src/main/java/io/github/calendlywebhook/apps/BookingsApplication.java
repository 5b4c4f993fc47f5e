package io.github.calendlywebhook.apps;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;

/**
 * An application as a user writes it: the starter, spring-boot-starter-jdbc and H2, configured only by
 * environment variables, with one typed event listener. Built once per supported Spring Boot line.
 */
@SpringBootApplication
public class BookingsApplication {

    private static final Log LOG = LogFactory.getLog(BookingsApplication.class);

    /**
     * Starts the application.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(BookingsApplication.class, args);
    }

    /**
     * Logs each new booking.
     *
     * @param event the booking
     */
    @EventListener
    public void on(InviteeCreatedEvent event) {
        LOG.info("Booked: " + event.invitee().uri());
    }
}
