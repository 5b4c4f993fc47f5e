/**
 * At-least-once delivery of stored events to listeners: an event publication registry.
 *
 * <p>For each newly stored event the {@link io.github.calendlywebhook.core.publication.ListenerDispatcher}
 * records one publication per registered listener (in the event's own transaction with the JDBC
 * registry), runs the listeners, and deletes a publication when its listener returns. A listener that
 * throws keeps its publication, with the attempt count and the exception's class and message; it is
 * tried again after an exponential back-off with jitter, and parked once it has used its attempts or
 * its age; parked publications run again on demand. Several instances can share one database: a
 * publication is run only by the instance holding its lease.
 *
 * <p>{@link io.github.calendlywebhook.core.publication.PublicationRegistry} is the SPI, with
 * implementations in memory ({@code PublicationRegistry.inMemory()}) and in H2 or PostgreSQL
 * ({@code PublicationRegistry.jdbc(dataSource)}, table
 * {@code calendly_publication} from {@code db/calendly/<database>/V2__calendly_publication.sql}).
 */
@NullMarked
package io.github.calendlywebhook.core.publication;

import org.jspecify.annotations.NullMarked;
