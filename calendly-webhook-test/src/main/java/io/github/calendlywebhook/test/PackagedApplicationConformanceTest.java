package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application on any adapter does when it runs as its packaged jar, configured only by the setup
 * guide's environment variables and a database: {@code CALENDLY_WEBHOOK_SECRET}, {@code ALLOWED_IPS},
 * {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET} with {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT}, and
 * {@code NODE_ENV=development}. Deliveries come through a proxy on 127.0.0.1 ({@code X-Forwarded-For}). It also
 * kills the application under load and checks that nothing it acknowledged was lost.
 * Extend it in an integration test of the application, saying how its jar starts and where its database is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PackagedApplicationConformanceTest {

    /** The signing key the application is given. */
    protected static final String SECRET = "app-current-secret-0123456789";
    /** The previous signing key, given through {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET}. */
    protected static final String PREVIOUS_SECRET = "app-previous-secret-0123456789";
    /** A client inside {@code ALLOWED_IPS}. */
    protected static final String CALENDLY = "10.1.2.3";

    /** Distinct deliveries the senders have ready, more than a kill-free run sends before the kill. */
    private static final int KILL_LOAD = 10_000;
    /** Acknowledged deliveries awaited before the kill. */
    private static final int KILL_AFTER = 400;

    @TempDir
    static Path data;

    private ApplicationProcess application;

    /**
     * Starts the application's jar with the variables.
     *
     * @param variables every environment variable it gets, besides its address and port
     * @return the running application
     * @throws Exception when it does not start
     */
    protected abstract ApplicationProcess start(Map<String, String> variables) throws Exception;

    /**
     * Returns the variables that point the application at a durable database in the directory.
     *
     * @param directory an empty directory kept for the whole class
     * @return the variables, e.g. {@code SPRING_DATASOURCE_URL} with an H2 file URL
     */
    protected abstract Map<String, String> database(Path directory);

    /**
     * Returns every variable the application is started with; add to it to test more.
     *
     * @return the setup guide's variables and {@link #database(Path)}
     */
    protected Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>(database(data));
        variables.put("CALENDLY_WEBHOOK_SECRET", SECRET);
        variables.put("ALLOWED_IPS", "10.0.0.0/8");
        variables.put("CALENDLY_WEBHOOK_TRUSTED_PROXIES", "127.0.0.1/32");
        variables.put("CALENDLY_WEBHOOK_PREVIOUS_SECRET", PREVIOUS_SECRET);
        variables.put("CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "2099-01-01T00:00:00Z");
        variables.put("NODE_ENV", "development");
        return variables;
    }

    /**
     * Returns the running application.
     *
     * @return the application started before the tests
     */
    protected ApplicationProcess application() {
        return application;
    }

    /**
     * Sends a delivery signed with the key as if forwarded by the local proxy for {@link #CALENDLY}.
     *
     * @param secret the signing key
     * @param body the delivery
     * @return the response
     * @throws Exception when it cannot be sent
     */
    protected HttpResponse<String> deliver(String secret, byte[] body) throws Exception {
        return application.deliver(SignedDelivery.of(body).secret(secret).forwardedFor(CALENDLY));
    }

    @BeforeAll
    void startApplication() throws Exception {
        application = start(variables());
    }

    @AfterAll
    void stopApplication() throws Exception {
        application.stop();
    }

    @Test
    void applicationShouldStoreDurablyAndSayTheNodeEnvAliasWasTaken() {
        assertThat(application.output()).doesNotContain("kept in memory")
                .contains("NODE_ENV=development taken as calendly.webhook.debug=true");
    }

    @Test
    void deliveryRepeatedAfterRestartShouldBeAnsweredDuplicate() throws Exception {
        byte[] booking = SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri());
        HttpResponse<String> first = deliver(SECRET, booking);

        application.restart();
        HttpResponse<String> again = deliver(SECRET, booking);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"accepted\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\"");
    }

    /**
     * Four senders book distinct invitees until the application is killed (SIGKILL) in the middle of the load;
     * once started again on the same database, every delivery acknowledged before the kill is answered as a
     * duplicate. With H2's default file settings the last half second of acknowledged commits was lost.
     */
    @Test
    void deliveriesAcknowledgedBeforeAKillShouldAllBeFoundAfterTheRestart() throws Exception {
        List<byte[]> bookings = IntStream.range(0, KILL_LOAD)
                .mapToObj(i -> SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri())).toList();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            senders.execute(() -> sendUntilTheProcessIsGone(bookings, next, acknowledged));
        }
        Eventually.until(KILL_AFTER + " deliveries acknowledged", Duration.ofMinutes(2),
                () -> acknowledged.size() >= KILL_AFTER);

        application.kill();
        senders.shutdown();
        assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        application.startAgain();

        assertThat(next.get()).as("the kill came before the load ended").isLessThan(KILL_LOAD);
        List<Integer> lost = new ArrayList<>();
        for (int index : acknowledged) {
            String client = "10.3." + index / 250 + "." + (index % 250 + 1);
            if (!application.deliver(SignedDelivery.of(bookings.get(index)).secret(SECRET).forwardedFor(client)).body()
                    .contains("\"duplicate\"")) {
                lost.add(index);
            }
        }
        assertThat(lost).as("acknowledged before the kill, of " + acknowledged.size() + ", but not found after it")
                .isEmpty();
    }

    private void sendUntilTheProcessIsGone(List<byte[]> bookings, AtomicInteger next, Set<Integer> acknowledged) {
        for (int index = next.getAndIncrement(); index < bookings.size(); index = next.getAndIncrement()) {
            try {
                // A client address of its own per delivery, so that the rate limit of the setup guide refuses none.
                String client = "10.2." + index / 250 + "." + (index % 250 + 1);
                HttpResponse<String> response = application.deliver(SignedDelivery.of(bookings.get(index))
                        .secret(SECRET).forwardedFor(client));
                if (response.statusCode() == 200 && response.body().contains("\"accepted\"")) {
                    acknowledged.add(index);
                }
            } catch (Exception e) {
                // The process was killed: this delivery and the ones after it got no answer.
                return;
            }
        }
    }

    @Test
    void deliveryFromOutsideAllowedIpsShouldBeForbiddenWithAJsonError() throws Exception {
        HttpResponse<String> response = application.deliver(SignedDelivery.of(SignedPayloads.inviteeCreated())
                .secret(SECRET).forwardedFor("203.0.113.9"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"forbidden\"");
    }

    @Test
    void deliverySignedWithThePreviousSecretFromTheEnvironmentShouldBeAccepted() throws Exception {
        HttpResponse<String> response = deliver(PREVIOUS_SECRET, SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void deliverySignedWithAnotherSecretShouldBeRefused() throws Exception {
        HttpResponse<String> response = deliver("some-other-secret-0123456789", SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_signature\"");
    }

    @Test
    void nodeEnvDevelopmentShouldLogEachDeliveryInDetail() throws Exception {
        deliver(SECRET, SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri()));

        assertThat(application.outputOnceItContains("Calendly webhook 200 accepted"))
                .contains("Calendly webhook 200 accepted");
    }
}
