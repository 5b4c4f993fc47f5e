package io.github.calendlywebhook.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.thymeleaf.TemplateEngine;

/** The template engine is ready before the first page is asked for. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:template-warm-up;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=template-warm-up-password",
        "calendly.webhook.secret=template-warm-up-secret" })
class TemplateWarmUpTest {

    @Autowired
    TemplateWarmUp warmUp;

    @Autowired
    TemplateEngine templateEngine;

    @Test
    void theEngineIsInitialisedWithoutAnyPageBeingServed() throws InterruptedException {
        assertThat(warmUp.awaitDone(Duration.ofSeconds(30))).isTrue();

        assertThat(templateEngine.isInitialized()).isTrue();
    }
}
