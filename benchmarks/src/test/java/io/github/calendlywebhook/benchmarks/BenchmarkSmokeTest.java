package io.github.calendlywebhook.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark for one very short iteration in this JVM, so the build proves they still set up,
 * run and produce a score. Nothing here is timed: the numbers come from the shaded jar.
 */
class BenchmarkSmokeTest {

    @Test
    void signatureBenchmarksProduceAScoreForEveryVerifier() throws RunnerException {
        Collection<RunResult> results = run(options(SignatureBenchmark.class).param("size", "1024"));

        assertThat(methods(results)).containsExactlyInAnyOrder("floorHmac", "library", "stripe", "svix",
                "handWritten");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void processorBenchmarksProduceAScoreForNewAndDuplicateDeliveriesAndTheFloor() throws RunnerException {
        Collection<RunResult> results = run(options(ProcessorBenchmark.class).param("size", "1024"));

        assertThat(methods(results)).containsExactlyInAnyOrder("processNew", "processDuplicate", "parseOnly",
                "floorHmacAndReadTree");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void rateLimiterBenchmarksProduceAScoreForBothLimiters() throws RunnerException {
        Collection<RunResult> results = run(options(RateLimiterBenchmark.class).param("keys", "1000"));

        assertThat(methods(results)).containsExactlyInAnyOrder("library", "bucket4j");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void storeAppendBenchmarksProduceAScoreOnH2AndPostgres() throws RunnerException {
        Collection<RunResult> results = run(options(StoreAppendBenchmark.class).param("prepared", "500"));

        assertThat(methods(results)).containsExactlyInAnyOrder("libraryAppend", "plainInsertCommit",
                "libraryAppendConcurrent", "plainInsertCommitConcurrent", "libraryRedelivery");
        assertThat(results).hasSize(15)
                .allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void storeReadBenchmarksProduceAScoreOnH2AndPostgres() throws RunnerException {
        Collection<RunResult> results = run(options(StoreReadBenchmark.class).param("events", "1000"));

        assertThat(methods(results)).containsExactlyInAnyOrder("summaryLast30Days", "summaryAllTime");
        assertThat(results).hasSize(4)
                .allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    private static ChainedOptionsBuilder options(Class<?> benchmark) {
        return new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .threads(1)
                .forks(0)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static Set<String> methods(Collection<RunResult> results) {
        return results.stream()
                .map(result -> result.getParams().getBenchmark())
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .collect(Collectors.toSet());
    }
}
