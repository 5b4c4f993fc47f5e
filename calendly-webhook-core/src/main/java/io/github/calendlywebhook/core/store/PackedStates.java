package io.github.calendlywebhook.core.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Packs what the projection reads of an invitee or no-show state into one {@code long}: the day in the
 * low 32 bits, the event type as an index into a list of the distinct type keys in the next 24, flags
 * in the top 8. Names, e-mail addresses and times are not packed: only the recent-bookings list shows
 * them ({@link RecentDetails}). Not thread-safe; callers serialize access.
 */
final class PackedStates {

    private static final int CREATED = 1;
    private static final int CANCELED_OR_DELETED = 2;
    private static final int RESCHEDULED = 4;
    private static final int NO_SHOW = 8;
    private static final int TEST = 16;
    private static final int HAS_DAY = 32;
    private static final int MAX_TYPES = (1 << 24) - 1;

    private final ZoneId zone;
    private final List<String> types = new ArrayList<>();
    private final Map<String, Integer> typeNumbers = new HashMap<>();

    PackedStates(ZoneId zone) {
        this.zone = zone;
    }

    long pack(InviteeState state) {
        int flags = (state.created() ? CREATED : 0) | (state.canceled() ? CANCELED_OR_DELETED : 0)
                | (state.rescheduled() ? RESCHEDULED : 0) | (state.noShow() ? NO_SHOW : 0) | (state.test() ? TEST : 0);
        return pack(flags, state.bookingDay(), state.eventTypeKey());
    }

    long pack(NoShowState state) {
        int flags = (state.created() ? CREATED : 0) | (state.deleted() ? CANCELED_OR_DELETED : 0)
                | (state.test() ? TEST : 0);
        return pack(flags, state.day(), state.eventTypeKey());
    }

    /**
     * Unpacks an invitee's state without its details. A created invitee's booking time, which the
     * projection never reads, is given as the start of its booking day.
     */
    InviteeState invitee(String uri, long packed, @Nullable BigDecimal paidAmount) {
        int flags = flags(packed);
        LocalDate day = day(packed);
        boolean created = (flags & CREATED) != 0;
        return new InviteeState(uri, created, (flags & CANCELED_OR_DELETED) != 0, (flags & RESCHEDULED) != 0,
                (flags & NO_SHOW) != 0, day, type(packed), null, paidAmount, (flags & TEST) != 0, null, null, null,
                created && day != null ? day.atStartOfDay(zone).toInstant() : null);
    }

    NoShowState noShow(String uri, String inviteeUri, long packed) {
        int flags = flags(packed);
        return new NoShowState(uri, inviteeUri, (flags & CREATED) != 0, (flags & CANCELED_OR_DELETED) != 0,
                day(packed), type(packed), (flags & TEST) != 0);
    }

    private long pack(int flags, @Nullable LocalDate day, @Nullable String typeKey) {
        long epochDay = 0;
        if (day != null) {
            flags |= HAS_DAY;
            epochDay = day.toEpochDay();
            if (epochDay != (int) epochDay) {
                throw new IllegalArgumentException("day out of the in-memory store's range: " + day);
            }
        }
        long type = typeKey == null ? 0 : typeNumber(typeKey) + 1L;
        return ((long) flags << 56) | (type << 32) | (epochDay & 0xFFFF_FFFFL);
    }

    private int typeNumber(String typeKey) {
        Integer known = typeNumbers.get(typeKey);
        if (known != null) {
            return known;
        }
        if (types.size() == MAX_TYPES) {
            throw new IllegalStateException("the in-memory store holds at most " + MAX_TYPES + " event types");
        }
        types.add(typeKey);
        typeNumbers.put(typeKey, types.size() - 1);
        return types.size() - 1;
    }

    private static int flags(long packed) {
        return (int) (packed >>> 56);
    }

    private static @Nullable LocalDate day(long packed) {
        return (flags(packed) & HAS_DAY) == 0 ? null : LocalDate.ofEpochDay((int) packed);
    }

    private @Nullable String type(long packed) {
        int type = (int) ((packed >>> 32) & 0xFF_FFFF);
        return type == 0 ? null : types.get(type - 1);
    }
}
