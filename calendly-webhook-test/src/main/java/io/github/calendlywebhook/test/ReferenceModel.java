package io.github.calendlywebhook.test;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.Invitee;
import io.github.calendlywebhook.core.event.InviteeCanceledEvent;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.InviteeNoShowCreatedEvent;
import io.github.calendlywebhook.core.event.InviteeNoShowDeletedEvent;
import io.github.calendlywebhook.core.event.RoutingFormSubmissionCreatedEvent;
import io.github.calendlywebhook.core.metrics.DailyPoint;
import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.metrics.PeriodNumbers;
import io.github.calendlywebhook.core.store.RevenueSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard definitions computed the simple way, from the complete set of distinct events at once
 * (UTC days, test events left out), to check stores that compute them incrementally.
 */
final class ReferenceModel {

    private final Map<LocalDate, long[]> counts = new HashMap<>();
    private final Map<LocalDate, BigDecimal> revenue = new HashMap<>();
    private final RevenueSettings settings;

    private ReferenceModel(RevenueSettings settings) {
        this.settings = settings;
    }

    static ReferenceModel of(List<CalendlyEvent> events, RevenueSettings settings) {
        ReferenceModel model = new ReferenceModel(settings);
        Map<String, InviteeCreatedEvent> creates = new HashMap<>();
        Set<String> canceledInvitees = new HashSet<>();
        Map<String, InviteeNoShowCreatedEvent> marks = new HashMap<>();
        Set<String> removedMarks = new HashSet<>();
        for (CalendlyEvent event : events) {
            if (event.metadata().test()) {
                continue;
            }
            LocalDate day = day(event);
            if (event instanceof InviteeCreatedEvent) {
                InviteeCreatedEvent create = (InviteeCreatedEvent) event;
                creates.put(create.invitee().uri(), create);
                if (create.invitee().oldInvitee() == null) {
                    model.count(day, 0);
                }
            } else if (event instanceof InviteeCanceledEvent) {
                Invitee invitee = ((InviteeCanceledEvent) event).invitee();
                canceledInvitees.add(invitee.uri());
                model.count(day, invitee.rescheduled() ? 2 : 1);
            } else if (event instanceof InviteeNoShowCreatedEvent) {
                InviteeNoShowCreatedEvent mark = (InviteeNoShowCreatedEvent) event;
                marks.put(mark.noShow().uri(), mark);
            } else if (event instanceof InviteeNoShowDeletedEvent) {
                removedMarks.add(((InviteeNoShowDeletedEvent) event).noShow().uri());
            } else if (event instanceof RoutingFormSubmissionCreatedEvent) {
                model.count(day, 4);
            }
        }
        marks.forEach((uri, mark) -> {
            if (!removedMarks.contains(uri)) {
                model.count(day(mark), 3);
            }
        });
        creates.forEach((uri, create) -> {
            if (!canceledInvitees.contains(uri)) {
                model.count(day(create), 5);
                Invitee invitee = create.invitee();
                BigDecimal value = invitee.payment() != null && invitee.payment().successful()
                        ? invitee.payment().amount()
                        : settings.valueFor(invitee.scheduledEvent().eventType().key());
                model.revenue.merge(day(create), value, BigDecimal::add);
            }
        });
        return model;
    }

    PeriodNumbers allTime() {
        long[] sum = new long[6];
        counts.values().forEach(c -> {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += c[i];
            }
        });
        BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rate = sum[4] == 0 ? null
                : BigDecimal.valueOf(sum[0]).divide(BigDecimal.valueOf(sum[4]), 4, RoundingMode.HALF_UP);
        return new PeriodNumbers(sum[5], sum[0], sum[1], sum[2], sum[3], sum[4], money(total), rate,
                rate == null ? PeriodNumbers.NO_LEADS_REASON : null);
    }

    List<DailyPoint> daily(DateRange range) {
        List<DailyPoint> points = new ArrayList<>();
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            long[] c = counts.getOrDefault(day, new long[6]);
            points.add(new DailyPoint(day, c[0], c[1], c[2], c[3], c[4], c[5],
                    money(revenue.getOrDefault(day, BigDecimal.ZERO))));
        }
        return points;
    }

    private BigDecimal money(BigDecimal amount) {
        return amount.setScale(settings.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    private void count(LocalDate day, int index) {
        counts.computeIfAbsent(day, d -> new long[6])[index]++;
    }

    private static LocalDate day(CalendlyEvent event) {
        return LocalDate.ofInstant(event.metadata().createdAt(), ZoneOffset.UTC);
    }
}
