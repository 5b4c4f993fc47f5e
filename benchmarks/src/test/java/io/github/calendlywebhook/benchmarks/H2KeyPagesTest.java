package io.github.calendlywebhook.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key-page measurement on small numbers; nothing here is timed. */
class H2KeyPagesTest {

    @Test
    void everyCommitWritesMoreThanItsBodiesAndDigestKeysWriteLessThanTexts() throws Exception {
        H2KeyPages.Result text = H2KeyPages.run(false, 3_000, 6);
        H2KeyPages.Result digest = H2KeyPages.run(true, 3_000, 6);

        assertThat(text.bytesPerCommit()).isGreaterThan(6 * 4096L);
        assertThat(digest.bytesPerCommit()).isGreaterThan(6 * 4096L).isLessThan(text.bytesPerCommit());
        assertThat(text.perSecond()).isPositive();
        assertThat(digest.perSecond()).isPositive();
    }
}
