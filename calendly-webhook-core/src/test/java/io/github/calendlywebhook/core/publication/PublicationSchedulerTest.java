package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.test.SignedPayloads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduling wrapper on real threads: it resubmits at start and keeps running due publications. */
class PublicationSchedulerTest {

    @Test
    void resubmitsWhatThisInstanceHeldAtStartAndRetriesUntilTheListenerReturns() throws InterruptedException {
        InMemoryPublicationRegistry registry = new InMemoryPublicationRegistry();
        ListenerSettings settings = ListenerSettings.builder().instanceId("node-1").firstRetry(Duration.ofMillis(20))
                .maxRetryDelay(Duration.ofMillis(20)).pollInterval(Duration.ofMillis(10)).build();
        CalendlyEvent event = CalendlyEventParser.create().parse(SignedPayloads.inviteeCreated());
        Instant claimedBeforeTheRestart = Instant.now().minusSeconds(1);
        registry.create(event, new NewPublications(List.of("crm"), "node-1", claimedBeforeTheRestart,
                claimedBeforeTheRestart.plus(settings.lease())));
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(1);
        CalendlyEventListener crm = new CalendlyEventListener() {
            @Override
            public void onEvent(CalendlyEvent received, ListenerContext context) {
                attempts.add(context.attempt());
                if (context.attempt() < 3) {
                    throw new IllegalStateException("CRM unavailable");
                }
                completed.countDown();
            }
        };
        ListenerDispatcher dispatcher = ListenerDispatcher.builder(registry, settings).listener("crm", crm).build();

        PublicationScheduler scheduler = PublicationScheduler.start(dispatcher);
        try {
            assertThat(completed.await(1, TimeUnit.MINUTES)).as("the listener returned").isTrue();
        } finally {
            scheduler.close();
        }

        assertThat(attempts).containsExactly(2, 3);
        assertThat(registry.counts()).isEqualTo(PublicationCounts.NONE);
    }
}
