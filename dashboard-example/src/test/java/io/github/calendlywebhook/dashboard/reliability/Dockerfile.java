package io.github.calendlywebhook.dashboard.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's {@code Dockerfile} read into stages of instructions, line continuations joined and
 * comments dropped, so a test can run what the image build runs.
 *
 * @param stages the stages in order
 */
record Dockerfile(List<Stage> stages) {

    /**
     * One {@code FROM ... [AS name]} stage.
     *
     * @param name the stage's name, or "final" for an unnamed last stage
     * @param instructions its instructions after FROM
     */
    record Stage(String name, List<Instruction> instructions) {
    }

    /**
     * One instruction.
     *
     * @param keyword upper-case keyword (RUN, COPY, ...)
     * @param arguments the rest of the line
     */
    record Instruction(String keyword, String arguments) {

        /** Returns the arguments of an exec-form (JSON array) instruction. */
        List<String> execForm() {
            String json = arguments.substring(arguments.indexOf('['));
            try {
                return new ObjectMapper().readValue(json, new TypeReference<List<String>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads the Dockerfile at {@code file}. */
    static Dockerfile read(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(line).toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            String keyword = whole.substring(0, space).toUpperCase(Locale.ROOT);
            String arguments = whole.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                String[] words = arguments.split("\\s+");
                current = new ArrayList<>();
                stages.add(new Stage(words.length == 3 ? words[2] : "final", current));
            } else if (current != null) {
                current.add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    /** Returns the stage called {@code name}. */
    Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Dockerfile has no stage " + name));
    }
}
