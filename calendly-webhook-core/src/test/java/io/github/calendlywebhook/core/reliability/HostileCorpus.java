package io.github.calendlywebhook.core.reliability;

import static io.github.calendlywebhook.core.reliability.HostileBodies.NODES;
import static io.github.calendlywebhook.core.reliability.HostileBodies.bytes;
import static io.github.calendlywebhook.core.reliability.HostileBodies.concat;
import static io.github.calendlywebhook.core.reliability.HostileBodies.envelope;
import static io.github.calendlywebhook.core.reliability.HostileBodies.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.test.RawRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The hostile-input corpus: broken bodies, framing, content types and signature headers, each with the
 * status the endpoint must answer. Every case is signed with the endpoint's secret unless it is about
 * the signature, so each one reaches the check it targets. The endpoint under test must not rate limit
 * and must allow the client address.
 */
public final class HostileCorpus {

    private final long maxBodySize;
    private final HostileSignatures signatures;
    private final List<HostileCase> cases = new ArrayList<>();

    private HostileCorpus(String secret, long maxBodySize) {
        this.maxBodySize = maxBodySize;
        this.signatures = new HostileSignatures(new WebhookSigner(secret, Clock.systemUTC()), secret);
    }

    /**
     * Returns every case for an endpoint with the given secret and body limit.
     *
     * @param secret the endpoint's signing secret
     * @param maxBodySize the endpoint's body limit in bytes
     * @return the cases, more than 100
     */
    public static List<HostileCase> cases(String secret, long maxBodySize) {
        HostileCorpus corpus = new HostileCorpus(secret, maxBodySize);
        corpus.methods();
        corpus.contentTypes();
        corpus.signatures.addTo(corpus.cases);
        corpus.malformedJson();
        corpus.invalidUtf8AndNul();
        corpus.nestingAndSizes();
        corpus.topLevelAndPayload();
        corpus.wrongTypes();
        corpus.framing();
        return List.copyOf(corpus.cases);
    }

    private void methods() {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            add(method + " instead of POST", 405, () -> signed(bytes(envelope())).withMethod(method));
        }
    }

    private void contentTypes() {
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1", "json", "text/json",
                "application/jsonx", "application/json/evil")) {
            add("content type " + type, 415, () -> signedAs(type, bytes(envelope())));
        }
        add("no content type", 415, () -> {
            byte[] body = bytes(envelope());
            return RawRequest.post(List.of(header(HostileSignatures.HEADER, signatures.sign(body))), body);
        });
        add("empty content type", 415, () -> signedAs("", bytes(envelope())));
        for (String type : List.of("application/json;charset=UTF-8", "APPLICATION/JSON", "application/vnd.api+json")) {
            add("content type " + type, 200, () -> signedAs(type, bytes(envelope())));
        }
    }

    private void malformedJson() {
        for (String text : List.of("", " ", "\n\t", "{", "}", "{\"event\":", "{\"event\":\"invitee.created\",}",
                "{'event':'invitee.created','payload':{}}", "{event:\"invitee.created\",payload:{}}",
                "{\"event\":\"invitee.created\",\"payload\":{\"uri\":NaN}}", "/* c */{\"event\":\"x\",\"payload\":{}}",
                "{}x", "{}{}", "{\"event\":\"invitee.created\",\"event\":\"invitee.canceled\",\"payload\":{\"uri\":\"u\"}}",
                "{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"unterminated}}", "\"\\u12\"")) {
            add("malformed JSON " + abbreviate(text), 400, () -> signed(utf8(text)));
        }
        for (double fraction : new double[] {0.05, 0.2, 0.4, 0.5, 0.6, 0.8, 0.95, 0.999}) {
            add("valid envelope truncated at " + fraction, 400, () -> {
                byte[] whole = bytes(envelope());
                return signed(java.util.Arrays.copyOf(whole, (int) (whole.length * fraction)));
            });
        }
    }

    private void invalidUtf8AndNul() {
        Map<String, byte[]> bad = Map.of("lone continuation", new byte[] {(byte) 0xC3, 0x28},
                "0xFF 0xFE", new byte[] {(byte) 0xFF, (byte) 0xFE}, "overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF},
                "encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "truncated sequence", new byte[] {(byte) 0xE2, (byte) 0x82}, "raw NUL", new byte[] {0});
        bad.forEach((what, bytes) -> add("invitee name with " + what, 400, () -> signed(inName(bytes))));
        add("NUL after the envelope", 400, () -> signed(concat(bytes(envelope()), new byte[] {0})));
        add("NUL before the envelope", 400, () -> signed(concat(new byte[] {0}, bytes(envelope()))));
        add("escaped NUL in the event name", 400, () -> signed(bytes(envelope().put("event", "invitee.created\u0000"))));
        add("escaped NUL in the invitee name", 200,
                () -> signed(bytes(HostileBodies.with("/payload/name", NODES.textNode("Ada\u0000Lovelace")))));
        add("escaped lone surrogate in the invitee name", 200, () -> signed(utf8(new String(bytes(envelope()),
                java.nio.charset.StandardCharsets.UTF_8).replace("Ada Lovelace", "Ada \\ud800 Lovelace"))));
    }

    private void nestingAndSizes() {
        add("unknown field nested 20 deep", 200, () -> signed(bytes(nested(20))));
        add("unknown field nested 70 deep", 400, () -> signed(bytes(nested(70))));
        add("100,000 opening brackets", 400, () -> signed(utf8("[".repeat(100_000))));
        add("20,000 nested objects", 400, () -> signed(utf8("{\"a\":".repeat(20_000))));
        int huge = (int) Math.min(maxBodySize / 2, 200_000);
        add("invitee name of " + huge + " characters", 200,
                () -> signed(bytes(HostileBodies.with("/payload/name", NODES.textNode("A".repeat(huge))))));
        add("invitee name longer than the body limit", 413, () -> signed(bytes(
                HostileBodies.with("/payload/name", NODES.textNode("A".repeat((int) maxBodySize + 1))))));
        add("amount of 101 digits", 400, () -> signed(rawAmount("1".repeat(101))));
        add("amount of 99 digits", 200, () -> signed(rawAmount("9".repeat(99))));
        add("amount of 13 digits", 200, () -> signed(rawAmount("1234567890123")));
        add("amount 1e20", 200, () -> signed(rawAmount("1e20")));
        add("amount 1e999999", 200, () -> signed(rawAmount("1e999999")));
        add("amount -1e-999999", 200, () -> signed(rawAmount("-1e-999999")));
        add("field name of 60,000 characters", 400, () -> signed(utf8("{\"" + "k".repeat(60_000)
                + "\":1," + new String(bytes(envelope()), java.nio.charset.StandardCharsets.UTF_8).substring(1))));
    }

    private void topLevelAndPayload() {
        for (String text : List.of("[]", "[{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"u\"}}]", "\"text\"",
                "42", "null", "true", "{}")) {
            add("top level " + text, 400, () -> signed(utf8(text)));
        }
        add("missing payload", 400, () -> signed(bytes(HostileBodies.without("/payload"))));
        add("empty payload", 400, () -> signed(bytes(envelope().set("payload", NODES.objectNode()))));
        add("payload without uri", 400, () -> signed(bytes(HostileBodies.without("/payload/uri"))));
        add("missing event", 400, () -> signed(bytes(HostileBodies.without("/event"))));
        add("unknown event kind with empty payload", 200,
                () -> signed(bytes(envelope().put("event", "meeting_recap.created").set("payload", NODES.objectNode()))));
    }

    private void wrongTypes() {
        for (JsonNode value : List.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.objectNode(), NODES.nullNode(), NODES.textNode(""), NODES.textNode("   "),
                NODES.textNode("invitee created"), NODES.textNode("<script>"))) {
            add("event = " + value, 400, () -> signed(bytes(HostileBodies.with("/event", value))));
        }
        for (JsonNode value : List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.arrayNode(), NODES.nullNode(),
                NODES.booleanNode(false))) {
            add("payload = " + value, 400, () -> signed(bytes(HostileBodies.with("/payload", value))));
        }
        for (JsonNode value : List.of(NODES.numberNode(42), NODES.arrayNode(), NODES.objectNode(), NODES.nullNode(),
                NODES.textNode(""))) {
            add("payload.uri = " + value, 400, () -> signed(bytes(HostileBodies.with("/payload/uri", value))));
        }
        for (String pointer : HostileBodies.OPTIONAL_FIELDS) {
            for (JsonNode value : HostileBodies.wrongTypes(pointer)) {
                add(pointer + " = " + value, 200, () -> signed(bytes(HostileBodies.with(pointer, value))));
            }
        }
    }

    private void framing() {
        add("valid envelope, chunked", 200, () -> signed(bytes(envelope())).framed(RawRequest.Framing.CHUNKED, 0));
        add("oversized body, chunked", 413, () -> signed(padded(maxBodySize + 1)).framed(RawRequest.Framing.CHUNKED, 0));
        add("oversized body, Content-Length", 413, () -> signed(padded(maxBodySize + 1)));
        add("Content-Length of 10 GB, no body", 413,
                () -> signed(bytes(envelope())).framed(RawRequest.Framing.DECLARED_ONLY, 10_000_000_000L));
        add("Content-Length one past the limit, no body", 413,
                () -> signed(bytes(envelope())).framed(RawRequest.Framing.DECLARED_ONLY, maxBodySize + 1));
    }

    private static ObjectNode nested(int depth) {
        ObjectNode root = envelope();
        ObjectNode node = ((ObjectNode) root.get("payload")).putObject("extra");
        for (int i = 2; i < depth; i++) {
            node = node.putObject("n");
        }
        return root;
    }

    private static byte[] rawAmount(String number) {
        return utf8(new String(bytes(envelope()), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"amount\":150.00", "\"amount\":" + number));
    }

    private static byte[] inName(byte[] bad) {
        String json = new String(bytes(envelope()), java.nio.charset.StandardCharsets.UTF_8);
        int at = json.indexOf("Ada Lovelace") + 3;
        return concat(utf8(json.substring(0, at)), bad, utf8(json.substring(at)));
    }

    private byte[] padded(long size) {
        byte[] body = new byte[(int) size];
        java.util.Arrays.fill(body, (byte) ' ');
        byte[] envelope = bytes(envelope());
        System.arraycopy(envelope, 0, body, 0, envelope.length);
        return body;
    }

    private RawRequest signed(byte[] body) {
        return signedAs("application/json", body);
    }

    private RawRequest signedAs(String contentType, byte[] body) {
        return RawRequest.post(List.of(header("Content-Type", contentType),
                header(HostileSignatures.HEADER, signatures.sign(body))), body);
    }

    private void add(String name, int status, Supplier<RawRequest> request) {
        cases.add(new HostileCase(name, status, request));
    }

    static Map.Entry<String, String> header(String name, String value) {
        return Map.entry(name, value);
    }

    private static String abbreviate(String text) {
        String shown = text.replace("\n", "\\n").replace("\t", "\\t");
        return "[" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + "]";
    }
}
