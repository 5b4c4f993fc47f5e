package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

class CalendlyWebhookFailureAnalyzerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class));

    @Test
    void startupWhenEnabledWithoutSecretShouldFailWithExplanation() {
        runner.run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("calendly.webhook.secret is not set");
            assertThat(analysis.getAction()).contains("CALENDLY_WEBHOOK_SECRET", "calendly.webhook.enabled=false");
        });
    }

    @Test
    void startupWhenAllowlistEntryInvalidShouldFailNamingTheEntry() {
        runner.withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET,
                "calendly.webhook.allowed-ips=203.0.113.0/24,calendly.example.com").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("allowed-ips", "calendly.example.com");
                    assertThat(analysis.getAction()).contains("CIDR");
                });
    }

    @Test
    void startupWhenAllowlistEntryHasHostBitsSetShouldFailSuggestingTheNetwork() {
        runner.withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET,
                "calendly.webhook.allowed-ips=203.0.113.0/24,10.0.0.1/8").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("calendly.webhook.allowed-ips", "ALLOWED_IPS",
                            "'10.0.0.1/8'", "host bits", "10.0.0.0/8", "10.0.0.1/32");
                });
    }

    @Test
    void startupWhenAllowlistEntryIsIpv4MappedBelowSlash96ShouldFailSuggestingTheIpv4Form() {
        runner.withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET,
                "calendly.webhook.allowed-ips=::ffff:52.0.0.0/8").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("calendly.webhook.allowed-ips",
                            "'::ffff:52.0.0.0/8'", "below /96", "52.0.0.0/8");
                });
    }

    @Test
    void startupWhenTrustedProxyIsAmbiguousShouldFailNamingTheKeyAndEntry() {
        runner.withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET,
                "calendly.webhook.trusted-proxies=::ffff:127.0.0.0/8").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("calendly.webhook.trusted-proxies",
                            "'::ffff:127.0.0.0/8'", "127.0.0.0/8");
                });
    }

    @Test
    void startupWhenTrustedProxyInvalidShouldFailNamingTheEntry() {
        runner.withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET,
                "calendly.webhook.trusted-proxies=10.0.0.0/33").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("trusted-proxies", "10.0.0.0/33");
                });
    }

    @Test
    void startupWhenPreviousSecretHasNoExpiryShouldFailNamingTheKey() {
        runner.withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET,
                "calendly.webhook.previous-secrets[0].secret=old-secret-value").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("calendly.webhook.previous-secrets[0].expires-at")
                            .doesNotContain("old-secret-value");
                });
    }

    @Test
    void startupWhenValueInvalidShouldNeverShowTheSecret() {
        runner.withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET,
                "calendly.webhook.tolerance=-1s").run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("calendly.webhook.tolerance")
                            .doesNotContain(Deliveries.SECRET);
                });
    }

    @Test
    void analyzerShouldBeRegisteredForSpringBootStartupReports() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                (factoryType, implementationName, failure) -> { }))
                .hasAtLeastOneElementOfType(CalendlyWebhookFailureAnalyzer.class);
    }

    private static FailureAnalysis analyze(Throwable failure) {
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new CalendlyWebhookFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }
}
