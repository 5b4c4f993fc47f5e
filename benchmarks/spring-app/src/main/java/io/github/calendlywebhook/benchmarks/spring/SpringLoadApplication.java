package io.github.calendlywebhook.benchmarks.spring;

import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The smallest Spring Boot application on the starter, as the HTTP load test runs it: the webhook
 * endpoint the starter registers, a listener ({@link Bookings}) and {@link BaselineServlet} at
 * {@code /baseline}, nothing else. The in-memory store is the default; the {@code h2} profile adds a data
 * source, an H2 file database, and the {@code pg} profile a PostgreSQL one, which select the JDBC store; with
 * either, {@link PlainInsertServlet} answers at {@code /plain-insert}.
 *
 * <p>Usage: {@code java -jar spring-app.jar [--server.port=N] [--spring.profiles.active=h2|pg]}, with the
 * signing key in {@code CALENDLY_WEBHOOK_SECRET}, for {@code h2} the database directory in {@code H2_DIR},
 * for {@code pg} the JDBC URL in {@code PG_URL}.
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

    /**
     * Registers the database floor, created with the application so that its table exists before the first
     * request.
     *
     * @param dataSource the application's data source
     * @return the registration of {@link PlainInsertServlet} at {@code /plain-insert}
     */
    @Bean
    @Profile({"h2", "pg"})
    ServletRegistrationBean<PlainInsertServlet> plainInsert(DataSource dataSource) {
        ServletRegistrationBean<PlainInsertServlet> registration =
                new ServletRegistrationBean<>(new PlainInsertServlet(dataSource), "/plain-insert");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
