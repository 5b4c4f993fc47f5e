package io.github.calendlywebhook.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.benchmarks.H2Chunks.Mode;
import io.github.calendlywebhook.benchmarks.H2Chunks.Result;
import io.github.calendlywebhook.benchmarks.H2Chunks.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chunk measurement on small numbers; nothing here is timed. */
class H2ChunksTest {

    private static final int COMMITS = 3_000;

    @Test
    void onWriteDelay0EveryCommitKeepsItsChunkEvenWhenIdle() throws Exception {
        Result result = H2Chunks.run(Mode.DELAY_0, COMMITS, 1, 2);

        assertThat(last(result.booking()).chunks()).isGreaterThan(COMMITS * 9L / 10);
        assertThat(last(result.idle()).chunks()).isEqualTo(last(result.booking()).chunks());
        assertThat(last(result.booking()).bytesPerCommit()).isGreaterThan(4096L);
    }

    @Test
    void withTheBackgroundWriterAnIdleDatabaseCompactsItsChunks() throws Exception {
        Result result = H2Chunks.run(Mode.CHECKPOINT, COMMITS, 1, 15);

        assertThat(result.idle()).extracting(Sample::chunks)
                .anySatisfy(chunks -> assertThat(chunks).isLessThan(last(result.booking()).chunks() / 2));
    }

    @Test
    void keysInOrderWriteLessPerCommitThanRandomOnes() throws Exception {
        Sample random = last(H2Chunks.run(Mode.DELAY_0, COMMITS * 6, 6, 0).booking());
        Sample ordered = last(H2Chunks.run(Mode.ORDERED, COMMITS * 6, 6, 0).booking());

        assertThat(ordered.bytesPerCommit()).isLessThan(random.bytesPerCommit());
    }

    private static Sample last(List<Sample> samples) {
        assertThat(samples).isNotEmpty();
        return samples.get(samples.size() - 1);
    }
}
