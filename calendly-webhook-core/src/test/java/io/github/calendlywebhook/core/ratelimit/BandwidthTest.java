package io.github.calendlywebhook.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BandwidthTest {

    @Test
    void perMinuteHasAOneMinutePeriod() {
        assertThat(Bandwidth.perMinute(10)).isEqualTo(new Bandwidth(10, Duration.ofMinutes(1)));
    }

    @Test
    void perSecondHasAOneSecondPeriod() {
        assertThat(Bandwidth.perSecond(7)).isEqualTo(new Bandwidth(7, Duration.ofSeconds(1)));
    }

    @Test
    void rejectsZeroCapacity() {
        assertThatThrownBy(() -> Bandwidth.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonPositivePeriod() {
        assertThatThrownBy(() -> new Bandwidth(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bandwidth(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsLimitsTooLargeForExactArithmetic() {
        assertThatThrownBy(() -> new Bandwidth(Long.MAX_VALUE / 2, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bandwidth(1, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
