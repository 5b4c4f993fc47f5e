package io.github.calendlywebhook.test;

import static io.github.calendlywebhook.test.EventFixtures.canceled;
import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.noShowCreated;
import static io.github.calendlywebhook.test.EventFixtures.noShowDeleted;
import static io.github.calendlywebhook.test.EventFixtures.paidCreated;
import static io.github.calendlywebhook.test.EventFixtures.rescheduledCancel;
import static io.github.calendlywebhook.test.EventFixtures.rescheduledCreate;
import static io.github.calendlywebhook.test.EventFixtures.routingFormSubmission;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static io.github.calendlywebhook.test.EventFixtures.testCreated;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A reproducible random load: bookings, cancellations, reschedule pairs, no-show marks and removals,
 * routing form leads and test bookings over 30 days, 30 % of the deliveries repeated, all shuffled so
 * that cancels and removals often arrive before what they undo.
 */
public final class ShuffledLoad {

    /** The 30 days the events fall in, ending on the day of {@link EventStoreComplianceTest#NOW}. */
    public static final DateRange RANGE = new DateRange(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 3, 15));

    private static final String[] TYPES = {"intro", "strategy", "audit", "coaching", "review"};

    private final List<CalendlyEvent> unique = new ArrayList<>();
    private final List<StoredEvent> deliveries = new ArrayList<>();

    /**
     * Generates the load.
     *
     * @param seed the random seed
     * @param deliveryCount the number of deliveries, duplicates included
     */
    public ShuffledLoad(long seed, int deliveryCount) {
        Random random = new Random(seed);
        int uniqueCount = (int) Math.round(deliveryCount * 0.7);
        for (int n = 0; unique.size() < uniqueCount; n++) {
            addInvitee(random, n);
        }
        unique.subList(uniqueCount, unique.size()).clear();
        unique.forEach(event -> deliveries.add(stored(event)));
        while (deliveries.size() < deliveryCount) {
            deliveries.add(stored(unique.get(random.nextInt(unique.size()))));
        }
        Collections.shuffle(deliveries, random);
    }

    private void addInvitee(Random random, int n) {
        String invitee = "i" + n;
        String type = TYPES[random.nextInt(TYPES.length)];
        Instant bookedAt = ProjectingEventStoreComplianceTest.NOW.minus(Duration.ofMinutes(60 + random.nextInt(29 * 24 * 60)));
        Instant later = bookedAt.plus(Duration.ofMinutes(random.nextInt(60)));
        double kind = random.nextDouble();
        if (kind < 0.05) {
            unique.add(testCreated(invitee, type, bookedAt));
        } else if (kind < 0.25) {
            unique.add(paidCreated(invitee, type, bookedAt, (50 + random.nextInt(200)) + ".25", random.nextDouble() < 0.8));
        } else {
            unique.add(created(invitee, type, bookedAt));
        }
        double fate = random.nextDouble();
        if (fate < 0.15) {
            unique.add(canceled(invitee, type, later));
        } else if (fate < 0.3) {
            unique.add(rescheduledCancel(invitee, invitee + "r", type, later));
            unique.add(rescheduledCreate(invitee + "r", invitee, type, later));
        } else if (fate < 0.4) {
            unique.add(noShowCreated("ns" + n, invitee, type, later));
            if (random.nextBoolean()) {
                unique.add(noShowDeleted("ns" + n, invitee, type, later.plus(Duration.ofMinutes(5))));
            }
        }
        if (random.nextDouble() < 0.3) {
            unique.add(routingFormSubmission("rf" + n, bookedAt.minus(Duration.ofMinutes(10))));
        }
    }

    /** Returns every distinct event once. */
    public List<CalendlyEvent> uniqueEvents() {
        return Collections.unmodifiableList(unique);
    }

    /** Returns the deliveries in their shuffled order. */
    public List<StoredEvent> deliveries() {
        return Collections.unmodifiableList(deliveries);
    }

    /** Returns a decoder that turns the fixtures' placeholder bodies back into the events. */
    public static Function<byte[], CalendlyEvent> decoder(List<StoredEvent> deliveries) {
        Map<String, CalendlyEvent> byBody = new HashMap<>();
        deliveries.forEach(delivery -> byBody.put(new String(delivery.body(), StandardCharsets.UTF_8), delivery.event()));
        return body -> {
            CalendlyEvent event = byBody.get(new String(body, StandardCharsets.UTF_8));
            if (event == null) {
                throw new IllegalArgumentException("unknown body");
            }
            return event;
        };
    }

    /**
     * Delivers everything from several threads at once, each taking every n-th delivery.
     *
     * @param store the store
     * @param threads the number of threads
     * @return how many appends answered {@link AppendResult#STORED}
     * @throws Exception when a delivery failed
     */
    public long deliverConcurrently(EventStore store, int threads) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                results.add(executor.submit(() -> {
                    start.await();
                    long stored = 0;
                    for (int i = first; i < deliveries.size(); i += threads) {
                        if (store.append(deliveries.get(i)) == AppendResult.STORED) {
                            stored++;
                        }
                    }
                    return stored;
                }));
            }
            start.countDown();
            long stored = 0;
            for (Future<Long> result : results) {
                stored += result.get();
            }
            return stored;
        } finally {
            executor.shutdownNow();
        }
    }
}
