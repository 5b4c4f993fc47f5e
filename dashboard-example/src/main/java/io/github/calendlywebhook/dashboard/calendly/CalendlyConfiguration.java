package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.api.Backfill;
import io.github.calendlywebhook.core.api.CalendlyApiClient;
import io.github.calendlywebhook.core.api.health.AlertNotifier;
import io.github.calendlywebhook.core.api.health.DeliveryHealthMonitor;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.keys.JdbcSigningKeyStore;
import io.github.calendlywebhook.core.keys.RotatingSigningKeys;
import io.github.calendlywebhook.core.keys.SecretCipher;
import io.github.calendlywebhook.core.keys.SigningKeyEncryptionException;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.dashboard.config.DashboardTables;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import io.github.calendlywebhook.spring.WebhookProcessorCustomizer;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires core's Calendly API features into the dashboard: the signing keys the webhook processor reads
 * per delivery, the API client (only with {@code CALENDLY_API_TOKEN}), the backfill on a one-thread
 * executor, the delivery-health monitor on the starter's delivery-health tracker (posting alerts when
 * {@code DASHBOARD_ALERT_WEBHOOK_URL} is set) and the scheduled subscription check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendlyProperties.class)
class CalendlyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CalendlyConfiguration.class);

    /**
     * The signing-key store. Once the tables are installed (at startup, or when the database becomes reachable)
     * keys of the dashboard's old table are moved in, every key is checked to open with
     * {@code DASHBOARD_ENCRYPTION_KEY}, and keys stored in the clear are encrypted.
     */
    @Bean
    JdbcSigningKeyStore signingKeyStore(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            CalendlyProperties properties, DashboardTables tables) {
        String material = properties.encryptionKey();
        SecretCipher cipher;
        try {
            cipher = material == null ? null : SecretCipher.of(material);
        } catch (IllegalArgumentException e) {
            throw new SigningKeyEncryptionException("DASHBOARD_ENCRYPTION_KEY is not usable: " + e.getMessage());
        }
        JdbcSigningKeyStore store = JdbcSigningKeyStore.builder(Objects.requireNonNull(jdbc.getDataSource()))
                .cipher(cipher).encryptionKeySetting("DASHBOARD_ENCRYPTION_KEY").build();
        if (cipher == null) {
            LOG.warn("Webhook signing keys created through the Calendly API are stored in the clear: set"
                    + " DASHBOARD_ENCRYPTION_KEY (32 bytes in base64, e.g. openssl rand -base64 32) to encrypt them");
        }
        tables.whenInstalled(() -> protect(store, jdbc, new TransactionTemplate(transactions)));
        return store;
    }

    private static void protect(JdbcSigningKeyStore store, JdbcTemplate jdbc, TransactionTemplate transactions) {
        int moved = LegacySigningKeys.move(jdbc, transactions);
        if (moved > 0) {
            LOG.info("Moved {} webhook signing keys into calendly_signing_key", moved);
        }
        int encryptedNow = store.protectAtRest();
        if (encryptedNow > 0) {
            LOG.info("Encrypted {} webhook signing keys that were stored in the clear", encryptedNow);
        }
    }

    @Bean
    RotatingSigningKeys webhookSigningKeys(WebhookSettings settings, JdbcSigningKeyStore store, Clock clock,
            ChangeBus changes, DashboardTables tables) {
        RotatingSigningKeys keys = RotatingSigningKeys.load(settings, store, clock);
        tables.whenInstalled(keys::reload);
        changes.subscribe(reason -> {
            if (reason.equals(SubscriptionService.SIGNING_KEYS_CHANGED) || reason.equals(ChangeBus.RECONNECTED)) {
                keys.reload();
            }
        });
        return keys;
    }

    @Bean
    WebhookProcessorCustomizer signingKeysCustomizer(RotatingSigningKeys keys) {
        return builder -> builder.signingKeys(keys);
    }

    @Bean
    CalendlyAccess calendlyAccess(CalendlyProperties properties, Clock clock) {
        String token = properties.apiToken();
        return new CalendlyAccess(token == null ? null
                : CalendlyApiClient.builder(token).baseUrl(properties.apiBaseUrl()).clock(clock).build(), clock);
    }

    @Bean
    DeliveryHealthMonitor deliveryHealthMonitor(CalendlyProperties properties, DeliveryHealthTracker tracker) {
        String url = properties.alertWebhookUrl();
        AlertNotifier notifier = url == null ? AlertNotifier.none()
                : AlertNotifier.slack(URI.create(url), properties.alertTimeout());
        return DeliveryHealthMonitor.builder(tracker, notifier).minAlertInterval(properties.alertMinInterval()).build();
    }

    @Bean
    SubscriptionService subscriptionService(CalendlyAccess access, CalendlyProperties properties,
            JdbcSigningKeyStore store, RotatingSigningKeys keys, DeliveryHealthMonitor monitor,
            ChangeBus changes, Clock clock, WebhookSettings settings) {
        return new SubscriptionService(access, properties, store, keys, monitor, changes, clock, settings.path());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService calendlyBackfillExecutor() {
        // One waiting place: a backfill started just after the previous one said DONE, while its thread
        // is still returning to the pool, waits instead of being refused.
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1), runnable -> {
            Thread thread = new Thread(runnable, "calendly-backfill");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    BackfillService backfillService(CalendlyAccess access, EventStore store, AuditLog auditLog,
            ExecutorService calendlyBackfillExecutor, ChangeBus changes, Clock clock, CalendlyProperties properties) {
        Backfill backfill = access.client().map(client -> Backfill.builder(client).store(store).auditLog(auditLog)
                .clock(clock).scope(properties.subscriptionScope()).build()).orElse(null);
        return new BackfillService(backfill, calendlyBackfillExecutor, changes, clock, properties);
    }

    @Bean(destroyMethod = "close")
    SubscriptionCheckSchedule subscriptionCheckSchedule(SubscriptionService subscriptions,
            CalendlyProperties properties) {
        return SubscriptionCheckSchedule.start(subscriptions, properties.checkInterval());
    }
}
