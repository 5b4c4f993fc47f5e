package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SpringBootLinesTest {

    @Test
    void springBoot4ShouldBeSupportedByTheStarterAlone() {
        assertThatCode(() -> SpringBootLines.check("4.0.7", false)).doesNotThrowAnyException();
    }

    @Test
    void springBoot35ShouldBeSupportedWithTheBoot3Starter() {
        assertThatCode(() -> SpringBootLines.check("3.5.7", true)).doesNotThrowAnyException();
    }

    @Test
    void springBoot35WithoutTheBoot3StarterShouldFailNamingIt() {
        assertThatThrownBy(() -> SpringBootLines.check("3.5.7", false))
                .isInstanceOf(InvalidCalendlyWebhookConfigurationException.class)
                .hasMessageContaining("Spring Boot 3.5.7 needs calendly-webhook-spring-boot3-starter")
                .hasMessageContaining(SpringBootLines.SUPPORTED);
    }

    @Test
    void otherLinesShouldFailNamingTheSupportedLines() {
        for (String version : new String[] { "3.4.11", "4.1.0", "2.7.18", "5.0.0" }) {
            assertThatThrownBy(() -> SpringBootLines.check(version, true)).as(version)
                    .isInstanceOf(InvalidCalendlyWebhookConfigurationException.class)
                    .hasMessageContaining("does not support Spring Boot " + version)
                    .hasMessageContaining("Spring Boot 4.0.x").hasMessageContaining("Spring Boot 3.5.x");
        }
    }

    @Test
    void unknownVersionShouldFailRatherThanGuess() {
        assertThatThrownBy(() -> SpringBootLines.check(null, true))
                .hasMessageContaining("of an unknown version").hasMessageContaining(SpringBootLines.SUPPORTED);
    }

    @Test
    void failureReportShouldNameTheSupportedLines() {
        Throwable failure = new IllegalStateException("context failed",
                catchFailure(() -> SpringBootLines.check("4.1.0", false)));

        FailureAnalysis analysis = new CalendlyWebhookFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("4.1.0");
        assertThat(analysis.getAction()).contains(SpringBootLines.SUPPORTED);
    }

    @Test
    void runningLineShouldBeSupportedWithTheArtifactsOfThisBuild() {
        assertThatCode(SpringBootLines::requireSupported).doesNotThrowAnyException();
    }

    private static Throwable catchFailure(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException ex) {
            return ex;
        }
        throw new AssertionError("the check did not fail");
    }
}
