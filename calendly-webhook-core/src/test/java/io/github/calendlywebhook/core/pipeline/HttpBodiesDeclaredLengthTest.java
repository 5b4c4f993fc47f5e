package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Reading into an array of the declared length gives what reading without the declaration gives, for
 * honest and dishonest declarations and bodies around the limit, and never reads past limit + 1 bytes.
 */
class HttpBodiesDeclaredLengthTest {

    private static final int LIMIT = 100;

    @Test
    void agreesWithTheUndeclaredReadForEveryDeclaredAndActualLength() throws IOException {
        for (int actual = 0; actual <= LIMIT + 3; actual++) {
            byte[] sent = body(actual);
            for (long declared = -1; declared <= LIMIT + 1; declared++) {
                byte[] expected = HttpBodies.readAtMost(new ByteArrayInputStream(sent), LIMIT);
                byte[] read = HttpBodies.readAtMost(new ByteArrayInputStream(sent), LIMIT, declared);
                assertThat(read).as("actual %d, declared %d", actual, declared).isEqualTo(expected);
            }
        }
    }

    @Test
    void readsNoMoreThanOneByteBeyondTheLimitWhenTheDeclarationIsShort() throws IOException {
        CountingStream in = new CountingStream(body(10 * LIMIT));

        assertThat(HttpBodies.readAtMost(in, LIMIT, 10)).isNull();
        assertThat(in.read).isEqualTo(LIMIT + 1);
    }

    @Test
    void bodyOfTheDeclaredLengthIsReadWhole() throws IOException {
        byte[] sent = body(LIMIT);

        assertThat(HttpBodies.readAtMost(new ByteArrayInputStream(sent), LIMIT, LIMIT)).isEqualTo(sent);
    }

    private static byte[] body(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    /** Counts the bytes handed out. */
    private static final class CountingStream extends InputStream {

        private final ByteArrayInputStream in;
        int read;

        CountingStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
