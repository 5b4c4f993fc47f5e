package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.health.DeliveryHealth;
import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.health.StoreProbe;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.store.EventStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;

/**
 * The {@code calendlyWebhook} entry of Micronaut's {@code /health}, registered when micronaut-management
 * is present: renders core's {@link DeliveryHealth}, DOWN while the store cannot make events durable
 * (Micronaut then answers 503), UP otherwise, with the model's details ({@code state} says DEGRADED
 * while rejections need attention or listener publications are parked). Turned off by {@code endpoints.health.calendly-webhook.enabled=false}.
 * The database probe runs on the blocking executor, never on the event loop.
 */
@Singleton
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
@Requires(classes = HealthIndicator.class)
@Requires(property = CalendlyWebhookHealthIndicator.ENABLED, notEquals = "false")
@Requires(beans = DeliveryHealthTracker.class)
public class CalendlyWebhookHealthIndicator implements HealthIndicator {

    /** The indicator's name in {@code /health}, the same as the Spring Boot starter's. */
    public static final String NAME = "calendlyWebhook";

    /** The property that turns the indicator off. */
    public static final String ENABLED = "endpoints.health.calendly-webhook.enabled";

    private final DeliveryHealthCheck check;
    private final ExecutorService executor;

    /**
     * Creates the indicator.
     *
     * @param tracker the tracker the processor reports to
     * @param store the processor's store
     * @param dataSources the application's data source, probed when the store is the JDBC store
     * @param dispatcher the dispatcher of the application's listeners, whose parked publications degrade the health
     * @param executor where the check runs
     */
    CalendlyWebhookHealthIndicator(DeliveryHealthTracker tracker, EventStore store,
            BeanProvider<DataSource> dataSources, BeanProvider<ListenerDispatcher> dispatcher,
            @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        DeliveryHealthCheck check = DeliveryHealthCheck.of(tracker,
                StoreProbe.of(store, dataSources.isUnique() ? dataSources.get() : null));
        this.check = dispatcher.isUnique() ? check.withListeners(dispatcher.get()) : check;
        this.executor = executor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::result, executor));
    }

    private HealthResult result() {
        DeliveryHealth health = check.check();
        return HealthResult.builder(NAME, health.status() == DeliveryHealth.Status.DOWN ? HealthStatus.DOWN
                : HealthStatus.UP).details(health.details()).build();
    }
}
