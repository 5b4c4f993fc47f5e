package io.github.calendlywebhook.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the keys table of {@code docs/configuration.md}, the configuration reference users read, so that
 * each adapter's tests can fail when its configuration and the reference drift apart.
 */
public final class ConfigurationReference {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern ONLY = Pattern.compile("\\(([A-Za-z ]+) only\\)");

    private final List<String> lines;
    private final List<Entry> entries;

    private ConfigurationReference(List<String> lines, List<Entry> entries) {
        this.lines = lines;
        this.entries = entries;
    }

    /** A row of the keys table. */
    /**
     * One row of the keys table.
     *
     * @param key the property key
     * @param defaultValue the documented default
     * @param environment the documented environment variables
     * @param adapters the adapters that read the key
     * @param example the documented example
     */
    public record Entry(String key, String defaultValue, String environment, String adapters, String example) {

        /** See the keys table of the configuration reference. */
        public boolean readBy(String adapter) {
            return adapters.equals("both") || adapters.equals(adapter);
        }

        /** The key without list indexes and the keys below them, as configuration metadata names it. */
        /** See the keys table of the configuration reference. */
        public String metadataName() {
            Matcher index = INDEX.matcher(key);
            return index.find() ? key.substring(0, index.start()) : key;
        }

        /** The literal default, when the default is a value rather than a phrase such as "empty". */
        /** See the keys table of the configuration reference. */
        public Optional<String> literalDefault() {
            return code(defaultValue);
        }

        /**
         * The environment variable that sets the key in the adapter, when the row names one; a cell such
         * as "`X` (Spring Boot only)" names none for the other adapter.
         */
        /** See the keys table of the configuration reference. */
        public Optional<String> environmentVariable(String adapter) {
            Matcher only = ONLY.matcher(environment);
            if (only.find() && !only.group(1).equals(adapter)) {
                return Optional.empty();
            }
            return anyEnvironmentVariable();
        }

        /** The environment variable the row names, whichever adapter it is for. */
        /** See the keys table of the configuration reference. */
        public Optional<String> anyEnvironmentVariable() {
            Matcher code = CODE.matcher(environment);
            while (code.find()) {
                if (VARIABLE.matcher(code.group(1)).matches()) {
                    return Optional.of(code.group(1));
                }
            }
            return Optional.empty();
        }

        /** See the keys table of the configuration reference. */
        public Optional<String> literalExample() {
            return code(example);
        }

        private static Optional<String> code(String cell) {
            Matcher code = CODE.matcher(cell);
            return code.lookingAt() ? Optional.of(code.group(1)) : Optional.empty();
        }
    }

    /** See the configuration reference, {@code docs/configuration.md}. */
    public static ConfigurationReference load() throws IOException {
        Path file = locate();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Keys");
        if (start < 0) {
            throw new IllegalStateException(file + " has no '## Keys' section");
        }
        List<String> header = null;
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            entries.add(new Entry(key(cells.get(header.indexOf("Key"))), cells.get(header.indexOf("Default")),
                    cells.get(header.indexOf("Environment variable")), cells.get(header.indexOf("Adapters")),
                    cells.get(header.indexOf("Example"))));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(file + " documents no key");
        }
        return new ConfigurationReference(lines, entries);
    }

    /** See the configuration reference, {@code docs/configuration.md}. */
    public List<Entry> entries() {
        return entries;
    }

    /** See the configuration reference, {@code docs/configuration.md}. */
    public List<Entry> readBy(String adapter) {
        return entries.stream().filter(entry -> entry.readBy(adapter)).collect(Collectors.toList());
    }

    /** See the configuration reference, {@code docs/configuration.md}. */
    public Optional<Entry> find(String key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    /** Returns the first fenced code block in the language under the level-two heading. */
    /** See the configuration reference, {@code docs/configuration.md}. */
    public String codeBlock(String heading, String language) {
        int start = lines.indexOf("## " + heading);
        int open = start < 0 ? -1 : lines.subList(start, lines.size()).indexOf("```" + language);
        if (open < 0) {
            throw new IllegalStateException("no " + language + " block under '## " + heading + "'");
        }
        List<String> rest = lines.subList(start + open + 1, lines.size());
        return String.join("\n", rest.subList(0, rest.indexOf("```"))) + "\n";
    }

    private static String key(String cell) {
        Matcher code = CODE.matcher(cell);
        if (!code.matches()) {
            throw new IllegalStateException("a key cell must be one code span, was: " + cell);
        }
        return code.group(1);
    }

    private static List<String> cells(String line) {
        String inner = line.trim().substring(1, line.trim().length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).collect(Collectors.toList());
    }

    /** Finds the file from the module directory (Maven) or the repository root (an IDE). */
    private static Path locate() {
        for (Path candidate : List.of(Path.of("..", "docs", "configuration.md"), Path.of("docs", "configuration.md"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/configuration.md not found from " + Path.of("").toAbsolutePath());
    }
}
