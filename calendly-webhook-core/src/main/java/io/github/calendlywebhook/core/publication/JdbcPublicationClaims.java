package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.internal.JdbcKeys;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Claims due publications. On PostgreSQL one statement locks the due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent instances take disjoint rows without waiting; on H2,
 * whose locking of rows cut by a row limit is undefined, the due rows are read without a lock and each
 * is taken by a compare-and-set update on its version in its own short transaction (so two instances
 * never wait on each other's batches); H2 evaluates the condition again once a concurrent writer
 * commits. The events are then read back from {@code calendly_event} and parsed again.
 */
final class JdbcPublicationClaims {

    private static final String DUE = "state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)";
    private static final String TAKE = "lease_owner = ?, lease_until = ?, attempts = attempts + 1, version = version + 1";
    private static final String H2_TAKE = "UPDATE calendly_publication SET " + TAKE + " WHERE id = ? AND version = ? AND "
            + DUE;

    private final JdbcSupport jdbc;
    private final CalendlyEventParser parser = CalendlyEventParser.create(Integer.MAX_VALUE);

    JdbcPublicationClaims(JdbcSupport jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims due rows, returning them with their events; a row whose event cannot be read is returned unparsed. */
    List<Claimed> claim(List<String> listenerIds, String owner, Instant now, Instant leaseUntil, int limit) {
        String listeners = " AND listener_id IN (" + String.join(", ", Collections.nCopies(listenerIds.size(), "?")) + ")";
        List<UUID> ids = jdbc.withConnection("could not claim publications", connection -> jdbc.postgres(connection)
                ? JdbcSupport.inTransaction(connection,
                        () -> claimPostgres(connection, listeners, listenerIds, owner, now, leaseUntil, limit))
                : JdbcSupport.autoCommitting(connection,
                        () -> claimH2(connection, listeners, listenerIds, owner, now, leaseUntil, limit)));
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.withConnection("could not read claimed publications",
                connection -> read(connection, jdbc.postgres(connection), ids));
    }

    private static List<UUID> claimPostgres(Connection connection, String listeners, List<String> listenerIds,
            String owner, Instant now, Instant leaseUntil, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        String sql = "UPDATE calendly_publication SET " + TAKE + " WHERE id IN (SELECT id FROM calendly_publication"
                + " WHERE " + DUE + listeners + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id";
        try (PreparedStatement claim = connection.prepareStatement(sql)) {
            take(claim, owner, leaseUntil, now);
            int index = setAll(claim, 5, listenerIds);
            claim.setInt(index, limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static List<UUID> claimH2(Connection connection, String listeners, List<String> listenerIds, String owner,
            Instant now, Instant leaseUntil, int limit) throws SQLException {
        List<Object[]> candidates = new ArrayList<>();
        String sql = "SELECT id, version FROM calendly_publication WHERE " + DUE + listeners
                + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            JdbcSupport.setInstant(select, 1, now);
            JdbcSupport.setInstant(select, 2, now);
            select.setInt(setAll(select, 3, listenerIds), limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Object[] {rows.getObject(1, UUID.class), rows.getLong(2)});
                }
            }
        }
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(H2_TAKE)) {
            for (Object[] candidate : candidates) {
                take(update, owner, leaseUntil, null);
                update.setObject(3, candidate[0]);
                update.setLong(4, (Long) candidate[1]);
                JdbcSupport.setInstant(update, 5, now);
                JdbcSupport.setInstant(update, 6, now);
                if (update.executeUpdate() == 1) {
                    ids.add((UUID) candidate[0]);
                }
            }
        }
        return ids;
    }

    private static int setAll(PreparedStatement statement, int from, List<String> values) throws SQLException {
        int index = from;
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }

    private static void take(PreparedStatement statement, String owner, Instant leaseUntil, @Nullable Instant now)
            throws SQLException {
        statement.setString(1, owner);
        JdbcSupport.setInstant(statement, 2, leaseUntil);
        if (now != null) {
            JdbcSupport.setInstant(statement, 3, now);
            JdbcSupport.setInstant(statement, 4, now);
        }
    }

    private List<Claimed> read(Connection connection, boolean postgres, List<UUID> ids) throws SQLException {
        String sql = "SELECT p.id, p.listener_id, p.attempts, p.version, p.created_at, p.next_attempt_at, e.body"
                + " FROM calendly_publication p LEFT JOIN calendly_event e ON "
                + JdbcKeys.eventByKey(postgres, "e", "p.event_key") + " WHERE p.id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY p.next_attempt_at, p.created_at";
        List<Claimed> claimed = new ArrayList<>(ids.size());
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                select.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(claimed(rows));
                }
            }
        }
        return claimed;
    }

    private Claimed claimed(ResultSet row) throws SQLException {
        PublicationClaim claim = new PublicationClaim(row.getObject("id", UUID.class), row.getLong("version"));
        String listenerId = row.getString("listener_id");
        int attempt = row.getInt("attempts");
        Instant createdAt = Objects.requireNonNull(JdbcValues.instant(row, "created_at"));
        byte[] body = row.getBytes("body");
        if (body == null) {
            return new Claimed(claim, listenerId, attempt, createdAt, null,
                    new PublicationError(IllegalStateException.class.getName(), "the stored event is missing"));
        }
        try {
            CalendlyEvent event = parser.parse(body);
            return new Claimed(claim, listenerId, attempt, createdAt, event, null);
        } catch (RuntimeException e) {
            return new Claimed(claim, listenerId, attempt, createdAt, null, PublicationError.of(e));
        }
    }

    /** A claimed row: its event, or why the event could not be read back. */
    record Claimed(PublicationClaim claim, String listenerId, int attempt, Instant createdAt,
            @Nullable CalendlyEvent event, @Nullable PublicationError unreadable) {
    }
}
