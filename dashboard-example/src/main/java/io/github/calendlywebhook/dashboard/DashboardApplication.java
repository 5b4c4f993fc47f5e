package io.github.calendlywebhook.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The real-time consultations dashboard: Calendly webhooks in, live business numbers out. */
@SpringBootApplication
@EnableScheduling
public class DashboardApplication {

    /**
     * Starts the dashboard.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
