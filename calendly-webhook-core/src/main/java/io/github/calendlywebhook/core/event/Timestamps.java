package io.github.calendlywebhook.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 3339 timestamps. The shape Calendly sends, {@code 2026-11-20T10:00:00.000000Z} (a four-digit
 * year, an upper-case {@code T} and {@code Z}, zero to nine fraction digits), is read by hand; anything
 * else goes to {@link Instant#parse} and then {@link OffsetDateTime#parse}, whose results the hand-read
 * shape reproduces exactly (the JDK's formatters are several times slower than the rest of a delivery).
 */
final class Timestamps {

    private static final int MAX_LENGTH = 64;
    private static final int SHORTEST = "0000-00-00T00:00:00Z".length();
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int DAYS_0000_TO_1970 = 719_528;
    private static final int[] NANO_SCALE = {
        1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1,
    };

    private Timestamps() {
    }

    /** Returns the instant, or {@code null} when the text is not an RFC 3339 date-time. */
    static @Nullable Instant parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        Instant fast = parseCommon(text);
        return fast != null ? fast : parseWithFormatters(text);
    }

    /** The general path: the JDK's ISO formatters. */
    static @Nullable Instant parseWithFormatters(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Reads {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; returns {@code null} for any other text. */
    static @Nullable Instant parseCommon(String s) {
        int length = s.length();
        if (length < SHORTEST || s.charAt(length - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - SHORTEST - 1;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANO_SCALE[fractionDigits];
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Returns the value of {@code count} ASCII digits, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days from 1970-01-01 to the date, proleptic Gregorian, for years 0 to 9999. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= isLeap(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }
}
