package io.github.calendlywebhook.core.signature.internal;

import io.github.calendlywebhook.core.signature.SignatureVerifier;
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
 * Signs a body for manual deliveries. The core jar runs it as its main class:
 * <pre>{@code
 * export CALENDLY_WEBHOOK_SECRET=...
 * java -jar calendly-webhook-core.jar sign --url http://localhost:8080/api/webhooks/calendly payload.json
 * }</pre>
 * prints a ready-to-run {@code curl} command with a valid {@code Calendly-Webhook-Signature}; without
 * {@code --url} it prints only the header value. The secret is read from an environment variable
 * ({@code CALENDLY_WEBHOOK_SECRET}, or the one named by {@code --secret-env}), never from the command
 * line, so it does not show in the process list or the shell history. The body is read as raw bytes
 * from the named file, or from standard input without one.
 */
public final class SignCommand {

    static final String SECRET_VARIABLE = "CALENDLY_WEBHOOK_SECRET";
    private static final String USAGE = "usage: sign [--url <endpoint>] [--secret-env <variable>]"
            + " [--timestamp <unix seconds>] [body-file]   (secret in $" + SECRET_VARIABLE + " by default)";

    private SignCommand() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args {@code [sign] [--url <endpoint>] [--secret-env <variable>] [--timestamp <unix seconds>] [body-file]}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, System.out, System.err, Clock.systemUTC()));
    }

    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
            Clock clock) {
        Options options = Options.parse(args, clock);
        if (options == null) {
            err.println(USAGE);
            return 2;
        }
        String secret = env.get(options.secretVariable);
        if (secret == null || secret.isBlank()) {
            err.println("$" + options.secretVariable + " is not set");
            return 2;
        }
        if (options.url != null && options.file == null) {
            err.println("--url needs a body file, so that the printed curl command can send it");
            return 2;
        }
        try {
            byte[] body = options.file == null ? in.readAllBytes() : Files.readAllBytes(Path.of(options.file));
            String signature = new WebhookSigner(secret, clock).sign(body, options.timestamp);
            out.println(options.url == null ? signature : curl(options.url, signature, options.file));
            return 0;
        } catch (IOException e) {
            err.println("cannot read the body: " + e.getMessage());
            return 1;
        }
    }

    private static String curl(String url, String signature, @Nullable String file) {
        return "curl -sS -X POST " + quote(url) + " -H 'Content-Type: application/json' -H "
                + quote(SignatureVerifier.HEADER + ": " + signature) + " --data-binary " + quote("@" + file);
    }

    /** Quotes a word for POSIX shells: single quotes, with embedded single quotes closed and escaped. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static final class Options {
        @Nullable String url;
        @Nullable String file;
        String secretVariable = SECRET_VARIABLE;
        Instant timestamp;

        private Options(Instant timestamp) {
            this.timestamp = timestamp;
        }

        static @Nullable Options parse(String[] args, Clock clock) {
            Options options = new Options(clock.instant());
            int i = args.length > 0 && args[0].equals("sign") ? 1 : 0;
            for (; i < args.length; i++) {
                String arg = args[i];
                boolean hasValue = i + 1 < args.length;
                if (arg.equals("--timestamp") && hasValue && args[i + 1].matches("[0-9]{1,12}")) {
                    options.timestamp = Instant.ofEpochSecond(Long.parseLong(args[++i]));
                } else if (arg.equals("--url") && hasValue) {
                    options.url = args[++i];
                } else if (arg.equals("--secret-env") && hasValue && args[i + 1].matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    options.secretVariable = args[++i];
                } else if (options.file == null && !arg.startsWith("-")) {
                    options.file = arg;
                } else {
                    return null;
                }
            }
            return options;
        }
    }
}
