/**
 * The delivery vocabulary shared by the pipeline, the audit log, the store and the observers: what
 * happened to a delivery ({@link io.github.calendlywebhook.core.delivery.Outcome}), where it came from
 * and the result handed to {@link io.github.calendlywebhook.core.delivery.DeliveryObserver}s.
 */
@NullMarked
package io.github.calendlywebhook.core.delivery;

import org.jspecify.annotations.NullMarked;
