package io.github.calendlywebhook.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The columns saying which adapter line reads a key. */
    public static final List<String> ADAPTER_COLUMNS = List.of("Boot 3.5", "Boot 4", "Micronaut");

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern ONLY = Pattern.compile("\\(([A-Za-z0-9. ]+) only\\)");

    private final List<String> lines;
    private final List<Entry> entries;

    private ConfigurationReference(List<String> lines, List<Entry> entries) {
        this.lines = lines;
        this.entries = entries;
    }

    /**
     * One row of the keys table.
     *
     * @param key the property key
     * @param defaultValue the documented default
     * @param environment the documented environment variables
     * @param adapters the cell of each adapter line's column (Boot 3.5, Boot 4, Micronaut), {@code yes} or {@code no}
     * @param example the documented example
     */
    public record Entry(String key, String defaultValue, String environment, Map<String, String> adapters,
            String example) {

        /** Returns whether the adapter line named by its column reads the key. */
        public boolean readBy(String adapter) {
            String cell = adapters.get(adapter);
            if (cell == null) {
                throw new IllegalArgumentException("docs/configuration.md has no column " + adapter + ", only "
                        + adapters.keySet());
            }
            return cell.equals("yes");
        }

        /** The key without list indexes and the keys below them, as configuration metadata names it. */
        public String metadataName() {
            Matcher index = INDEX.matcher(key);
            return index.find() ? key.substring(0, index.start()) : key;
        }

        /** The literal default, when the default is a value rather than a phrase such as "empty". */
        public Optional<String> literalDefault() {
            return code(defaultValue);
        }

        /**
         * The environment variable that sets the key in the adapter line, when the row names one; a cell such
         * as "`X` (Boot 3.5 and Boot 4 only)" names none for the lines it does not list.
         */
        public Optional<String> environmentVariable(String adapter) {
            Matcher only = ONLY.matcher(environment);
            if (only.find() && !List.of(only.group(1).split(" and ")).contains(adapter)) {
                return Optional.empty();
            }
            return anyEnvironmentVariable();
        }

        /** The environment variable the row names, whichever adapter it is for. */
        public Optional<String> anyEnvironmentVariable() {
            Matcher code = CODE.matcher(environment);
            while (code.find()) {
                if (VARIABLE.matcher(code.group(1)).matches()) {
                    return Optional.of(code.group(1));
                }
            }
            return Optional.empty();
        }

        /** The literal example, when the example is a value rather than a phrase. */
        public Optional<String> literalExample() {
            return code(example);
        }

        private static Optional<String> code(String cell) {
            Matcher code = CODE.matcher(cell);
            return code.lookingAt() ? Optional.of(code.group(1)) : Optional.empty();
        }
    }

    /**
     * Reads the keys table of {@code docs/configuration.md}.
     *
     * @return the reference
     * @throws IOException when the file cannot be read
     */
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
            Map<String, String> adapters = new LinkedHashMap<>();
            for (String column : ADAPTER_COLUMNS) {
                adapters.put(column, cells.get(column(header, column)));
            }
            entries.add(new Entry(key(cells.get(column(header, "Key"))), cells.get(column(header, "Default")),
                    cells.get(column(header, "Environment variable")), adapters, cells.get(column(header, "Example"))));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(file + " documents no key");
        }
        return new ConfigurationReference(lines, entries);
    }

    /** Returns every row of the keys table. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns the rows whose key the adapter line named by its column reads. */
    public List<Entry> readBy(String adapter) {
        return entries.stream().filter(entry -> entry.readBy(adapter)).collect(Collectors.toList());
    }

    /** Returns the row of a key. */
    public Optional<Entry> find(String key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    /** Returns the first fenced code block in the language under the level-two heading. */
    public String codeBlock(String heading, String language) {
        int start = lines.indexOf("## " + heading);
        int open = start < 0 ? -1 : lines.subList(start, lines.size()).indexOf("```" + language);
        if (open < 0) {
            throw new IllegalStateException("no " + language + " block under '## " + heading + "'");
        }
        List<String> rest = lines.subList(start + open + 1, lines.size());
        return String.join("\n", rest.subList(0, rest.indexOf("```"))) + "\n";
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("the keys table has no column " + name + ": " + header);
        }
        return index;
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
