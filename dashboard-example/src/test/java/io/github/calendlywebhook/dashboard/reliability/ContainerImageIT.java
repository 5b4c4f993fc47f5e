package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the dashboard's {@code Dockerfile} without a container engine: its extract and runtime stages'
 * instructions are read from the file and run here, with the image's paths under a temporary
 * directory and the build stage's jar taken from this build. Then it starts the image's ENTRYPOINT
 * from the extracted layout with the class-data archive forced on, waits for the HEALTHCHECK command
 * to pass and sends a signed delivery. Changing the Dockerfile changes what this test runs.
 */
class ContainerImageIT {

    /** RUN lines that manage users and file ownership inside the image; everything else runs here. */
    static final List<String> CONTAINER_ONLY = List.of("groupadd ", "mkdir data && chown ");
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path root;

    @Test
    void theImagesStepsBuildALayoutThatStartsWithItsClassArchiveAndAnswersASignedDelivery() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(Path.of("Dockerfile"));
        Image image = new Image(root);

        image.run(dockerfile.stage("extract"));
        image.run(dockerfile.stage("final"));

        assertThat(image.skipped).hasSize(CONTAINER_ONLY.size());
        assertThat(image.user).isNotBlank().isNotIn("root", "0");
        assertThat(image.workdir.resolve("application.jsa")).isNotEmptyFile();
        assertThat(image.log()).contains("Training run: GET /admin/login 200");
        assertThat(image.workdir.resolve("lib")).isDirectory();
        int port = DashboardProcess.freePort();
        Path classLoading = root.resolve("class-load.log");
        Process dashboard = image.start(port, "-Xshare:on -Xlog:class+load=info:file=" + classLoading);
        try {
            assertThat(awaitHealthy(image, port, dashboard)).as(image.log()).isTrue();
            byte[] body = SignedPayloads.inviteeCreated();
            HttpResponse<String> delivery = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/calendly"))
                    .header("Content-Type", "application/json")
                    .header(SignatureVerifier.HEADER, new WebhookSigner(DashboardProcess.SECRET, Clock.systemUTC()).sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(delivery.statusCode()).as(delivery.body()).isEqualTo(200);
            // The launcher's options the image sets apart from its ENTRYPOINT, so that a run can replace them.
            assertThat(image.environment).containsKey("JDK_JAVA_OPTIONS");
            assertThat(image.log()).contains("Picked up JDK_JAVA_OPTIONS: " + image.environment.get("JDK_JAVA_OPTIONS"));
            // Spring's classes, and those of the first page served (the template parser), which only a training
            // run that serves requests records.
            assertThat(Files.readString(classLoading)).containsPattern(
                    "org\\.springframework\\.boot\\.SpringApplication source: shared objects file \\(top\\)")
                    .containsPattern("org\\.attoparser\\.MarkupParser source: shared objects file \\(top\\)");
        } finally {
            dashboard.destroy();
            dashboard.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(image.healthcheck(port)).isNotZero();
    }

    private static boolean awaitHealthy(Image image, int port, Process dashboard) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && dashboard.isAlive()) {
            if (image.healthcheck(port) == 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** An image being built: its file system under a temporary root, and what the Dockerfile declared. */
    private static final class Image {

        final Path root;
        final List<String> skipped = new ArrayList<>();
        Path workdir;
        String user = "";
        List<String> healthcheck = List.of();
        List<String> entrypoint = List.of();
        final Map<String, String> environment = new LinkedHashMap<>();

        Image(Path root) {
            this.root = root;
            this.workdir = root;
        }

        void run(Dockerfile.Stage stage) throws Exception {
            for (Dockerfile.Instruction instruction : stage.instructions()) {
                String arguments = instruction.arguments();
                switch (instruction.keyword()) {
                    case "WORKDIR" -> workdir = Files.createDirectories(inImage(arguments));
                    case "COPY" -> copy(arguments.split("\\s+"));
                    case "RUN" -> shell(arguments);
                    case "USER" -> user = arguments;
                    case "HEALTHCHECK" -> healthcheck = instruction.execForm();
                    case "ENTRYPOINT" -> entrypoint = instruction.execForm();
                    case "ENV" -> environment.put(arguments.substring(0, arguments.indexOf('=')),
                            arguments.substring(arguments.indexOf('=') + 1));
                    case "EXPOSE", "VOLUME" -> { }
                    default -> throw new IllegalStateException("this test cannot run " + instruction.keyword()
                            + " yet; teach it before using it in the Dockerfile");
                }
            }
        }

        private Path inImage(String path) {
            if (path.startsWith("/src/")) {
                return REPOSITORY.resolve(path.substring("/src/".length()));
            }
            return path.startsWith("/") ? root.resolve(path.substring(1)) : workdir.resolve(path);
        }

        private void copy(String[] words) throws IOException {
            assertThat(words).hasSize(3);
            assertThat(words[0]).startsWith("--from=");
            Path source = inImage(words[1]);
            Path target = workdir.resolve(words[2]);
            if (words[1].endsWith("/")) {
                copyTree(source, target);
                return;
            }
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(source.getParent(), source.getFileName().toString())) {
                List<Path> found = new ArrayList<>();
                matches.forEach(found::add);
                assertThat(found).as("files matching " + words[1]).hasSize(1);
                Files.copy(found.get(0), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static void copyTree(Path source, Path target) throws IOException {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }

        private void shell(String command) throws Exception {
            if (CONTAINER_ONLY.stream().anyMatch(command::startsWith)) {
                skipped.add(command);
                return;
            }
            Process process = process(List.of("sh", "-c", command), Map.of()).start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command).isTrue();
            assertThat(process.exitValue()).as(command + "\n" + log()).isZero();
        }

        Process start(int port, String javaOptions) throws IOException {
            return process(entrypoint, Map.of("PORT", Integer.toString(port), "SERVER_ADDRESS", "127.0.0.1",
                    "CALENDLY_WEBHOOK_SECRET", DashboardProcess.SECRET, "ADMIN_PASSWORD", DashboardProcess.ADMIN_PASSWORD,
                    "JAVA_TOOL_OPTIONS", javaOptions)).start();
        }

        int healthcheck(int port) throws Exception {
            Process check = process(healthcheck, Map.of("PORT", Integer.toString(port))).start();
            return check.waitFor(10, TimeUnit.SECONDS) ? check.exitValue() : -1;
        }

        private ProcessBuilder process(List<String> command, Map<String, String> extra) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("image.log").toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CALENDLY_") || key.startsWith("DASHBOARD_"));
            env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
            env.putAll(environment);
            env.putAll(extra);
            return builder;
        }

        String log() throws IOException {
            Path log = root.resolve("image.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }
    }
}
