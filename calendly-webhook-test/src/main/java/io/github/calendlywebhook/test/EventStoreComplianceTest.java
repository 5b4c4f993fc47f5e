package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventStore} must have, whatever it keeps besides: an append is idempotent by
 * the event's key, also when copies of one delivery arrive at once, and keeps bodies of any size the
 * processor accepts. Subclasses supply a fresh, empty store; a store that also maintains the dashboard
 * numbers extends {@link ProjectingEventStoreComplianceTest} instead.
 */
public abstract class EventStoreComplianceTest {

    /** The fixed "now" of every scenario. */
    protected static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    /** Returns a new, empty store. */
    protected abstract EventStore newEventStore();

    @Test
    void storesANewEventAndReportsItsRedeliveryAsDuplicate() {
        EventStore store = newEventStore();
        StoredEvent delivery = EventFixtures.stored(EventFixtures.created("a", "intro", NOW));

        AppendResult first = store.append(delivery);
        AppendResult second = store.append(delivery);

        assertThat(first).isEqualTo(AppendResult.STORED);
        assertThat(second).isEqualTo(AppendResult.DUPLICATE);
    }

    @Test
    void storesEventsWithDifferentKeysSeparately() {
        EventStore store = newEventStore();

        AppendResult created = store.append(EventFixtures.stored(EventFixtures.created("a", "intro", NOW)));
        AppendResult canceled = store.append(EventFixtures.stored(EventFixtures.canceled("a", "intro", NOW)));
        AppendResult other = store.append(EventFixtures.stored(EventFixtures.created("b", "intro", NOW)));

        assertThat(List.of(created, canceled, other)).containsOnly(AppendResult.STORED);
    }

    @Test
    void storesABodyOfOneMebibyte() {
        EventStore store = newEventStore();
        CalendlyEvent event = EventFixtures.created("a", "intro", NOW);
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) 'x');

        AppendResult result = store.append(StoredEvent.of(event, body, NOW, EventSource.WEBHOOK));

        assertThat(result).isEqualTo(AppendResult.STORED);
    }

    @Test
    void storesOneOfManyConcurrentCopiesOfADelivery() throws Exception {
        EventStore store = newEventStore();

        List<AppendResult> results = appendConcurrently(store,
                EventFixtures.stored(EventFixtures.created("a", "intro", NOW)), 8);

        assertThat(results).containsOnlyOnce(AppendResult.STORED).hasSize(8);
    }

    /**
     * Appends copies of one delivery from as many threads at once and returns every answer.
     *
     * @param store the store
     * @param delivery the delivery
     * @param copies the number of copies and threads
     * @return the answers
     * @throws Exception when an append failed
     */
    protected static List<AppendResult> appendConcurrently(EventStore store, StoredEvent delivery, int copies)
            throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(copies);
        try {
            List<Callable<AppendResult>> tasks = Collections.nCopies(copies, () -> store.append(delivery));
            List<AppendResult> results = new ArrayList<>();
            for (Future<AppendResult> result : executor.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
