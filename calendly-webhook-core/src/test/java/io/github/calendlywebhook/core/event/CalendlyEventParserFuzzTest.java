package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.SignedPayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random mutations of real envelopes: the parser answers with an event or a malformed payload, nothing else. */
class CalendlyEventParserFuzzTest {

    private static final long SEED = 0xCA1E_0D1AL;
    private static final String[] FRAGMENTS = {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "1e309", "-0", "1.5E-400",
        "\"event\"", "\"payload\"", "\"uri\"", "\"invitee\"", "\"no_show\"", "\"amount\"", "\u00e9", "\u0000", "\uFEFF",
    };

    private final CalendlyEventParser parser = CalendlyEventParser.create(4096);

    @Test
    void mutatedEnvelopesOnlyEverFailAsMalformed() {
        Random random = new Random(SEED);
        List<byte[]> seeds = List.of(SignedPayloads.seedInviteeCreated(), SignedPayloads.seedCurlInviteeCreated(),
                SignedPayloads.inviteeCreated(), SignedPayloads.inviteeCanceled(), SignedPayloads.inviteeNoShowCreated(),
                SignedPayloads.routingFormSubmissionCreated(), SignedPayloads.unknownEvent());
        List<Throwable> unexpected = new ArrayList<>();
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] body = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                assertThat(parser.parse(body).idempotencyKey()).isNotBlank();
                parsed++;
            } catch (MalformedPayloadException e) {
                rejected++;
            } catch (RuntimeException | AssertionError e) {
                unexpected.add(e);
            }
        }

        assertThat(unexpected).isEmpty();
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] body = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int kind = random.nextInt(4);
            if (kind == 0 && body.length > 0) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            } else if (kind == 1 && body.length > 1) {
                int from = random.nextInt(body.length);
                int to = Math.min(body.length, from + 1 + random.nextInt(40));
                body = concat(slice(body, 0, from), slice(body, to, body.length));
            } else if (kind == 2) {
                int at = random.nextInt(body.length + 1);
                byte[] insert = FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                body = concat(concat(slice(body, 0, at), insert), slice(body, at, body.length));
            } else {
                body = slice(body, 0, random.nextInt(body.length + 1));
            }
        }
        return body;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
