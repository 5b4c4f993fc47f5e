package io.github.calendlywebhook.benchmarks;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.MetricsSummary;
import io.github.calendlywebhook.core.metrics.Period;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dashboard summary reads on a store holding 10^3, 10^5 and 10^6 events; the numbers come from
 * maintained counters, so the time must not grow with the event count. The bulk of the events is
 * written with set-based SQL straight into the store's tables (appending a million events one by one
 * would take hours on a durable database), then a few through the store itself, so the counters are the
 * store's own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class StoreReadBenchmark {

    /** The database: {@code h2} (file) or {@code postgres} (embedded server). */
    @Param({"h2", "postgres"})
    public String database;

    /** How many events the store holds. */
    @Param({"1000", "100000", "1000000"})
    public int events;

    private Database db;
    private DashboardMetrics metrics;

    /**
     * Seeds the store and builds the dashboard metrics on it.
     *
     * @throws SQLException when the database refuses
     */
    @Setup
    public void setUp() throws SQLException {
        db = Database.start(database);
        ProjectingEventStore store = ProjectingEventStore.jdbc(db.dataSource());
        Instant now = Instant.ofEpochSecond(Payloads.TIMESTAMP);
        CalendlyEventParser parser = CalendlyEventParser.create();
        int throughStore = Math.min(events, 10);
        for (int i = 0; i < throughStore; i++) {
            byte[] body = Payloads.inviteeCreated(1024, i);
            if (store.append(StoredEvent.of(parser.parse(body), body, now, EventSource.WEBHOOK)) != AppendResult.STORED) {
                throw new IllegalStateException("seed event " + i + " was not stored");
            }
        }
        StoreSeeder.seed(db, events - throughStore, now);
        metrics = DashboardMetrics.create(store, RevenueSettingsStore.inMemory(RevenueSettings.ofDefaults()),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Stops the database. */
    @TearDown
    public void tearDown() {
        db.close();
    }

    /**
     * Reads the numbers of the last 30 days and the 30 before.
     *
     * @return the summary
     */
    @Benchmark
    public MetricsSummary summaryLast30Days() {
        return metrics.summary(Period.LAST_30_DAYS);
    }

    /**
     * Reads the all-time numbers.
     *
     * @return the summary
     */
    @Benchmark
    public MetricsSummary summaryAllTime() {
        return metrics.summary(Period.ALL_TIME);
    }
}
