package io.github.calendlywebhook.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.config.RateLimitPolicy;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One delivery through the whole processor in process (method, address, body size, content type,
 * signature, parse, idempotency check, in-memory store, response) against the floor of the same work:
 * one HMAC-SHA256 with an initialised {@code Mac} plus Jackson {@code readTree} of the same body.
 * New deliveries cycle through {@value #DISTINCT} distinct signed events; the store is emptied after
 * each full cycle so every delivery is new, as in production.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ProcessorBenchmark {

    /** How many distinct events a thread cycles through. */
    public static final int DISTINCT = 1024;

    /** Body size in bytes. */
    @Param({"1024", "4096"})
    public int size;

    private final ObjectMapper mapper = new ObjectMapper();
    private final CalendlyEventParser parser = CalendlyEventParser.create();
    private final Mac mac = SignatureBenchmark.newMac();
    private final byte[] prefix = (Payloads.TIMESTAMP + ".").getBytes(StandardCharsets.UTF_8);
    private final ResettableStore store = new ResettableStore();
    private WebhookProcessor processor;
    private byte[][] bodies = new byte[0][];
    private List<Map<String, List<String>>> headers = List.of();
    private int next;

    /**
     * Signs the events and builds a processor configured as the load test's: only 127.0.0.1 allowed, and
     * the rate limit charging failed requests only (charging every request would answer 429 after ten).
     */
    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(Payloads.TIMESTAMP), ZoneOffset.UTC);
        WebhookSettings settings = WebhookSettings.builder()
                .secret(Payloads.SECRET)
                .allowedIps(List.of("127.0.0.1/32"))
                .rateLimitPolicy(RateLimitPolicy.FAILED_REQUESTS)
                .build();
        processor = WebhookProcessor.builder(settings).clock(clock).store(store).build();
        WebhookSigner signer = new WebhookSigner(Payloads.SECRET, clock);
        bodies = new byte[DISTINCT][];
        List<Map<String, List<String>>> all = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            bodies[i] = Payloads.inviteeCreated(size, i);
            all.add(Map.of("Content-Type", List.of("application/json"),
                    "Calendly-Webhook-Signature", List.of(signer.sign(bodies[i]))));
        }
        headers = List.copyOf(all);
        WebhookResponse first = processor.process(WebhookRequest.post(headers.get(0), "127.0.0.1", bodies[0]));
        if (first.status() != 200) {
            throw new IllegalStateException("the processor rejects a valid delivery: " + first);
        }
        store.reset();
    }

    /**
     * Processes a new delivery.
     *
     * @return the response
     */
    @Benchmark
    public WebhookResponse processNew() {
        int i = next;
        next = (i + 1) % DISTINCT;
        if (i == 0) {
            store.reset();
        }
        return processor.process(WebhookRequest.post(headers.get(i), "127.0.0.1", bodies[i]));
    }

    /**
     * Processes a repeated delivery of an already stored event.
     *
     * @return the response
     */
    @Benchmark
    public WebhookResponse processDuplicate() {
        return processor.process(WebhookRequest.post(headers.get(0), "127.0.0.1", bodies[0]));
    }

    /**
     * The parse step alone (UTF-8 check, JSON tree, event model), to split the processor's cost.
     *
     * @return the event
     */
    @Benchmark
    public CalendlyEvent parseOnly() {
        int i = next;
        next = (i + 1) % DISTINCT;
        return parser.parse(bodies[i]);
    }

    /**
     * The floor: the HMAC and a Jackson tree of the same body.
     *
     * @return the tree
     * @throws IOException never, the body is valid JSON
     */
    @Benchmark
    public JsonNode floorHmacAndReadTree() throws IOException {
        int i = next;
        next = (i + 1) % DISTINCT;
        mac.update(prefix);
        mac.update(bodies[i]);
        mac.doFinal();
        return mapper.readTree(bodies[i]);
    }
}
