package io.github.calendlywebhook.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Where an H2 file database's writes go when every commit is written before it returns, as the JDBC
 * stores make it ({@code WRITE_DELAY=0}). H2 writes each such commit as a chunk of its own and keeps one
 * line of metadata per chunk in the file's layout map for as long as any page of the chunk is live. A
 * commit that replaces a page of an older chunk rewrites that chunk's line, so every random key (a new
 * leaf in an index, anywhere in it) also rewrites a page of the layout. The bookings are those of
 * {@link H2KeyPages} on the shipped digest keys: an event row with a 4 KiB body, unique on the digest of
 * its key, and an invitee row keyed by the digest of its URI, named by random UUIDs as Calendly names
 * them, and one counter update per commit. Three modes, each on a fresh file:
 * <ul>
 *   <li>{@code delay-0}: {@code WRITE_DELAY=0}, as the stores run. H2 then runs no background writer, so it
 *       never compacts old chunks while the database is open;</li>
 *   <li>{@code checkpoint}: H2's default delay with {@code CHECKPOINT} (which writes without a sync) after
 *       each commit, so each commit is written before the caller goes on and the background writer runs;</li>
 *   <li>{@code ordered}: as {@code delay-0}, with both digests prefixed by a counter of bookings, so new keys
 *       arrive in order at the end of their indexes. Calendly's identifiers never do; this bounds what
 *       random keys cost.</li>
 * </ul>
 * Reports bookings per second, what the file grew by per commit, the chunks in the layout and the file's
 * size, at each sixth of the bookings; then, with the database left idle, the chunks and the file's size
 * every second. The file's chunks are kept 1 s instead of H2's 45 s ({@code RETENTION_TIME}), so that what
 * H2 would do to a database idle for a minute shows within seconds. The chunk counts are read through H2's
 * own classes. Usage: {@code H2Chunks [mode, default delay-0] [bookings, default 60000] [bookings per
 * commit, default 6] [idle seconds, default 0]}; the file lies in the system's temporary directory.
 */
public final class H2Chunks {

    private static final int BODY_SIZE = 4096;
    private static final int REPORTS = 6;

    private H2Chunks() {
    }

    /** How the commits are written. */
    enum Mode {
        DELAY_0, CHECKPOINT, ORDERED;

        static Mode of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        String url(Path file) {
            String base = "jdbc:h2:file:" + file + ";RETENTION_TIME=1000";
            return this == CHECKPOINT ? base : base + ";WRITE_DELAY=0";
        }
    }

    /** The state of the file after some bookings, or after some idle seconds. */
    record Sample(int bookings, double perSecond, long bytesPerCommit, long chunks, long layoutBytes, long fileBytes) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d bookings: %,.0f bookings/s, %,d KiB per commit, %,d chunks,"
                    + " layout %,d KiB, file %,d MiB", bookings, perSecond, bytesPerCommit / 1024, chunks,
                    layoutBytes / 1024, fileBytes >> 20);
        }
    }

    /** The samples while booking, then while idle. */
    record Result(List<Sample> booking, List<Sample> idle) {
    }

    /**
     * Runs one mode and prints its samples.
     *
     * @param args mode, bookings, bookings per commit, idle seconds
     */
    public static void main(String[] args) throws Exception {
        Mode mode = args.length > 0 ? Mode.of(args[0]) : Mode.DELAY_0;
        int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        int perCommit = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int idleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Result result = run(mode, bookings, perCommit, idleSeconds);
        for (Sample sample : result.booking()) {
            System.out.println(mode.name().toLowerCase(Locale.ROOT) + " " + sample);
        }
        for (int second = 0; second < result.idle().size(); second++) {
            Sample sample = result.idle().get(second);
            System.out.printf(Locale.ROOT, "%s idle %d s: %,d chunks, file %,d MiB%n",
                    mode.name().toLowerCase(Locale.ROOT), second + 1, sample.chunks(), sample.fileBytes() >> 20);
        }
    }

    /** Books on a fresh file in the system's temporary directory, which is deleted after. */
    static Result run(Mode mode, int bookings, int perCommit, int idleSeconds)
            throws SQLException, IOException, InterruptedException {
        Path directory = Files.createTempDirectory("h2-chunks");
        try {
            return book(directory, mode, bookings, perCommit, idleSeconds);
        } finally {
            Directories.delete(directory);
        }
    }

    private static Result book(Path directory, Mode mode, int bookings, int perCommit, int idleSeconds)
            throws SQLException, IOException, InterruptedException {
        byte[] body = new byte[BODY_SIZE];
        new Random(18).nextBytes(body);
        Path file = directory.resolve("store.mv.db");
        List<Sample> booking = new ArrayList<>();
        List<Sample> idle = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(mode.url(directory.resolve("store")), "sa", "");
                Statement checkpoint = connection.createStatement()) {
            createTables(connection);
            connection.setAutoCommit(false);
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
                    .getStore().getMvStore();
            try (PreparedStatement event = connection.prepareStatement(
                            "INSERT INTO bench_event (event_key, key_digest, body) VALUES (?, ?, ?)");
                    PreparedStatement invitee = connection.prepareStatement(
                            "INSERT INTO bench_invitee (uri_digest, uri, booked_at) VALUES (?, ?, ?)");
                    PreparedStatement counter = connection.prepareStatement(
                            "UPDATE bench_daily SET new_bookings = new_bookings + 1")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                int every = Math.max(perCommit, bookings / REPORTS / perCommit * perCommit);
                long start = System.nanoTime();
                long sizeBefore = Files.size(file);
                for (int i = 0; i < bookings; i++) {
                    String uri = "https://api.calendly.com/scheduled_events/" + UUID.randomUUID() + "/invitees/"
                            + UUID.randomUUID();
                    String key = "invitee.created|" + uri;
                    event.setString(1, key);
                    event.setBytes(2, digest(key, mode, i));
                    event.setBytes(3, body);
                    event.executeUpdate();
                    invitee.setBytes(1, digest(uri, mode, i));
                    invitee.setString(2, uri);
                    invitee.setObject(3, now.plusNanos(i * 1_000_000L));
                    invitee.executeUpdate();
                    if ((i + 1) % perCommit == 0) {
                        counter.executeUpdate();
                        connection.commit();
                        if (mode == Mode.CHECKPOINT) {
                            checkpoint.execute("CHECKPOINT");
                        }
                    }
                    if ((i + 1) % every == 0) {
                        long nanos = System.nanoTime() - start;
                        long size = Files.size(file);
                        booking.add(sample(store, i + 1, every * 1e9 / nanos, (size - sizeBefore) / (every / perCommit),
                                size));
                        start = System.nanoTime();
                        sizeBefore = size;
                    }
                }
                connection.commit();
            }
            for (int second = 0; second < idleSeconds; second++) {
                Thread.sleep(1_000);
                idle.add(sample(store, bookings, 0, 0, Files.size(file)));
            }
        }
        return new Result(booking, idle);
    }

    private static Sample sample(MVStore store, int bookings, double perSecond, long bytesPerCommit, long fileBytes) {
        long chunks = 0;
        long layoutBytes = 0;
        for (Map.Entry<String, String> entry : store.getLayoutMap().entrySet()) {
            if (entry.getKey().startsWith("chunk.")) {
                chunks++;
            }
            layoutBytes += entry.getKey().length() + entry.getValue().length();
        }
        return new Sample(bookings, perSecond, bytesPerCommit, chunks, layoutBytes, fileBytes);
    }

    private static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_event (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " event_key VARCHAR(1024) NOT NULL, key_digest BINARY(32) NOT NULL, body VARBINARY NOT NULL,"
                    + " CONSTRAINT bench_event_key_unique UNIQUE (key_digest))");
            statement.execute("ALTER TABLE bench_event ALTER COLUMN id SET CACHE 4096");
            statement.execute("CREATE TABLE bench_invitee (uri_digest BINARY(32) PRIMARY KEY,"
                    + " uri VARCHAR(1024) NOT NULL, booked_at TIMESTAMP WITH TIME ZONE)");
            statement.execute("CREATE INDEX bench_invitee_booked_at ON bench_invitee (booked_at)");
            statement.execute("CREATE TABLE bench_daily (new_bookings BIGINT NOT NULL)");
            statement.execute("INSERT INTO bench_daily VALUES (0)");
        }
    }

    /** The SHA-256 of the text; in {@code ordered} mode its first 8 bytes are the booking's number. */
    private static byte[] digest(String text, Mode mode, int booking) {
        byte[] digest = H2KeyPages.sha256(text);
        if (mode == Mode.ORDERED) {
            for (int i = 0; i < Long.BYTES; i++) {
                digest[i] = (byte) ((long) booking >>> (56 - 8 * i));
            }
        }
        return digest;
    }
}
