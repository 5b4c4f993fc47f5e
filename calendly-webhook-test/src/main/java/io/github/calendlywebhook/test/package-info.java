/**
 * Test kit for applications and integrations of Calendly Webhook: signed sample deliveries in the
 * current (v2) and legacy (v1) formats and a way to post them to a running application
 * ({@link io.github.calendlywebhook.test.SignedPayloads}, {@link io.github.calendlywebhook.test.SignedDelivery}),
 * and abstract suites to extend: {@link io.github.calendlywebhook.test.AdapterConformanceTest} for an
 * adapter, {@link io.github.calendlywebhook.test.EventStoreComplianceTest},
 * {@link io.github.calendlywebhook.test.AuditRepositoryComplianceTest} and
 * {@link io.github.calendlywebhook.test.RevenueSettingsStoreComplianceTest} for a store of one's own, and
 * {@link io.github.calendlywebhook.test.PackagedApplicationConformanceTest} for an application's packaged jar,
 * started as a process by {@link io.github.calendlywebhook.test.ApplicationProcess}.
 */
@NullMarked
package io.github.calendlywebhook.test;

import org.jspecify.annotations.NullMarked;

