package io.github.calendlywebhook.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * What an H2 file database writes per commit for new bookings, and how much of it the text keys cost.
 * Each booking inserts an event row (a 4 KiB body, unique on its key) and an invitee row (keyed by its
 * URI, indexed by booking time), and each commit adds to one counter row, as the JDBC store does for a
 * new {@code invitee.created}, on {@code WRITE_DELAY=0}; the event and the invitee are named by random
 * UUIDs, as Calendly names them. Two forms of the same tables, alternated in one process, each round on
 * a fresh file:
 * <ul>
 *   <li>{@code text}: the unique event key and the invitee's primary key are the text identifiers
 *       (about 120 characters), as the shipped H2 schema had them before {@code V5__calendly_h2_digest_keys.sql};</li>
 *   <li>{@code digest}: both are the 32-byte SHA-256 of the same text, which stays in its own column,
 *       unindexed, as that script keys them.</li>
 * </ul>
 * H2 rewrites every page a commit changed, whole, at the end of its file, so a random key changes a leaf
 * and its parents in each index; the file grows by what the commits wrote (H2 reuses space only after
 * 45 s), which the program reports per commit. Usage: {@code H2KeyPages [bookings per round, default 90000]
 * [bookings per commit, default 6] [rounds, default 3]}; a first round of each form warms up and is not
 * reported. The file lies in the system's temporary directory.
 */
public final class H2KeyPages {

    private static final int BODY_SIZE = 4096;
    private static final String EVENT_TYPE = "https://api.calendly.com/event_types/AAAAAAAAAAAAAAAA";

    private H2KeyPages() {
    }

    /**
     * Runs the rounds and prints one line per form and round, and the ratio of each round.
     *
     * @param args bookings per round, bookings per commit, rounds
     */
    public static void main(String[] args) throws Exception {
        int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 90_000;
        int perCommit = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        run(false, bookings, perCommit);
        run(true, bookings, perCommit);
        for (int round = 1; round <= rounds; round++) {
            Result text = run(false, bookings, perCommit);
            Result digest = run(true, bookings, perCommit);
            System.out.printf(Locale.ROOT, "round %d: text %s | digest %s | digest / text: %.2fx bookings/s, %.2fx bytes%n",
                    round, text, digest, digest.perSecond / text.perSecond,
                    (double) digest.bytesPerCommit / text.bytesPerCommit);
        }
    }

    /** One round: bookings per second and the bytes the file grew by per commit, after the first third. */
    record Result(double perSecond, long bytesPerCommit) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f bookings/s, %,d KiB per commit", perSecond, bytesPerCommit / 1024);
        }
    }

    /**
     * Appends the bookings on a fresh file in the system's temporary directory, which is deleted after.
     *
     * @param digest whether the keys are SHA-256 digests instead of the texts
     */
    static Result run(boolean digest, int bookings, int perCommit) throws SQLException, IOException {
        Path directory = Files.createTempDirectory("h2-key-pages");
        try {
            return append(directory, digest, bookings, perCommit);
        } finally {
            Directories.delete(directory);
        }
    }

    private static Result append(Path directory, boolean digest, int bookings, int perCommit)
            throws SQLException, IOException {
        Random random = new Random(18);
        byte[] body = new byte[BODY_SIZE];
        random.nextBytes(body);
        String[] invitees = new String[bookings];
        for (int i = 0; i < bookings; i++) {
            invitees[i] = "https://api.calendly.com/scheduled_events/" + UUID.randomUUID() + "/invitees/"
                    + UUID.randomUUID();
        }
        Path file = directory.resolve("store.mv.db");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + directory.resolve("store") + ";WRITE_DELAY=0", "sa", "")) {
            createTables(connection, digest);
            connection.setAutoCommit(false);
            String eventColumns = digest ? "event_key, key_digest, event_name, source, received_at, body"
                    : "event_key, event_name, source, received_at, body";
            String inviteeColumns = digest ? "uri_digest, uri, created, booking_day, event_type, booked_at"
                    : "uri, created, booking_day, event_type, booked_at";
            try (PreparedStatement event = connection.prepareStatement("INSERT INTO bench_event (" + eventColumns
                            + ") VALUES (?, ?, ?, ?, ?" + (digest ? ", ?)" : ")"));
                    PreparedStatement invitee = connection.prepareStatement("INSERT INTO bench_invitee ("
                            + inviteeColumns + ") VALUES (" + (digest ? "?, " : "") + "?, TRUE, CURRENT_DATE, ?, ?)");
                    PreparedStatement counter = connection.prepareStatement(
                            "UPDATE bench_daily SET new_bookings = new_bookings + ? WHERE event_type = ?")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                long sizeBefore = 0;
                long start = 0;
                int measuredFrom = bookings / 3;
                for (int i = 0; i < bookings; i++) {
                    if (i == measuredFrom) {
                        connection.commit();
                        sizeBefore = Files.size(file);
                        start = System.nanoTime();
                    }
                    String key = "invitee.created|" + invitees[i];
                    int column = 1;
                    event.setString(column++, key);
                    if (digest) {
                        event.setBytes(column++, sha256(key));
                    }
                    event.setString(column++, "invitee.created");
                    event.setString(column++, "WEBHOOK");
                    event.setObject(column++, now);
                    event.setBytes(column, body);
                    event.executeUpdate();
                    column = 1;
                    if (digest) {
                        invitee.setBytes(column++, sha256(invitees[i]));
                    }
                    invitee.setString(column++, invitees[i]);
                    invitee.setString(column++, EVENT_TYPE);
                    // Bookings arrive in the order they were made, so the booking-time index grows at its end.
                    invitee.setObject(column, now.plusNanos(i * 1_000_000L));
                    invitee.executeUpdate();
                    if ((i + 1) % perCommit == 0 || i == bookings - 1) {
                        counter.setLong(1, (i % perCommit) + 1L);
                        counter.setString(2, EVENT_TYPE);
                        counter.executeUpdate();
                        connection.commit();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int measured = bookings - measuredFrom;
                long commits = (measured + perCommit - 1) / perCommit;
                return new Result(measured / seconds, (Files.size(file) - sizeBefore) / commits);
            }
        }
    }

    private static void createTables(Connection connection, boolean digest) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_event (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " event_key VARCHAR(1024) NOT NULL," + (digest ? " key_digest BINARY(32) NOT NULL," : "")
                    + " event_name VARCHAR(255) NOT NULL, source VARCHAR(16) NOT NULL,"
                    + " received_at TIMESTAMP WITH TIME ZONE NOT NULL, body VARBINARY NOT NULL,"
                    + " CONSTRAINT bench_event_key_unique UNIQUE (" + (digest ? "key_digest" : "event_key") + "))");
            statement.execute("ALTER TABLE bench_event ALTER COLUMN id SET CACHE 4096");
            statement.execute("CREATE TABLE bench_invitee ("
                    + (digest ? "uri_digest BINARY(32) PRIMARY KEY, uri VARCHAR(1024) NOT NULL,"
                            : "uri VARCHAR(1024) PRIMARY KEY,")
                    + " created BOOLEAN NOT NULL, booking_day DATE, event_type VARCHAR(1024),"
                    + " booked_at TIMESTAMP WITH TIME ZONE)");
            statement.execute("CREATE INDEX bench_invitee_booked_at ON bench_invitee (booked_at)");
            statement.execute("CREATE TABLE bench_daily (event_type VARCHAR(1024) PRIMARY KEY, new_bookings BIGINT NOT NULL)");
            statement.execute("INSERT INTO bench_daily VALUES ('" + EVENT_TYPE + "', 0)");
        }
    }

    /** Returns the SHA-256 of the text's UTF-8 bytes. */
    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
