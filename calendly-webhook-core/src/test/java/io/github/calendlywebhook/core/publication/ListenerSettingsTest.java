package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListenerSettingsTest {

    @Test
    void theDefaultsRunListenersOnTheRequestThreadAndRetryTheFirstTimeWithinTenSeconds() {
        ListenerSettings defaults = ListenerSettings.ofDefaults();

        assertThat(defaults.mode()).isEqualTo(ListenerMode.SYNC_FIRST);
        assertThat(defaults.firstRetry()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxRetryDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.maxAttempts()).isEqualTo(10);
        assertThat(defaults.maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.batchSize()).isEqualTo(100);
        assertThat(defaults.instanceId()).isNull();
    }

    @Test
    void aBuilderFromSettingsBuildsEqualSettings() {
        ListenerSettings custom = ListenerSettings.builder().mode(ListenerMode.ASYNC).firstRetry(Duration.ofSeconds(2))
                .maxAttempts(3).instanceId(" pod-1 ").build();

        assertThat(custom.toBuilder().build()).isEqualTo(custom);
        assertThat(custom.instanceId()).isEqualTo("pod-1");
    }

    @Test
    void anInvalidValueIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> ListenerSettings.builder().firstRetry(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calendly.webhook.listeners.first-retry");
        assertThatThrownBy(() -> ListenerSettings.builder().maxAttempts(0).build())
                .hasMessageContaining("calendly.webhook.listeners.max-attempts");
        assertThatThrownBy(() -> ListenerSettings.builder().lease(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("calendly.webhook.listeners.lease");
        assertThatThrownBy(() -> ListenerSettings.builder().maxRetryDelay(Duration.ofSeconds(1)).build())
                .hasMessageContaining("calendly.webhook.listeners.max-retry-delay");
        assertThatThrownBy(() -> ListenerSettings.builder().instanceId("x".repeat(256)).build())
                .hasMessageContaining("calendly.webhook.listeners.instance-id");
    }

    @Test
    void theModeIsReadFromItsConfigurationSpelling() {
        assertThat(ListenerMode.parse("sync-first")).isEqualTo(ListenerMode.SYNC_FIRST);
        assertThat(ListenerMode.parse(" ASYNC ")).isEqualTo(ListenerMode.ASYNC);
        assertThatThrownBy(() -> ListenerMode.parse("later")).hasMessageContaining("sync-first or async");
    }
}
