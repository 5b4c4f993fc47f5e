package io.github.calendlywebhook.benchmarks;

import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;

/**
 * Writes a file of signed deliveries for the {@code wrk} load script, one per line:
 * {@code <Calendly-Webhook-Signature value> TAB <body>}. wrk's Lua has no HMAC, so every request is
 * signed here, with the current time, just before a run (the tolerance is three minutes).
 *
 * <p>Usage: {@code SignedRequests <file> <count> <bodySize> <duplicatePercent> <firstIndex>}. With a
 * duplicate share of {@code p}, each line repeats an earlier delivery with probability {@code p}.
 */
public final class SignedRequests {

    private SignedRequests() {
    }

    /**
     * Writes the file.
     *
     * @param args file, count, body size, duplicate percent, first event index
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: SignedRequests <file> <count> <bodySize> <duplicatePercent> <firstIndex>");
        }
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        int duplicatePercent = Integer.parseInt(args[3]);
        long firstIndex = Long.parseLong(args[4]);
        write(file, count, size, duplicatePercent, firstIndex);
    }

    static void write(Path file, int count, int size, int duplicatePercent, long firstIndex) throws IOException {
        WebhookSigner signer = new WebhookSigner(Payloads.SECRET, Clock.systemUTC());
        SplittableRandom random = new SplittableRandom(42);
        long nextNew = firstIndex;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < count; i++) {
                boolean duplicate = nextNew > firstIndex && random.nextInt(100) < duplicatePercent;
                long index = duplicate ? firstIndex + random.nextLong(nextNew - firstIndex) : nextNew++;
                byte[] body = Payloads.inviteeCreated(size, index);
                out.write(signer.sign(body).getBytes(StandardCharsets.US_ASCII));
                out.write('\t');
                out.write(body);
                out.write('\n');
            }
        }
    }
}
