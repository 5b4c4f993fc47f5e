package io.github.calendlywebhook.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Parses a webhook body into a {@link CalendlyEvent}, reading both the current (v2) envelope and the
 * legacy v1 envelope of the setup guide into one model. Thread-safe; create one and share it.
 *
 * <p>Parsing is tolerant: missing, unknown and wrong-typed optional fields read as absent. It is strict
 * about what every delivery needs: the body must be UTF-8 JSON whose top level is an object with a
 * string {@code event} (letters, digits and {@code _ . : -}, at most 200) and an object {@code payload},
 * and a known invitee or routing form event must
 * identify its resource ({@code uri}, or {@code uuid} in v1). Duplicate keys are rejected: the
 * signature covers bytes, and a body whose meaning depends on which duplicate a reader keeps is not
 * one Calendly sends. Nesting depth, string and number length are bounded, so a hostile body costs
 * little. Amounts of money are read exactly, from the number's text.
 */
public final class CalendlyEventParser {

    /** The maximum nesting depth of objects and arrays. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The maximum number of characters of one JSON number. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The maximum length of a string when no body limit is given, 256 KiB. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 256 * 1024;

    private static final int MAX_EVENT_NAME_LENGTH = 200;

    private final ObjectMapper mapper;
    /**
     * Reads bodies from bytes. It finds duplicate keys while building the tree, from the object's own
     * map, instead of keeping a set of names per object in the parser as {@link #mapper} does; its
     * errors are never shown, the text path reports them.
     */
    private final ObjectMapper bytesMapper;

    private CalendlyEventParser(int maxStringLength) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(maxStringLength)
                .maxNameLength(Math.min(maxStringLength, 50_000))
                .build();
        this.mapper = mapper(JsonFactory.builder().streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .build();
        this.bytesMapper = mapper(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    private static JsonMapper.Builder mapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** Returns a parser whose string limit is the default body limit, 256 KiB. */
    public static CalendlyEventParser create() {
        return new CalendlyEventParser(DEFAULT_MAX_STRING_LENGTH);
    }

    /**
     * Returns a parser whose longest accepted string is the body limit.
     *
     * @param maxBodySize the body limit in bytes, positive
     * @return the parser
     */
    public static CalendlyEventParser create(long maxBodySize) {
        if (maxBodySize <= 0) {
            throw new IllegalArgumentException("maxBodySize must be positive, was " + maxBodySize);
        }
        return new CalendlyEventParser((int) Math.min(maxBodySize, Integer.MAX_VALUE));
    }

    /**
     * Parses a delivery body.
     *
     * @param body the raw body bytes, UTF-8
     * @return the event; an {@link UnknownEvent} for kinds without a model
     * @throws MalformedPayloadException when the body is not a Calendly envelope
     */
    public CalendlyEvent parse(byte[] body) {
        JsonNode root = readTreeFromBytes(body);
        return read(root != null ? root : readTreeFromText(body), body);
    }

    /** Reads the event from the body's tree. */
    CalendlyEvent read(JsonNode root, byte[] body) {
        if (!root.isObject()) {
            throw new MalformedPayloadException("body must be a JSON object");
        }
        JsonNode nameNode = root.get("event");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw new MalformedPayloadException("'event' must be a non-blank string");
        }
        String name = nameNode.textValue();
        if (!isEventName(name)) {
            throw new MalformedPayloadException("'event' is not a valid event name");
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedPayloadException("'payload' must be a JSON object");
        }
        boolean test = JsonFields.isTrue(root, "test");
        if (V1PayloadReader.matches(payload)) {
            Instant time = JsonFields.instant(root, "time");
            EventMetadata metadata = new EventMetadata(name, time != null ? time : JsonFields.instant(root, "created_at"),
                    null, PayloadFormat.LEGACY_V1, test);
            return V1PayloadReader.read(metadata, payload, body);
        }
        EventMetadata metadata = new EventMetadata(name, JsonFields.instant(root, "created_at"),
                JsonFields.nonBlankText(root, "created_by"), PayloadFormat.V2, test);
        return V2PayloadReader.read(metadata, payload, body);
    }

    /** Returns whether the name is 1 to 200 of {@code A-Z a-z 0-9 _ . : -}. */
    static boolean isEventName(String name) {
        int length = name.length();
        if (length < 1 || length > MAX_EVENT_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the tree straight from the bytes when the body is well-formed UTF-8 JSON starting with an
     * object; returns {@code null} for anything else (invalid UTF-8, a blank body, a body Jackson rejects),
     * which then takes the text path so that every error message stays what it was.
     */
    @Nullable JsonNode readTreeFromBytes(byte[] body) {
        if (!Utf8.isAscii(body) && !Utf8.isValid(body)) {
            return null;
        }
        int start = body.length >= 3 && body[0] == (byte) 0xef && body[1] == (byte) 0xbb && body[2] == (byte) 0xbf ? 3 : 0;
        int first = start;
        while (first < body.length && isAsciiWhitespace(body[first])) {
            first++;
        }
        // Jackson guesses UTF-16 or UTF-32 from zero bytes among the first four; those bodies take the text path.
        if (first == body.length || body[first] != '{' || hasZeroByte(body, start, Math.min(body.length, start + 4))) {
            return null;
        }
        try {
            return bytesMapper.readTree(body, start, body.length - start);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whitespace as {@link Character#isWhitespace} defines it, for ASCII bytes. */
    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
    }

    private static boolean hasZeroByte(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads the tree from the decoded text: strict UTF-8 decoding, then Jackson over characters. */
    JsonNode readTreeFromText(byte[] body) {
        return readTree(decodeUtf8(body));
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("body is not valid UTF-8", e);
        }
    }

    private JsonNode readTree(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw new MalformedPayloadException("body is empty");
        }
        try {
            return mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new MalformedPayloadException(
                    "body exceeds a parser limit (nesting depth, string or number length)", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MalformedPayloadException("body is not valid JSON" + where, e);
        }
    }
}
