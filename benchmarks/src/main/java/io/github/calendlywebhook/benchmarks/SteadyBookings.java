package io.github.calendlywebhook.benchmarks;

import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Sends new signed bookings at a steady rate, one at a time, and prints the size of a database file every
 * 30 s: how a file grows under a long, even load rather than a burst. The bookings are
 * {@link Payloads#inviteeCreated}'s, of 1,500 bytes, signed with {@link Payloads#SECRET}, so the target must
 * run with that secret.
 *
 * <p>Usage: {@code SteadyBookings <endpoint> <perSecond> <seconds> <file> [firstIndex]}, for example against
 * the dashboard started with {@code CALENDLY_WEBHOOK_SECRET=benchmark-signing-key-0123456789abcdef}:
 * {@code SteadyBookings http://127.0.0.1:8080/api/webhooks/calendly 25 300 data/dashboard.mv.db}.
 */
public final class SteadyBookings {

    static final int SIZE = 1_500;

    private SteadyBookings() {
    }

    /**
     * Sends the bookings and prints what it sent and the file's size.
     *
     * @param args endpoint, bookings per second, seconds, file, optionally the first booking's index
     * @throws Exception when the endpoint cannot be reached
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            throw new IllegalArgumentException(
                    "usage: SteadyBookings <endpoint> <perSecond> <seconds> <file> [firstIndex]");
        }
        Result result = send(URI.create(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Path.of(args[3]), args.length == 5 ? Long.parseLong(args[4]) : 0, System.out);
        System.out.printf("end: %d sent, %d answered 200, file %d KiB%n", result.sent(), result.accepted(),
                size(Path.of(args[3])) / 1024);
    }

    /**
     * Sends {@code perSecond x seconds} bookings, each due at its place in an even schedule, and prints a line
     * every 30 s of it.
     *
     * @return how many were sent and how many were answered 200
     */
    static Result send(URI endpoint, int perSecond, int seconds, Path file, long firstIndex, PrintStream out)
            throws IOException, InterruptedException {
        if (perSecond < 1 || seconds < 1) {
            throw new IllegalArgumentException("the rate and the duration must be positive");
        }
        HttpClient http = HttpClient.newHttpClient();
        WebhookSigner signer = new WebhookSigner(Payloads.SECRET, Clock.systemUTC());
        long total = (long) perSecond * seconds;
        long start = System.nanoTime();
        long accepted = 0;
        long nextReport = 0;
        for (long i = 0; i < total; i++) {
            long wait = start + i * 1_000_000_000L / perSecond - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            byte[] body = Payloads.inviteeCreated(SIZE, firstIndex + i);
            HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header(SignatureVerifier.HEADER, signer.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                accepted++;
            }
            long second = (i + 1) / perSecond;
            if ((i + 1) % perSecond == 0 && second >= nextReport) {
                out.printf("%4d s: %d sent, %d answered 200, file %d KiB%n", second, i + 1, accepted,
                        size(file) / 1024);
                nextReport = second + 30;
            }
        }
        return new Result(total, accepted);
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /**
     * What a run sent.
     *
     * @param sent how many bookings were sent
     * @param accepted how many were answered 200
     */
    record Result(long sent, long accepted) {
    }
}
