package io.github.calendlywebhook.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SteadyBookings against a receiver on this machine that checks every signature. */
class SteadyBookingsTest {

    @TempDir
    Path dir;

    @Test
    void everyBookingIsNewAndSignedAndTheFileIsReported() throws Exception {
        SignatureVerifier verifier = SignatureVerifier.builder().secret(Payloads.SECRET).build();
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 200;
            try {
                verifier.verify(exchange.getRequestHeaders().getFirst(SignatureVerifier.HEADER), body);
                bodies.add(new String(body, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        Path file = Files.write(dir.resolve("db.mv.db"), new byte[3 * 1024]);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            SteadyBookings.Result result = SteadyBookings.send(endpoint, 20, 2, file, 0,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(result).isEqualTo(new SteadyBookings.Result(40, 40));
        } finally {
            server.stop(0);
        }
        assertThat(bodies).hasSize(40).allMatch(body -> body.length() == SteadyBookings.SIZE);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 s: 20 sent, 20 answered 200, file 3 KiB");
    }
}
