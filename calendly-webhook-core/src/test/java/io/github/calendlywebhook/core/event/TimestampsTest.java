package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written reader of Calendly's timestamp shape gives what the JDK's ISO formatters give. */
class TimestampsTest {

    @Test
    void readsCalendlysShapeAsTheFormattersDo() {
        String text = "2026-11-20T10:00:00.000000Z";

        assertThat(Timestamps.parseCommon(text)).isEqualTo(Instant.parse(text));
    }

    @Test
    void agreesWithTheFormattersOnEveryFractionLength() {
        for (int digits = 0; digits <= 10; digits++) {
            String text = "2026-03-05T07:08:09" + (digits == 0 ? "" : "." + "123456789012".substring(0, digits)) + "Z";
            assertAgrees(text);
            assertAgrees(text.substring(0, text.length() - 1) + "+02:00");
        }
        assertAgrees("2026-03-05T07:08:09.Z");
    }

    @Test
    void leavesOtherShapesToTheFormattersAndAgreesWithThem() {
        List<String> texts = List.of("2026-11-20t10:00:00Z", "2026-11-20T10:00:00z", "2026-11-20T10:00:00+01:00",
                "2026-11-20T10:00:00.5-05:30", "2026-11-20T10:00:00+00:00", "2026-11-20 10:00:00Z",
                "2026-11-20T10:00Z", "+2026-11-20T10:00:00Z", "12026-11-20T10:00:00Z", "-0001-11-20T10:00:00Z",
                "2026-11-20T24:00:00Z", "2026-11-20T23:60:00Z", "2016-12-31T23:59:60Z", "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z",
                "2100-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.9Z", "1970-01-01T00:00:00Z",
                "2026-11-20T10:00:00.000000ZZ", "2026-11-20T10:00:00,5Z", "2026-11-20T10:00:0aZ",
                "2026-\u0661\u0661-20T10:00:00Z", "", "Z", "2026-11-20T10:00:00.-1Z", "2026-11-20T10:00:00.+1Z");
        for (String text : texts) {
            assertAgrees(text);
        }
    }

    @Test
    void agreesWithTheFormattersOnRandomDatesIncludingInvalidDays() {
        Random random = new Random(5);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int year = random.nextInt(4) == 0 ? random.nextInt(10_000) : 1896 + random.nextInt(510);
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, random.nextInt(14), random.nextInt(33),
                    random.nextInt(26), random.nextInt(62), random.nextInt(62));
            int digits = random.nextInt(11);
            if (digits > 0) {
                text += "." + String.format("%010d", random.nextLong() & Long.MAX_VALUE).substring(0, digits);
            }
            texts.add(text + "Z");
        }
        int fast = 0;
        for (String text : texts) {
            assertAgrees(text);
            fast += Timestamps.parseCommon(text) == null ? 0 : 1;
        }
        assertThat(fast).isGreaterThan(1_000);
    }

    @Test
    void textLongerThanSixtyFourCharactersReadsAsAbsent() {
        assertThat(Timestamps.parse("2026-11-20T10:00:00." + "0".repeat(44) + "Z")).isNull();
    }

    private static void assertAgrees(String text) {
        Instant expected = Timestamps.parseWithFormatters(text);
        Instant fast = Timestamps.parseCommon(text);
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(expected);
        }
        assertThat(Timestamps.parse(text)).as(text).isEqualTo(expected);
    }
}
