/**
 * The dashboard numbers computed from maintained counters, and the Micrometer binder.
 *
 * <p>Definitions: <em>booked appointments</em> are bookings currently active (created, not canceled),
 * counted on the day they were made; <em>new bookings</em> are creates that are not the new half of a
 * reschedule; <em>cancellations</em> and <em>reschedules</em> are cancels without and with
 * {@code rescheduled}; <em>no-shows</em> are marks created minus deleted; <em>revenue</em> is the sum
 * over booked appointments of the successful payment, else the value of the event type, else the
 * default value ({@link io.github.calendlywebhook.core.store.RevenueSettings}), priced at read time;
 * the <em>booking rate</em> is new bookings divided by leads (routing form submissions plus
 * {@link io.github.calendlywebhook.core.store.ProjectingEventStore#recordLead recorded leads}), unavailable with a
 * reason when there are none. Each event counts on the day it happened (the envelope time, else the
 * resource's own time, else the receive time) in the store's time zone. Test deliveries are kept out
 * unless a query includes them.
 */
@NullMarked
package io.github.calendlywebhook.core.metrics;

import org.jspecify.annotations.NullMarked;
