package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.InviteeCanceledEvent;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.InviteeEvent;
import io.github.calendlywebhook.core.event.InviteeNoShowCreatedEvent;
import io.github.calendlywebhook.core.event.InviteeNoShowDeletedEvent;
import io.github.calendlywebhook.core.event.Invitee;
import io.github.calendlywebhook.core.event.NoShow;
import io.github.calendlywebhook.core.event.Payment;
import io.github.calendlywebhook.core.event.RoutingFormSubmissionCreatedEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard projection as a pure function: given an event and the current state of the invitee or
 * no-show it is about, returns the new state and the counter changes. Creates, cancels and no-show
 * marks commute, so any delivery order ends in the same state and counters.
 */
final class Projection {

    static final Counters NEW_BOOKING = new Counters(1, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);
    static final Counters CANCELLATION = new Counters(0, 1, 0, 0, 0, 0, 0, BigDecimal.ZERO);
    static final Counters RESCHEDULE = new Counters(0, 0, 1, 0, 0, 0, 0, BigDecimal.ZERO);
    static final Counters NO_SHOW = new Counters(0, 0, 0, 1, 0, 0, 0, BigDecimal.ZERO);
    static final Counters LEAD = new Counters(0, 0, 0, 0, 1, 0, 0, BigDecimal.ZERO);

    private final ZoneId zone;

    Projection(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    ZoneId zone() {
        return zone;
    }

    /** Returns the invitee whose state the event changes, if any. */
    static @Nullable String inviteeUri(CalendlyEvent event) {
        return event instanceof InviteeEvent ? StoreKeys.fit(((InviteeEvent) event).invitee().uri()) : null;
    }

    /** Returns the no-show mark whose state the event changes, if any. */
    static @Nullable String noShowUri(CalendlyEvent event) {
        NoShow mark = event instanceof InviteeNoShowCreatedEvent ? ((InviteeNoShowCreatedEvent) event).noShow()
                : event instanceof InviteeNoShowDeletedEvent ? ((InviteeNoShowDeletedEvent) event).noShow() : null;
        return mark == null ? null : StoreKeys.fit(mark.uri());
    }

    /** Returns whether the event is a test delivery, kept out of business numbers by default. */
    static boolean isTest(StoredEvent stored) {
        return stored.source() == EventSource.TEST || stored.event().metadata().test();
    }

    /**
     * Returns when the event happened: the envelope time, else the resource's own time, else the
     * receive time.
     */
    static Instant occurredAt(StoredEvent stored) {
        CalendlyEvent event = stored.event();
        Instant at = event.metadata().createdAt();
        if (at == null && event instanceof InviteeCreatedEvent) {
            at = ((InviteeCreatedEvent) event).invitee().createdAt();
        } else if (at == null && event instanceof InviteeCanceledEvent) {
            Invitee invitee = ((InviteeCanceledEvent) event).invitee();
            at = invitee.cancellation() == null ? null : invitee.cancellation().createdAt();
        } else if (at == null && event instanceof InviteeNoShowCreatedEvent) {
            at = ((InviteeNoShowCreatedEvent) event).noShow().createdAt();
        } else if (at == null && event instanceof RoutingFormSubmissionCreatedEvent) {
            at = ((RoutingFormSubmissionCreatedEvent) event).submission().createdAt();
        }
        return at != null ? at : stored.receivedAt();
    }

    /** Returns the day an instant falls on in this projection's zone. */
    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * Applies one event.
     *
     * @param stored the event
     * @param invitee the current state of {@link #inviteeUri(CalendlyEvent)}, or {@code null} when unknown
     * @param noShow the current state of {@link #noShowUri(CalendlyEvent)}, or {@code null} when unknown
     * @return the new states and counter changes
     */
    ProjectionStep apply(StoredEvent stored, @Nullable InviteeState invitee, @Nullable NoShowState noShow) {
        CalendlyEvent event = stored.event();
        Instant at = occurredAt(stored);
        boolean test = isTest(stored);
        TreeMap<BucketKey, Counters> deltas = new TreeMap<>();
        if (event instanceof InviteeCreatedEvent) {
            Invitee data = ((InviteeCreatedEvent) event).invitee();
            InviteeState state = invitee != null ? invitee : InviteeState.absent(StoreKeys.fit(data.uri()));
            if (state.created()) {
                return ProjectionStep.none();
            }
            InviteeState created = created(state, data, at, test);
            BucketKey key = new BucketKey(dayOf(at), typeKey(data), test);
            if (data.oldInvitee() == null) {
                add(deltas, key, NEW_BOOKING);
            }
            if (created.active()) {
                add(deltas, key, activeCounters(created.paidAmount()));
            }
            return new ProjectionStep(created, null, deltas);
        }
        if (event instanceof InviteeCanceledEvent) {
            Invitee data = ((InviteeCanceledEvent) event).invitee();
            InviteeState state = invitee != null ? invitee : InviteeState.absent(StoreKeys.fit(data.uri()));
            if (state.canceled()) {
                return ProjectionStep.none();
            }
            add(deltas, new BucketKey(dayOf(at), typeKey(data), test),
                    data.rescheduled() ? RESCHEDULE : CANCELLATION);
            if (state.active()) {
                add(deltas, bookingKey(state), activeCounters(state.paidAmount()).negate());
            }
            return new ProjectionStep(state.withCanceled(data.rescheduled()), null, deltas);
        }
        if (event instanceof InviteeNoShowCreatedEvent || event instanceof InviteeNoShowDeletedEvent) {
            return noShow(stored, invitee, noShow, at, test);
        }
        if (event instanceof RoutingFormSubmissionCreatedEvent) {
            add(deltas, new BucketKey(dayOf(at), ProjectingEventStore.LEADS_KEY, test), LEAD);
        }
        return new ProjectionStep(null, null, deltas);
    }

    /** Returns the counter changes of a lead recorded through the application. */
    ProjectionStep recordedLead(Instant occurredAt, boolean test) {
        TreeMap<BucketKey, Counters> deltas = new TreeMap<>();
        add(deltas, new BucketKey(dayOf(occurredAt), ProjectingEventStore.LEADS_KEY, test), LEAD);
        return new ProjectionStep(null, null, deltas);
    }

    private ProjectionStep noShow(StoredEvent stored, @Nullable InviteeState invitee, @Nullable NoShowState noShow,
            Instant at, boolean test) {
        InviteeEvent event = (InviteeEvent) stored.event();
        Invitee data = event.invitee();
        String markUri = Objects.requireNonNull(noShowUri(event));
        InviteeState person = invitee != null ? invitee : InviteeState.absent(StoreKeys.fit(data.uri()));
        NoShowState mark = noShow != null ? noShow : NoShowState.absent(markUri, StoreKeys.fit(data.uri()));
        TreeMap<BucketKey, Counters> deltas = new TreeMap<>();
        if (event instanceof InviteeNoShowCreatedEvent) {
            if (mark.created()) {
                return ProjectionStep.none();
            }
            NoShowState created = new NoShowState(markUri, StoreKeys.fit(data.uri()), true, mark.deleted(), dayOf(at),
                    typeKey(data), test);
            if (created.counted()) {
                add(deltas, new BucketKey(dayOf(at), typeKey(data), test), NO_SHOW);
                return new ProjectionStep(person.withNoShow(true), created, deltas);
            }
            return new ProjectionStep(null, created, deltas);
        }
        if (mark.deleted()) {
            return ProjectionStep.none();
        }
        NoShowState deleted = new NoShowState(markUri, StoreKeys.fit(data.uri()), mark.created(), true, mark.day(),
                mark.eventTypeKey(), mark.test());
        if (mark.counted()) {
            add(deltas, new BucketKey(Objects.requireNonNull(mark.day()), Objects.requireNonNull(mark.eventTypeKey()),
                    mark.test()), NO_SHOW.negate());
            return new ProjectionStep(person.withNoShow(false), deleted, deltas);
        }
        return new ProjectionStep(null, deleted, deltas);
    }

    private InviteeState created(InviteeState state, Invitee data, Instant at, boolean test) {
        Payment payment = data.payment();
        BigDecimal paid = payment != null && payment.successful() ? stored(payment.amount()) : null;
        return new InviteeState(StoreKeys.fit(data.uri()), true, state.canceled(), state.rescheduled(), state.noShow(),
                dayOf(at),
                typeKey(data), data.scheduledEvent().eventType().name(), paid, test,
                data.name(), data.email(), data.scheduledEvent().startTime(), at);
    }

    /** Returns an amount at the precision the JDBC stores keep (four decimals), so every store agrees. */
    static BigDecimal stored(BigDecimal amount) {
        return amount.scale() > 4 ? amount.setScale(4, RoundingMode.HALF_UP) : amount;
    }

    private static String typeKey(Invitee data) {
        return StoreKeys.fit(data.scheduledEvent().eventType().key());
    }

    private static BucketKey bookingKey(InviteeState state) {
        return new BucketKey(Objects.requireNonNull(state.bookingDay()), Objects.requireNonNull(state.eventTypeKey()),
                state.test());
    }

    static Counters activeCounters(@Nullable BigDecimal paidAmount) {
        return paidAmount == null ? new Counters(0, 0, 0, 0, 0, 1, 0, BigDecimal.ZERO)
                : new Counters(0, 0, 0, 0, 0, 1, 1, paidAmount);
    }

    private static void add(TreeMap<BucketKey, Counters> deltas, BucketKey key, Counters delta) {
        deltas.merge(key, delta, Counters::plus);
    }
}
