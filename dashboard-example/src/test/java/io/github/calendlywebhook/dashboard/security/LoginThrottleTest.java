package io.github.calendlywebhook.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The login throttle's policy, on a clock the tests move by hand. */
class LoginThrottleTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(5, clock);

    @Test
    void theFirstFiveFailuresOfAClientAreFreeAndTheSixthWaitsThirtySeconds() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(throttle.begin("203.0.113.7"));
        }

        assertThat(waits.subList(0, 5)).containsOnly(Duration.ZERO);
        assertThat(waits.get(5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aClientsBlockDoublesWithEveryFurtherFailureUpToOneHour() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("203.0.113.7");
        }
        List<Duration> blocks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Duration wait = throttle.begin("203.0.113.7");
            blocks.add(wait);
            clock.advance(wait);
            assertThat(throttle.begin("203.0.113.7")).isZero();
        }

        assertThat(blocks).startsWith(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
        assertThat(blocks.get(9)).isEqualTo(LoginThrottle.CLIENT_MAX_BLOCK);
    }

    @Test
    void aThrottledAttemptDoesNotCountAsAnotherFailure() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("203.0.113.7");
        }
        for (int i = 0; i < 50; i++) {
            throttle.begin("203.0.113.7");
        }

        clock.advance(Duration.ofSeconds(30));

        assertThat(throttle.begin("203.0.113.7")).isZero();
        assertThat(throttle.begin("203.0.113.7")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void allAddressesOfOneIpv6Slash64AreOneClientWhenKeyedByClientKeys() {
        io.github.calendlywebhook.core.ip.ClientKeys keys = io.github.calendlywebhook.core.ip.ClientKeys.ofDefaults();
        for (int i = 1; i <= 5; i++) {
            throttle.begin(keys.of("2001:db8:1:2::" + Integer.toHexString(i)));
        }

        assertThat(throttle.begin(keys.of("2001:db8:1:2:ffff::1"))).isPositive();
        assertThat(throttle.begin(keys.of("2001:db8:1:3::1"))).isZero();
    }

    @Test
    void aSuccessfulLoginForgetsTheClientsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.begin("203.0.113.7");
        }
        throttle.begin("203.0.113.7");
        throttle.succeeded("203.0.113.7");

        assertThat(throttle.begin("203.0.113.7")).isZero();
    }

    @Test
    void aClientsFailuresAreForgottenADayAfterTheLastOne() {
        for (int i = 0; i < 4; i++) {
            throttle.begin("203.0.113.7");
        }

        clock.advance(LoginThrottle.CLIENT_MEMORY);

        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin("203.0.113.7")).isZero();
        }
    }

    @Test
    void manyClientsHoldTheAccountForAtMostThirtySecondsForClientsThatFailedBefore() {
        for (int i = 1; i <= 30; i++) {
            throttle.begin("198.51.100." + i);
            throttle.begin("198.51.100." + i);
        }

        Duration repeatClient = throttle.begin("198.51.100.1");

        assertThat(repeatClient).isPositive().isLessThanOrEqualTo(LoginThrottle.ACCOUNT_MAX_HOLD);
        clock.advance(repeatClient);
        assertThat(throttle.begin("198.51.100.1")).isZero();
    }

    @Test
    void aClientWithoutFailuresIsNeverHeldByTheAccountThrottle() {
        for (int i = 1; i <= 40; i++) {
            throttle.begin("198.51.100." + i);
        }

        Duration admin = throttle.begin("192.0.2.10");

        assertThat(admin).isZero();
    }

    @Test
    void theAccountHoldStartsAfterTenFailuresFromAnyClients() {
        for (int i = 1; i <= 9; i++) {
            throttle.begin("198.51.100." + i);
        }
        assertThat(throttle.begin("198.51.100.1")).isZero();

        Duration held = throttle.begin("198.51.100.2");

        assertThat(held).isEqualTo(LoginThrottle.ACCOUNT_FIRST_HOLD);
    }
}
