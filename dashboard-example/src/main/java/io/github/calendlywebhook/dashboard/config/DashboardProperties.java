package io.github.calendlywebhook.dashboard.config;

import io.github.calendlywebhook.dashboard.settings.SettingsInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard under {@code dashboard.*}. The seed's environment variables are mapped onto
 * these keys in {@code application.yml} ({@code DASHBOARD_VALUE_PER_BOOKING}, {@code DASHBOARD_CURRENCY},
 * ...). Revenue values and the time zone are only the initial defaults: settings saved in the admin panel
 * take precedence.
 *
 * @param adminPassword the single admin password ({@code ADMIN_PASSWORD}); generated for one run when absent
 * @param valuePerBooking the default value of one unpaid booking
 * @param currency the ISO 4217 currency of all amounts
 * @param timezone the time zone whose days the periods and the daily chart use
 * @param publicPage whether the dashboard page and its read API are public ({@code DASHBOARD_PUBLIC})
 * @param leadsToken the bearer token of {@code POST /api/leads}; the endpoint is disabled when absent
 * @param leadsPerMinute how many leads one client address may record per minute
 * @param loginFreeFailures how many failed logins one client (an IPv4 address or an IPv6 /64) may make before
 *     its growing delays start
 * @param maxStreams the maximum number of open live streams on this instance
 * @param maxStreamsPerClient the maximum number of open live streams of one client (an IPv4 address or an
 *     IPv6 /64) on this instance
 * @param metricsPerMinute how many {@code GET /api/metrics} one client may make per minute
 * @param heartbeat the interval of keep-alive comments on open live streams
 * @param streamTimeout how long one live stream stays open before the browser reconnects
 * @param notifyChannel the PostgreSQL channel instances use to tell each other about changes
 * @param auditRetention how long audit entries are kept
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(
        @Nullable String adminPassword,
        @DefaultValue("100") BigDecimal valuePerBooking,
        @DefaultValue("USD") String currency,
        @DefaultValue("UTC") String timezone,
        @DefaultValue("false") boolean publicPage,
        @Nullable String leadsToken,
        @DefaultValue("30") int leadsPerMinute,
        @DefaultValue("5") int loginFreeFailures,
        @DefaultValue("200") int maxStreams,
        @DefaultValue("10") int maxStreamsPerClient,
        @DefaultValue("120") int metricsPerMinute,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("calendly_dashboard") String notifyChannel,
        @DefaultValue("90d") Duration auditRetention) {

    public DashboardProperties {
        Objects.requireNonNull(valuePerBooking, "valuePerBooking");
        String code = SettingsInput.currency(currency);
        SettingsInput.check(valuePerBooking, code, "dashboard.value-per-booking (DASHBOARD_VALUE_PER_BOOKING)");
        SettingsInput.zone(timezone);
        if (maxStreams < 1 || maxStreamsPerClient < 1 || metricsPerMinute < 1 || leadsPerMinute < 1
                || loginFreeFailures < 1) {
            throw new IllegalArgumentException("dashboard limits must be positive");
        }
        if (!notifyChannel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("dashboard.notify-channel must be a plain identifier, was " + notifyChannel);
        }
    }

    @Override
    public String toString() {
        return "DashboardProperties[adminPassword=******, valuePerBooking=" + valuePerBooking + ", currency=" + currency
                + ", timezone=" + timezone + ", publicPage=" + publicPage + ", leadsToken="
                + (leadsToken == null || leadsToken.isBlank() ? "<none>" : "******") + ", maxStreams=" + maxStreams + ", maxStreamsPerClient=" + maxStreamsPerClient
                + ", metricsPerMinute=" + metricsPerMinute + "]";
    }
}
