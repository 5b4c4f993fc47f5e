package io.github.calendlywebhook.benchmarks.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The smallest Spring Boot application on the starter, as the HTTP load test runs it: the webhook
 * endpoint the starter registers, a listener ({@link Bookings}) and {@link BaselineServlet} at
 * {@code /baseline}, nothing else. The in-memory store is the default; the {@code h2} profile adds a data
 * source, an H2 file database, which selects the JDBC store.
 *
 * <p>Usage: {@code java -jar spring-app.jar [--server.port=N] [--spring.profiles.active=h2]}, with the
 * signing key in {@code CALENDLY_WEBHOOK_SECRET} and, for {@code h2}, the database directory in
 * {@code H2_DIR}.
 */
@SpringBootApplication
public class SpringLoadApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SpringLoadApplication.class, args);
    }

    /**
     * Registers the baseline endpoint.
     *
     * @return the registration of {@link BaselineServlet} at {@code /baseline}
     */
    @Bean
    ServletRegistrationBean<BaselineServlet> baseline() {
        return new ServletRegistrationBean<>(new BaselineServlet(), "/baseline");
    }
}
