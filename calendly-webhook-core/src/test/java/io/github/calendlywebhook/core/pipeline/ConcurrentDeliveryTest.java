package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.test.SignedPayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Eight threads deliver the same events at once through the in-memory store. */
class ConcurrentDeliveryTest {

    private static final int THREADS = 8;
    private static final int EVENTS = 200;

    @Test
    void storesEachEventExactlyOnceAndCallsListenersOnce() throws Exception {
        ProcessorFixture fixture = new ProcessorFixture();
        Map<String, AtomicInteger> listenerCalls = new ConcurrentHashMap<>();
        WebhookProcessor processor = fixture.builder(ProcessorSettings.withoutRateLimit())
                .listener(new CalendlyEventListener() {
                    @Override
                    public void onEvent(CalendlyEvent event) {
                        listenerCalls.computeIfAbsent(event.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }).build();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            bodies.add(SignedPayloads.inviteeCreated());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                for (byte[] body : bodies) {
                    statuses.add(processor.process(Requests.signed(body).build()).status());
                }
                return statuses;
            }));
        }

        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> f : results) {
            statuses.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).hasSize(THREADS * EVENTS).containsOnly(200);
        assertThat(fixture.store.size()).isEqualTo(EVENTS);
        assertThat(fixture.deliveries).filteredOn(d -> d.outcome() == Outcome.ACCEPTED).hasSize(EVENTS);
        assertThat(fixture.deliveries).filteredOn(d -> d.outcome() == Outcome.DUPLICATE).hasSize((THREADS - 1) * EVENTS);
        assertThat(listenerCalls).hasSize(EVENTS);
        assertThat(listenerCalls.values()).allSatisfy(calls -> assertThat(calls).hasValue(1));
    }
}
