package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place UTF-8 checks agree with the JDK's strict decoder and with a byte-by-byte ASCII test. */
class Utf8Test {

    @Test
    void agreesWithTheDecoderOnEveryOneAndTwoByteSequence() {
        int disagreements = 0;
        for (int a = 0; a < 256; a++) {
            disagreements += agrees(new byte[] {(byte) a}) ? 0 : 1;
            for (int b = 0; b < 256; b++) {
                disagreements += agrees(new byte[] {(byte) a, (byte) b}) ? 0 : 1;
            }
        }
        assertThat(disagreements).isZero();
    }

    @Test
    void agreesWithTheDecoderOnEveryThreeByteSequenceWithAMultiByteLead() {
        int disagreements = 0;
        for (int a = 0xc0; a < 0x100; a++) {
            for (int b = 0x70; b < 0xd0; b++) {
                for (int c = 0x70; c < 0xd0; c += 3) {
                    disagreements += agrees(new byte[] {(byte) a, (byte) b, (byte) c}) ? 0 : 1;
                }
            }
        }
        assertThat(disagreements).isZero();
    }

    @Test
    void agreesWithTheDecoderOnRandomSequencesAroundFourByteLeads() {
        Random random = new Random(11);
        int[] leads = {0x7f, 0x80, 0xbf, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf3, 0xf4, 0xf5, 0xff};
        int[] tails = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
        int disagreements = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(9)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (random.nextInt(3) == 0 ? leads[random.nextInt(leads.length)]
                        : tails[random.nextInt(tails.length)]);
            }
            disagreements += agrees(bytes) ? 0 : 1;
        }
        assertThat(disagreements).isZero();
    }

    @Test
    void acceptsTextOfEveryPlane() {
        String text = "ascii \u00e9 \u65e5\u672c \uffff \ud83d\ude00 \udbff\udfff";

        assertThat(Utf8.isValid(text.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void asciiCheckFindsAHighByteAtEveryPositionOfEveryLength() {
        int wrong = 0;
        for (int length = 0; length <= 40; length++) {
            byte[] bytes = new byte[length];
            java.util.Arrays.fill(bytes, (byte) 'a');
            wrong += Utf8.isAscii(bytes) ? 0 : 1;
            for (int at = 0; at < length; at++) {
                byte[] high = bytes.clone();
                high[at] = (byte) 0x80;
                wrong += Utf8.isAscii(high) ? 1 : 0;
            }
        }
        assertThat(wrong).isZero();
    }

    private static boolean agrees(byte[] bytes) {
        return Utf8.isValid(bytes) == decodes(bytes);
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
