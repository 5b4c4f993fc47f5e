package io.github.calendlywebhook.benchmarks;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Prints the heap the in-memory store retains after many distinct signed-size {@code invitee.created}
 * deliveries, to show that it stays bounded. Usage:
 * {@code InMemoryStoreFootprint <events|counters|keys> [deliveries, default 1000000] [days, default 1]}, one per
 * JVM: {@code events} keeps every event as the store did before the retention window, {@code counters} is the
 * default, {@code keys} the listener-only mode. The deliveries arrive evenly over the given number of days on
 * a simulated clock, with the default 48-hour window; the retained heap is printed at each quarter.
 */
public final class InMemoryStoreFootprint {

    private static final int BODY_SIZE = 4096;
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private InMemoryStoreFootprint() {
    }

    /**
     * Fills one store and prints what it retains.
     *
     * @param args what the store keeps, the number of deliveries and the days they arrive over
     */
    public static void main(String[] args) {
        InMemoryEventStore.Retained retained = InMemoryEventStore.Retained.valueOf(
                args.length > 0 ? args[0].toUpperCase(java.util.Locale.ROOT) : "COUNTERS");
        int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double days = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        long stepNanos = (long) (days * 86_400e9 / deliveries);
        SteppedClock clock = new SteppedClock();
        CalendlyEventParser parser = CalendlyEventParser.create();
        long before = usedHeap();
        InMemoryEventStore store = InMemoryEventStore.builder().clock(clock).retained(retained).build();
        for (int i = 0; i < deliveries; i++) {
            byte[] body = Payloads.inviteeCreated(BODY_SIZE, i);
            store.append(StoredEvent.of(parser.parse(body), body, clock.instant(), EventSource.WEBHOOK));
            clock.nanos += stepNanos;
            if ((i + 1) % (deliveries / 4) == 0) {
                long retainedBytes = usedHeap() - before;
                System.out.printf("%s after %,d deliveries over %.2f days: %d MiB retained, %,d keys, %,d states%n",
                        retained.name().toLowerCase(java.util.Locale.ROOT), i + 1, days * (i + 1) / deliveries,
                        retainedBytes / (1024 * 1024), store.size(), store.keptStates());
            }
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** A clock the loop moves forward by a fixed step per delivery. */
    private static final class SteppedClock extends Clock {

        private long nanos;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return START.plusNanos(nanos);
        }
    }
}
