package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.calendlywebhook.test.SignedPayloads;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser reads well-formed bodies straight from their bytes; everything else takes the text path
 * (strict decode, then Jackson over characters). Both paths give the same event, and the same error.
 */
class ParserBytePathTest {

    private static final String[] FRAGMENTS = {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "1e309", "-0", "1.5E-400",
        "\"event\"", "\"payload\"", "\"uri\"", "\u00e9", "\u0000", "\uFEFF", "\u2003", " ", "\u001c", "\n",
        "\"created_at\":\"2026-02-29T00:00:00Z\"", "\"amount\":12.50", "\"uri\":\"x\",", "\"email\":null,",
    };

    private final CalendlyEventParser parser = CalendlyEventParser.create(4096);

    @Test
    void bothPathsAgreeOnMutatedEnvelopes() {
        Random random = new Random(99);
        List<byte[]> seeds = List.of(SignedPayloads.seedInviteeCreated(), SignedPayloads.inviteeCreated(),
                SignedPayloads.inviteeCanceled(), SignedPayloads.inviteeNoShowCreated(),
                SignedPayloads.routingFormSubmissionCreated(), SignedPayloads.unknownEvent());
        int viaBytes = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] body = mutate(seeds.get(random.nextInt(seeds.size())), random);
            viaBytes += assertAgrees(body) ? 1 : 0;
        }
        assertThat(viaBytes).isGreaterThan(1_000);
    }

    @Test
    void bodyWithByteOrderMarkAndLeadingWhitespaceIsReadFromBytes() {
        byte[] body = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, ' ', '\n'}, SignedPayloads.inviteeCreated());

        assertThat(parser.readTreeFromBytes(body)).isNotNull();
        assertThat(assertAgrees(body)).isTrue();
    }

    @Test
    void unknownEventKeepsTheWholeBodyIncludingTheByteOrderMark() {
        byte[] body = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                "{\"event\":\"contact.created\",\"payload\":{\"name\":\"Zo\u00eb\"}}".getBytes(StandardCharsets.UTF_8));

        UnknownEvent event = (UnknownEvent) parser.parse(body);

        assertThat(event.rawJson()).isEqualTo("\uFEFF{\"event\":\"contact.created\",\"payload\":{\"name\":\"Zo\u00eb\"}}");
    }

    @Test
    void zeroBytesAmongTheFirstFourTakeTheTextPathSoTheyAreNeverReadAsUtf16() {
        byte[] body = {'{', 0, '}', 0};

        assertThat(parser.readTreeFromBytes(body)).isNull();
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("body is not valid JSON");
    }

    @Test
    void bodyOfUnicodeWhitespaceOnlyIsEmptyAsBefore() {
        byte[] body = "\u2003\u3000 ".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.readTreeFromBytes(body)).isNull();
        assertThatThrownBy(() -> parser.parse(body)).hasMessage("body is empty");
    }

    @Test
    void jsonErrorAfterNonAsciiTextReportsTheColumnInCharacters() {
        byte[] body = "{\"event\":\"\u65e5\u672c\u8a9e\" \"x\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body)).hasMessage(message(() -> parser.readTreeFromText(body)));
    }

    @Test
    void duplicateKeysAreRejectedAsBeforeWhereverTheyAre() {
        List<String> bodies = List.of("{\"event\":\"a\",\"event\":\"b\",\"payload\":{}}",
                "{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"u\",\"uri\":\"u\"}}",
                "{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"u\",\"x\":[{\"a\":null,\"a\":null}]}}",
                "{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"u\",\"t\":{\"k\":{},\"k\":1}}}");
        for (String text : bodies) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            assertThat(parser.readTreeFromBytes(body)).as(text).isNull();
            assertThatThrownBy(() -> parser.parse(body)).as(text).isInstanceOf(MalformedPayloadException.class)
                    .hasMessage(message(() -> parser.readTreeFromText(body)));
        }
    }

    @Test
    void eventNameCheckAgreesWithThePattern() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
        Random random = new Random(3);
        String alphabet = "azAZ09_.:-/ \u00e9\u0661!";
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(10) == 0 ? 195 + random.nextInt(10) : random.nextInt(12);
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < length; c++) {
                name.append(random.nextInt(8) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : 'a');
            }
            assertThat(CalendlyEventParser.isEventName(name.toString())).as(name.toString())
                    .isEqualTo(pattern.matcher(name).matches());
        }
    }

    /** Returns whether the body was read from its bytes; asserts that the result equals the text path's. */
    private boolean assertAgrees(byte[] body) {
        Object expected = outcome(() -> parser.read(parser.readTreeFromText(body), body));
        JsonNode tree = parser.readTreeFromBytes(body);
        if (tree != null) {
            assertThat(tree).isEqualTo(parser.readTreeFromText(body));
            assertThat(outcome(() -> parser.read(tree, body))).isEqualTo(expected);
        }
        assertThat(outcome(() -> parser.parse(body))).isEqualTo(expected);
        return tree != null;
    }

    private static Object outcome(java.util.function.Supplier<Object> parse) {
        try {
            return parse.get();
        } catch (MalformedPayloadException e) {
            return "malformed: " + e.getMessage();
        }
    }

    private static String message(Runnable parse) {
        try {
            parse.run();
            return "no error";
        } catch (MalformedPayloadException e) {
            return e.getMessage();
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] body = original.clone();
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int kind = random.nextInt(4);
            if (kind == 0 && body.length > 0) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            } else if (kind == 1 && body.length > 1) {
                int from = random.nextInt(body.length);
                int to = Math.min(body.length, from + 1 + random.nextInt(40));
                body = concat(Arrays.copyOfRange(body, 0, from), Arrays.copyOfRange(body, to, body.length));
            } else if (kind == 2) {
                int at = random.nextInt(body.length + 1);
                byte[] insert = FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8);
                body = concat(concat(Arrays.copyOfRange(body, 0, at), insert), Arrays.copyOfRange(body, at, body.length));
            } else {
                body = Arrays.copyOfRange(body, 0, random.nextInt(body.length + 1));
            }
        }
        return body;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
