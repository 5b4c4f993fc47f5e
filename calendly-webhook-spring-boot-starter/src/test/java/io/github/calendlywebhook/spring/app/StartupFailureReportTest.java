package io.github.calendlywebhook.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @Test
    void startupWithoutSecretShouldPrintTheExplanationInsteadOfAStackTrace(CapturedOutput output) {
        SpringApplication application = new SpringApplication(WebhookTestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--calendly.webhook.secret=")).isNotNull();

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("calendly.webhook.secret is not set")
                .contains("CALENDLY_WEBHOOK_SECRET");
    }
}
