package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The black-box HTTP behaviour every adapter must show. A subclass starts its adapter on 127.0.0.1,
 * configured with {@link ConformanceSettings} (secret, allowlist, loopback as trusted proxy, default
 * rate limits and body limit, any store), and returns the endpoint's URL from {@link #baseUrl()}.
 *
 * <p>Requests come from loopback, a trusted proxy, and name their client in {@code X-Forwarded-For};
 * each test uses its own allowed address (an IPv6 one in its own /64) so rate-limit buckets never
 * interfere. Forged and unreadable forwarding headers must be refused with 403
 * {@code forwarding_headers_invalid}, never resolved to the loopback proxy. Signatures are made
 * with the wall clock, as the adapter runs on it.
 */
public abstract class AdapterConformanceTest {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTSIDE = "198.51.100.7";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private String client = "";

    /** Gives every test its own client address, whatever the test instance lifecycle. */
    @BeforeEach
    void useAFreshClientAddress() {
        client = nextClient();
    }

    /** Returns the URL of the webhook endpoint, for example {@code http://127.0.0.1:8080/api/webhooks/calendly}. */
    protected abstract String baseUrl();

    static Stream<Arguments> v2Deliveries() {
        String old = SignedPayloads.newInviteeUri();
        return Stream.of(
                Arguments.of("invitee.created", SignedPayloads.inviteeCreated()),
                Arguments.of("invitee.canceled", SignedPayloads.inviteeCanceled()),
                Arguments.of("invitee.canceled (reschedule)", SignedPayloads.inviteeRescheduled(old,
                        SignedPayloads.newInviteeUri())),
                Arguments.of("invitee_no_show.created", SignedPayloads.inviteeNoShowCreated()),
                Arguments.of("invitee_no_show.deleted", SignedPayloads.inviteeNoShowDeleted()),
                Arguments.of("routing_form_submission.created", SignedPayloads.routingFormSubmissionCreated()),
                Arguments.of("unknown kind", SignedPayloads.unknownEvent()),
                Arguments.of("test delivery", SignedPayloads.testDelivery()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2Deliveries")
    void acceptsASignedV2Delivery(String kind, byte[] body) throws Exception {
        HttpResponse<String> response = post(body, signature(body));

        assertThat(response.statusCode()).as(kind).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("accepted");
    }

    @Test
    void acceptsTheSetupGuideExamplesSignedUnderTheLegacyHeader() throws Exception {
        for (byte[] body : new byte[][] {SignedPayloads.seedInviteeCreated(), SignedPayloads.seedInviteeCanceled(),
                SignedPayloads.seedCurlInviteeCreated()}) {
            HttpResponse<String> response = send(request().header("X-Calendly-Signature", signature(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("status").asText()).isIn("accepted", "duplicate");
        }
    }

    @Test
    void acknowledgesARepeatedDeliveryAsADuplicate() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();
        post(body, signature(body));

        HttpResponse<String> second = post(body, signature(body));

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("status").asText()).isEqualTo("duplicate");
    }

    @Test
    void refusesOtherMethodsWith405() throws Exception {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpResponse<String> response = send(request().method(method, HttpRequest.BodyPublishers.noBody()));

            assertError(response, 405, "method_not_allowed");
            assertThat(response.headers().allValues("Allow")).anySatisfy(allow -> assertThat(allow).contains("POST"));
        }
    }

    @Test
    void forbidsAClientOutsideTheAllowlist() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        assertError(send(signedRequest(body).setHeader("X-Forwarded-For", OUTSIDE)), 403, "forbidden");
    }

    @Test
    void readsSpoofedForwardedForRightToLeft() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        HttpResponse<String> response = send(signedRequest(body)
                .setHeader("X-Forwarded-For", "203.0.113.9, " + OUTSIDE));

        assertError(response, 403, "forbidden");
    }

    @Test
    void readsSpoofedForwardedRightToLeft() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        HttpResponse<String> response = send(base().header("Content-Type", "application/json")
                .header("Forwarded", "for=203.0.113.9, for=" + OUTSIDE)
                .header("Calendly-Webhook-Signature", signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertError(response, 403, "forbidden");
    }

    @Test
    void refusesForwardedAndXForwardedForThatDisagreeWithItsOwnCode() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        HttpResponse<String> response = send(signedRequest(body).header("Forwarded", "for=" + OUTSIDE));

        assertError(response, 403, "forwarding_headers_invalid");
        assertThat(response.body()).doesNotContain(OUTSIDE);
    }

    @Test
    void refusesAForgedForwardedThatDisagreesEvenWithAnAllowedAddressOnEachSide() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        HttpResponse<String> response = send(signedRequest(body).header("Forwarded", "for=" + nextClient()));

        assertError(response, 403, "forwarding_headers_invalid");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unreadableHops")
    void refusesAnUnreadableHopInsteadOfTrustingTheProxy(String header, String value) throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        HttpResponse<String> response = send(base().header("Content-Type", "application/json")
                .header(header, value)
                .header("Calendly-Webhook-Signature", signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertError(response, 403, "forwarding_headers_invalid");
    }

    static Stream<Arguments> unreadableHops() {
        return Stream.of(
                Arguments.of("X-Forwarded-For", "garbage"),
                Arguments.of("X-Forwarded-For", "unknown"),
                Arguments.of("X-Forwarded-For", "203.0.113.1, not-an-address"),
                Arguments.of("Forwarded", "for=unknown"),
                Arguments.of("Forwarded", "for=_hidden"),
                Arguments.of("Forwarded", "for=\"[2001:db8::1"));
    }

    @Test
    void judgesAForgedForwardedAloneByTheAddressItNamesNeverByTheLoopbackProxy() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        HttpResponse<String> response = send(base().header("Content-Type", "application/json")
                .header("Forwarded", "for=198.51.100.1")
                .header("Calendly-Webhook-Signature", signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertError(response, 403, "forbidden");
    }

    @Test
    void rateLimitsEveryAddressOfOneIpv6Slash64AsOneClient() throws Exception {
        String slash64 = "2001:db8:cafe:" + Integer.toHexString(NEXT_CLIENT.incrementAndGet()) + ":";
        AtomicInteger address = new AtomicInteger();

        RateLimited limited = untilRateLimited(() -> send(signedRequest(SignedPayloads.inviteeCreated())
                .setHeader("X-Forwarded-For", slash64 + ":" + Integer.toHexString(address.incrementAndGet()))));

        limited.assertTenAMinute();
        assertError(limited.refusal(), 429, "rate_limited");
    }

    @Test
    void rateLimitsAClientAfterTenQuickRequests() throws Exception {
        RateLimited limited = untilRateLimited(() -> {
            byte[] body = SignedPayloads.inviteeCreated();
            return post(body, signature(body));
        });

        limited.assertTenAMinute();
        HttpResponse<String> response = limited.refusal();
        assertError(response, 429, "rate_limited");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }

    /** One signed delivery of a rate-limit test. */
    @FunctionalInterface
    private interface Delivery {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /**
     * The deliveries accepted before the first refusal, and how long they took: the default limit, 10 a
     * minute, refills one request every 6 s, so a slow machine may see more than ten accepted.
     */
    private record RateLimited(int accepted, Duration took, HttpResponse<String> refusal) {

        void assertTenAMinute() {
            long refills = took.toSeconds() / 6;
            assertThat(accepted).as("accepted in %s before the first refusal", took).isBetween(10, 10 + (int) refills);
        }
    }

    private static RateLimited untilRateLimited(Delivery delivery) throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (int accepted = 0; ; accepted++) {
            HttpResponse<String> response = delivery.send();
            if (response.statusCode() != 200 || accepted == 40) {
                return new RateLimited(accepted, Duration.ofNanos(System.nanoTime() - started), response);
            }
        }
    }

    @Test
    void refusesADeclaredOversizedBodyWithoutWaitingForIt() throws Exception {
        RawClient.Response response = RawClient.send(URI.create(baseUrl()),
                RawRequest.post(rawHeaders(), new byte[0])
                        .framed(RawRequest.Framing.DECLARED_ONLY, ConformanceSettings.MAX_BODY_SIZE * 400));

        assertRawError(response, 413, "payload_too_large");
    }

    @Test
    void refusesAnOversizedChunkedBody() throws Exception {
        byte[] spaces = new byte[(int) ConformanceSettings.MAX_BODY_SIZE + 64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        RawClient.Response response = RawClient.send(URI.create(baseUrl()),
                RawRequest.post(rawHeaders(), spaces).framed(RawRequest.Framing.CHUNKED, 0));

        assertRawError(response, 413, "payload_too_large");
    }

    @Test
    void refusesANonJsonContentType() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        HttpResponse<String> response = send(request("text/plain").header("Calendly-Webhook-Signature",
                signature(body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertError(response, 415, "unsupported_media_type");
    }

    @Test
    void refusesAMissingSignature() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        assertError(send(request().POST(HttpRequest.BodyPublishers.ofByteArray(body))), 401, "invalid_signature");
    }

    @Test
    void refusesAMalformedSignature() throws Exception {
        assertError(post(SignedPayloads.inviteeCreated(), "v1=not-a-signature"), 401, "invalid_signature");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        assertError(post(body, SignedPayloads.sign("not-the-secret", body, Instant.now())), 401, "invalid_signature");
    }

    @Test
    void refusesASignatureOutsideTheTolerance() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();

        assertError(post(body, SignedPayloads.sign(body, Instant.now().minus(Duration.ofMinutes(10)))), 401,
                "invalid_signature");
    }

    @Test
    void refusesAValidSignatureOverADifferentBody() throws Exception {
        byte[] signed = SignedPayloads.inviteeCreated();

        assertError(post(SignedPayloads.inviteeCreated(), signature(signed)), 401, "invalid_signature");
    }

    @Test
    void refusesASignedBodyThatIsNotJson() throws Exception {
        byte[] body = "{\"event\": \"invitee.created\", ".getBytes(StandardCharsets.UTF_8);

        assertError(post(body, signature(body)), 400, "malformed_payload");
    }

    @Test
    void verifiesTheRawBytesWithOddWhitespace() throws Exception {
        String compact = new String(SignedPayloads.inviteeCreated(), StandardCharsets.UTF_8);
        byte[] body = ("\r\n\t " + compact.replace(": ", " :\t").replace(",\n", " ,\r\n") + " \n\n")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(body, signature(body));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void verifiesTheRawBytesWithNonAsciiText() throws Exception {
        String json = new String(SignedPayloads.inviteeCreated(), StandardCharsets.UTF_8)
                .replace("Ada Lovelace", "Zoë Ångström-Łukasiewicz 日本語 \uD83D\uDE00");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(body, signature(body));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void verifiesTheRawBytesWithEscapedUnicode() throws Exception {
        String json = new String(SignedPayloads.inviteeCreated(), StandardCharsets.UTF_8)
                .replace("Ada Lovelace", "Zo\\u00eb \\ud83d\\ude00 \\\"quoted\\\" \\/slash");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(body, signature(body));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void answersEveryRejectionWithAJsonErrorBody() throws Exception {
        HttpResponse<String> response = post("{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=00");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = json(response);
        assertThat(error.path("error").isTextual()).isTrue();
        assertThat(error.path("message").isTextual()).isTrue();
        assertThat(response.body()).doesNotContain(ConformanceSettings.SECRET).doesNotContain("Exception");
    }

    /** Returns a signature over the body with the conformance secret, timestamped now. */
    protected static String signature(byte[] body) {
        return SignedPayloads.sign(body, Instant.now());
    }

    /** Returns the allowed client address this test instance forwards as. */
    protected String client() {
        return client;
    }

    private HttpResponse<String> post(byte[] body, String signatureHeader) throws IOException, InterruptedException {
        return send(request().header("Calendly-Webhook-Signature", signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder signedRequest(byte[] body) {
        return request().header("Calendly-Webhook-Signature", signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpRequest.Builder request() {
        return request("application/json");
    }

    private HttpRequest.Builder request(String contentType) {
        return base().header("Content-Type", contentType).header("X-Forwarded-For", client);
    }

    private HttpRequest.Builder base() {
        return HttpRequest.newBuilder(URI.create(baseUrl())).timeout(Duration.ofSeconds(20));
    }

    /**
     * Sends the request. A rejection may be answered before its body is read, after which the server
     * closes the connection; the client can have pooled that connection already, and its next request
     * then fails before any byte of an answer arrives. Such a request never reached the endpoint, so it
     * is sent once more, on a new connection.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private List<Map.Entry<String, String>> rawHeaders() {
        return List.of(Map.entry("Content-Type", "application/json"), Map.entry("X-Forwarded-For", client),
                Map.entry("Calendly-Webhook-Signature", signature(new byte[0])));
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").asText()).isEqualTo(code);
    }

    private static void assertRawError(RawClient.Response response, int status, String code) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo(code);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String nextClient() {
        int n = NEXT_CLIENT.incrementAndGet();
        return n <= 250 ? "203.0.113." + n : "2001:db8:" + Integer.toHexString(n) + "::1";
    }
}
