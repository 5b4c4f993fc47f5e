package io.github.calendlywebhook.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an invalid {@code calendly.webhook.*} configuration in the startup failure report. */
final class CalendlyWebhookFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCalendlyWebhookConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCalendlyWebhookConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
