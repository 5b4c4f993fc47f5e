package io.github.calendlywebhook.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsNeverShownTest {

    @Test
    void generatesThirtyTwoRandomBytesAsHex() {
        SigningKey first = SigningKey.generate(new SecureRandom());
        SigningKey second = SigningKey.generate(new SecureRandom());

        assertThat(first.value()).matches("[0-9a-f]{64}").isNotEqualTo(second.value());
    }

    @Test
    void masksTheSigningKeyInToString() {
        SigningKey key = new SigningKey("super-secret-key");

        assertThat(key.toString()).doesNotContain("super-secret-key");
    }

    @Test
    void masksTheSigningKeyOfANewSubscription() {
        NewWebhookSubscription request = new NewWebhookSubscription("https://a.example/hook",
                List.of("invitee.created"), CalendlyFixtures.ORG, null, null, SubscriptionScope.ORGANIZATION,
                "super-secret-key");

        assertThat(request.toString()).doesNotContain("super-secret-key").contains("https://a.example/hook");
    }

    @Test
    void neverShowsTheTokenInTheBuilder() {
        assertThat(CalendlyApiClient.builder(CalendlyFixtures.TOKEN).toString()).doesNotContain(CalendlyFixtures.TOKEN);
    }
}
