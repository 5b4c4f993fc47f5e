package io.github.calendlywebhook.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.SignedPayloads;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class EnvironmentVariableConfigurationTests {

    private static final String SECRET = "environment-secret-0123456789";

    @Test
    void secretFromEnvironmentVariableAloneShouldConfigureTheEndpoint() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("CALENDLY_WEBHOOK_SECRET", SECRET)));
        SpringApplication application = new SpringApplication(WebhookTestApplication.class);
        application.setEnvironment(environment);

        try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> response = HttpDeliveries.postSigned(port, "/api/webhooks/calendly", SECRET,
                    SignedPayloads.inviteeCreated());

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }
}
