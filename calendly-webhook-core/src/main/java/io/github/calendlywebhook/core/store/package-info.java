/**
 * The storage SPI for webhook events and its in-memory and JDBC implementations (the JDBC ones behind
 * factory methods of the interfaces).
 *
 * <p>{@link io.github.calendlywebhook.core.store.EventStore} is what the processor writes through.
 * {@link io.github.calendlywebhook.core.store.ProjectingEventStore} adds the dashboard projection,
 * maintained in the same atomic step as every append: a per-invitee state (so cancels before creates
 * and reschedule pairs in either order end the same), and counters per day and event type plus
 * all-time counters, read by {@link io.github.calendlywebhook.core.metrics.DashboardMetrics} at a cost
 * independent of the number of stored events.
 *
 * <h2>JDBC stores</h2>
 * {@link io.github.calendlywebhook.core.store.ProjectingEventStore#jdbc(javax.sql.DataSource)},
 * {@code AuditRepository.jdbc} and
 * {@link io.github.calendlywebhook.core.store.RevenueSettingsStore#jdbc} work on a plain
 * {@link javax.sql.DataSource} for H2 (file or in-memory) and PostgreSQL. Their tables come from the
 * scripts on the classpath, named for Flyway:
 * <ul>
 *   <li>{@code db/calendly/h2/V1__calendly_webhook.sql}</li>
 *   <li>{@code db/calendly/postgresql/V1__calendly_webhook.sql}</li>
 *   <li>{@code V2__calendly_publication.sql} in both: the listener publications of
 *       {@code io.github.calendlywebhook.core.publication}, written in each append transaction through a
 *       {@link io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant}</li>
 *   <li>{@code V3__calendly_signing_key.sql} in both: the signing keys of
 *       {@code io.github.calendlywebhook.core.keys.JdbcSigningKeyStore}</li>
 *   <li>{@code V4__calendly_h2_identity_cache.sql} in H2's only: a larger identity cache for the event and
 *       audit tables, so that H2 does not commit the next block of ids every 32 rows</li>
 *   <li>{@code V5__calendly_h2_digest_keys.sql} in H2's only: the event and invitee tables keyed by SHA-256
 *       digests of their texts, so that a commit writes smaller index pages; the H2 stores need it</li>
 * </ul>
 * With Flyway, add {@code classpath:db/calendly/postgresql} (or {@code h2}) to its locations; with
 * Liquibase, include the script as a {@code sqlFile} change; without either, call
 * {@link io.github.calendlywebhook.core.store.JdbcSchema#create(javax.sql.DataSource)} at start-up,
 * which creates the tables when they do not exist. Every table is prefixed {@code calendly_}.
 * Use a connection pool: each append is one short transaction.
 */
@NullMarked
package io.github.calendlywebhook.core.store;

import org.jspecify.annotations.NullMarked;
