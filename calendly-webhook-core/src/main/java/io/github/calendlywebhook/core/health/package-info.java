/**
 * Delivery health, one model for every renderer: what the endpoint observed (from the in-memory
 * {@link io.github.calendlywebhook.core.health.DeliveryHealthTracker} or from the audit log) and whether
 * the store can make events durable ({@link io.github.calendlywebhook.core.health.StoreProbe}), assessed
 * into a {@link io.github.calendlywebhook.core.health.DeliveryHealth}: UP, DEGRADED or DOWN, with the last
 * deliveries, rejections by reason and warnings.
 *
 * <p>Health indicators (Spring Boot Actuator, Micronaut management), the dashboard's delivery-health
 * panel and the alerting {@code DeliveryHealthMonitor} all read this package; it is fed only through
 * the processor's {@link io.github.calendlywebhook.core.delivery.DeliveryObserver} interface.
 */
@NullMarked
package io.github.calendlywebhook.core.health;

import org.jspecify.annotations.NullMarked;
