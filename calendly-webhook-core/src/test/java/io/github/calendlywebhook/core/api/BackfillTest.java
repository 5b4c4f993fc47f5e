package io.github.calendlywebhook.core.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.core.store.StoredEvent;
import io.github.calendlywebhook.core.testing.OutageScenario;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackfillTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    private static final OutageScenario SCENARIO = new OutageScenario(YearMonth.of(2026, 3), 10, "EUR");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T08:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension calendly = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final CalendlyEventParser parser = CalendlyEventParser.create();
    private final InMemoryEventStore store = InMemoryEventStore.builder()
            .retained(InMemoryEventStore.Retained.EVENTS).build();
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private Backfill backfill;

    @BeforeEach
    void setUp() {
        calendly.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/users/me")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(CalendlyFixtures.me())));
        SCENARIO.stubApi(calendly);
        backfill = Backfill.builder(CalendlyFixtures.client(calendly, new CalendlyFixtures.RecordingSleeper()))
                .store(store).auditLog(audit::add).clock(CLOCK).parser(parser).build();
    }

    @Test
    void recoversExactlyWhatLiveDeliveriesWouldHaveStored() {
        InMemoryEventStore live = storeOf(SCENARIO.liveDeliveries());
        deliverLive(SCENARIO.liveDeliveries().subList(0, 2));

        BackfillSummary summary = backfill.run(FROM, TO);

        assertThat(eventsByKey(store)).isEqualTo(eventsByKey(live));
        assertThat(summary).isEqualTo(new BackfillSummary(4, 4, 6, 4, 2, 0));
    }

    @Test
    void changesNothingWhenRunAgain() {
        backfill.run(FROM, TO);
        List<StoredEvent> afterFirst = store.events();

        BackfillSummary second = backfill.run(FROM, TO);

        assertThat(second.stored()).isZero();
        assertThat(second.duplicates()).isEqualTo(6);
        assertThat(store.events()).containsExactlyInAnyOrderElementsOf(afterFirst);
    }

    @Test
    void marksBackfilledEventsAndTheirAuditEntries() {
        deliverLive(SCENARIO.liveDeliveries().subList(0, 1));

        backfill.run(FROM, TO);

        assertThat(store.events()).filteredOn(e -> e.source() == EventSource.BACKFILL).hasSize(5);
        assertThat(audit).hasSize(6).allSatisfy(entry -> assertThat(entry.source()).isEqualTo(EventSource.BACKFILL));
        assertThat(audit).extracting(AuditEntry::action).containsOnly("accepted", "duplicate")
                .filteredOn("duplicate"::equals).hasSize(1);
    }

    @Test
    void reportsProgressAfterEveryScheduledEvent() {
        List<String> progress = new ArrayList<>();

        backfill.run(FROM, TO, (done, total, soFar) -> progress.add(done + "/" + total + ":" + soFar.scanned()));

        assertThat(progress).containsExactly("1/4:1", "2/4:3", "3/4:5", "4/4:6");
    }

    @Test
    void keepsTheRescheduleLinksOfLiveDeliveries() {
        backfill.run(FROM, TO);

        String canceledKey = "invitee.canceled|" + OutageScenario.inviteeUri("E3", "C");
        StoredEvent canceled = store.events().stream().filter(e -> e.key().equals(canceledKey)).findFirst()
                .orElseThrow();
        io.github.calendlywebhook.core.event.Invitee invitee =
                ((io.github.calendlywebhook.core.event.InviteeEvent) canceled.event()).invitee();
        assertThat(invitee.rescheduled()).isTrue();
        assertThat(invitee.newInvitee()).isEqualTo(OutageScenario.inviteeUri("E4", "D"));
    }

    @Test
    void recoversANoShowMarkAsLiveDeliveryWouldHave() {
        String noShow = "{\"uri\":\"https://api.calendly.com/invitee_no_shows/NS1\","
                + "\"created_at\":\"2026-03-10T15:00:00.000000Z\"}";
        String markedApi = SCENARIO.invitee("E1", "A", "active", false, null, null, "null", null)
                .replace("\"no_show\":null", "\"no_show\":" + noShow);
        OutageScenario.invitees(calendly, "E1", markedApi);
        byte[] live = OutageScenario.delivery("invitee_no_show.created", "2026-03-10T15:00:00.000000Z",
                SCENARIO.invitee("E1", "A", "active", false, null, null, "null",
                        SCENARIO.event("E1", "active", null))
                        .replace("\"no_show\":null", "\"no_show\":" + noShow));
        CalendlyEvent expected = parser.parse(live);

        backfill.run(FROM, TO);

        assertThat(eventsByKey(store)).containsEntry(expected.idempotencyKey(), expected);
    }

    @Test
    void stopsAndAuditsWhenTheStoreFails() {
        Backfill failing = Backfill.builder(CalendlyFixtures.client(calendly, new CalendlyFixtures.RecordingSleeper()))
                .store(event -> {
                    throw new StoreUnavailableException("database down");
                }).auditLog(audit::add).clock(CLOCK).build();

        assertThatThrownBy(() -> failing.run(FROM, TO)).isInstanceOf(StoreUnavailableException.class);
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.STORE_UNAVAILABLE);
            assertThat(entry.source()).isEqualTo(EventSource.BACKFILL);
        });
    }

    private InMemoryEventStore storeOf(List<byte[]> bodies) {
        InMemoryEventStore live = InMemoryEventStore.builder().retained(InMemoryEventStore.Retained.EVENTS).build();
        bodies.forEach(body -> live.append(StoredEvent.of(parser.parse(body), body, CLOCK.instant(),
                EventSource.WEBHOOK)));
        return live;
    }

    private void deliverLive(List<byte[]> bodies) {
        bodies.forEach(body -> store.append(StoredEvent.of(parser.parse(body), body, CLOCK.instant(),
                EventSource.WEBHOOK)));
    }

    private static Map<String, CalendlyEvent> eventsByKey(InMemoryEventStore source) {
        return source.events().stream().collect(Collectors.toMap(StoredEvent::key, StoredEvent::event));
    }
}
