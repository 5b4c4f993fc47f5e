package io.github.calendlywebhook.dashboard.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a refused production start without a stack trace. */
final class MissingProductionSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(" and ", cause.missing()) + " (for example CALENDLY_WEBHOOK_SECRET to the signing"
                        + " key of your Calendly webhook subscription and ADMIN_PASSWORD to a long random password),"
                        + " or start without the prod profile to try the dashboard with generated values.",
                cause);
    }
}
