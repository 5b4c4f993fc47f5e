package io.github.calendlywebhook.core.signature.internal;

import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Prints a {@code Calendly-Webhook-Signature} value for a body, for manual deliveries with curl:
 * <pre>{@code
 * export CALENDLY_WEBHOOK_SECRET=...
 * curl -X POST http://localhost:8080/api/webhooks/calendly -H 'Content-Type: application/json' \
 *   -H "Calendly-Webhook-Signature: $(java -cp calendly-webhook-core.jar \
 *       io.github.calendlywebhook.core.signature.internal.SignCommand body.json)" \
 *   --data-binary @body.json
 * }</pre>
 * The secret is read from the environment only, so it never shows in the process list. The body is
 * read from the named file, or from standard input without an argument, as raw bytes.
 */
public final class SignCommand {

    static final String SECRET_VARIABLE = "CALENDLY_WEBHOOK_SECRET";
    private static final String USAGE =
            "usage: SignCommand [--timestamp <unix seconds>] [body-file]   (secret in $" + SECRET_VARIABLE + ")";

    private SignCommand() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args {@code [--timestamp <unix seconds>] [body-file]}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, System.out, System.err, Clock.systemUTC()));
    }

    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
            Clock clock) {
        String secret = env.get(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            err.println("$" + SECRET_VARIABLE + " is not set");
            return 2;
        }
        Instant timestamp = clock.instant();
        @Nullable String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--timestamp") && i + 1 < args.length && args[i + 1].matches("[0-9]{1,12}")) {
                timestamp = Instant.ofEpochSecond(Long.parseLong(args[++i]));
            } else if (file == null && !args[i].startsWith("-")) {
                file = args[i];
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        try {
            byte[] body = file == null ? in.readAllBytes() : Files.readAllBytes(Path.of(file));
            out.println(new WebhookSigner(secret, clock).sign(body, timestamp));
            return 0;
        } catch (IOException e) {
            err.println("cannot read the body: " + e.getMessage());
            return 1;
        }
    }
}
