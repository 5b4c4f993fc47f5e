package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Publications in table {@code calendly_publication} of an H2 or PostgreSQL database, beside the
 * events of a {@code JdbcEventStore}: the store writes them in each append transaction through
 * {@link #storeParticipant(Supplier)}, so an event is never stored without its publications. Several
 * instances may share the table; see {@link #claimDue} for how they divide the work. The table comes
 * from {@code db/calendly/<database>/V2__calendly_publication.sql} (Flyway) or
 * {@code JdbcSchema.create(dataSource)}. Failures throw {@code StoreUnavailableException}.
 */
final class JdbcPublicationRegistry implements PublicationRegistry {

    private static final String INSERT = "INSERT INTO calendly_publication (id, event_key, listener_id, state,"
            + " attempts, version, created_at, next_attempt_at, lease_owner, lease_until) VALUES (?, ?, ?, 'PENDING', 1, "
            + PublicationClaim.FIRST + ", ?, ?, ?, ?)";
    private static final String CURRENT = " WHERE id = ? AND version = ? AND state = 'PENDING'";
    private static final String FAILED = "UPDATE calendly_publication SET last_error_type = ?, last_error_message = ?,"
            + " last_attempt_at = ?, lease_owner = NULL, lease_until = NULL, ";
    private static final String DUE_NOW = "UPDATE calendly_publication SET state = 'PENDING', next_attempt_at = ?,"
            + " lease_owner = NULL, lease_until = NULL, version = version + 1 WHERE ";

    private final JdbcSupport jdbc;
    private final JdbcPublicationClaims claims;

    private JdbcPublicationRegistry(DataSource dataSource) {
        this.jdbc = new JdbcSupport(dataSource);
        this.claims = new JdbcPublicationClaims(jdbc);
    }

    /**
     * Returns a registry on the data source of the event store.
     *
     * @param dataSource the H2 or PostgreSQL data source whose tables exist
     * @return the registry; the database is first contacted on first use
     */
    static JdbcPublicationRegistry create(DataSource dataSource) {
        return new JdbcPublicationRegistry(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public JdbcAppendParticipant storeParticipant(Supplier<NewPublications> publications) {
        Objects.requireNonNull(publications, "publications");
        return (connection, events) -> insert(connection, events, publications.get());
    }

    private static void insert(Connection connection, Map<String, StoredEvent> events, NewPublications publications)
            throws SQLException {
        if (publications.listenerIds().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<String, StoredEvent> event : events.entrySet()) {
                for (String listenerId : publications.listenerIds()) {
                    insert.setObject(1, Publication.id(event.getValue().key(), listenerId));
                    insert.setString(2, event.getKey());
                    insert.setString(3, listenerId);
                    JdbcSupport.setInstant(insert, 4, publications.createdAt());
                    JdbcSupport.setInstant(insert, 5, publications.createdAt());
                    insert.setString(6, publications.owner());
                    JdbcSupport.setInstant(insert, 7, publications.leaseUntil());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * Does nothing: with this registry the publications are written by the event store's transaction.
     * A dispatcher never calls it, since {@link #storeParticipant(Supplier)} returns a participant.
     */
    @Override
    public void create(CalendlyEvent event, NewPublications publications) {
        // written by the store participant
    }

    /**
     * {@inheritDoc} On PostgreSQL the due rows are locked with {@code FOR UPDATE SKIP LOCKED}; on H2 each
     * is taken by a compare-and-set on its version. A publication whose stored event cannot be parsed
     * again is parked with the parse error instead of being returned.
     */
    @Override
    public List<ClaimedPublication> claimDue(Collection<String> listenerIds, String owner, Instant now,
            Instant leaseUntil, int limit) {
        if (listenerIds.isEmpty()) {
            return List.of();
        }
        List<ClaimedPublication> ready = new ArrayList<>();
        for (JdbcPublicationClaims.Claimed claimed : claims.claim(List.copyOf(listenerIds), owner, now, leaseUntil, limit)) {
            CalendlyEvent event = claimed.event();
            if (event == null) {
                park(claimed.claim(), Objects.requireNonNull(claimed.unreadable()), now);
            } else {
                ready.add(new ClaimedPublication(claimed.claim(), claimed.listenerId(), claimed.attempt(),
                        claimed.createdAt(), event));
            }
        }
        return ready;
    }

    @Override
    public boolean renew(PublicationClaim claim, Instant leaseUntil) {
        return update("could not renew a publication lease",
                "UPDATE calendly_publication SET lease_until = ?" + CURRENT, leaseUntil, claim);
    }

    @Override
    public boolean complete(PublicationClaim claim) {
        return update("could not complete a publication", "DELETE FROM calendly_publication" + CURRENT, null, claim);
    }

    @Override
    public boolean reschedule(PublicationClaim claim, PublicationError error, Instant attemptedAt,
            Instant nextAttemptAt) {
        return failed(FAILED + "next_attempt_at = ?" + CURRENT, claim, error, attemptedAt, nextAttemptAt);
    }

    @Override
    public boolean park(PublicationClaim claim, PublicationError error, Instant attemptedAt) {
        return failed(FAILED + "state = 'PARKED', next_attempt_at = ?" + CURRENT, claim, error, attemptedAt,
                attemptedAt);
    }

    private boolean failed(String sql, PublicationClaim claim, PublicationError error, Instant attemptedAt,
            Instant next) {
        return jdbc.inTransaction("could not record a listener failure", connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, error.type());
                update.setString(2, error.message());
                JdbcSupport.setInstant(update, 3, attemptedAt);
                JdbcSupport.setInstant(update, 4, next);
                update.setObject(5, claim.id());
                update.setLong(6, claim.version());
                return update.executeUpdate() == 1;
            }
        });
    }

    private boolean update(String what, String sql, @Nullable Instant value, PublicationClaim claim) {
        return jdbc.inTransaction(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int index = 1;
                if (value != null) {
                    JdbcSupport.setInstant(update, index++, value);
                }
                update.setObject(index++, claim.id());
                update.setLong(index, claim.version());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int release(String owner, Instant now, Instant leaseEndsBefore) {
        return dueNow("could not release publications",
                "state = 'PENDING' AND lease_owner = ? AND lease_until > ? AND lease_until < ?", now, owner, now,
                leaseEndsBefore);
    }

    @Override
    public boolean retry(UUID id, Instant now) {
        return dueNow("could not retry a publication", "id = ? AND (state = 'PARKED' OR lease_until IS NULL"
                + " OR lease_until <= ?)", now, Objects.requireNonNull(id, "id"), now) == 1;
    }

    @Override
    public int retryAllParked(Instant now) {
        return dueNow("could not retry the parked publications", "state = 'PARKED'", now);
    }

    private int dueNow(String what, String where, Instant now, Object... parameters) {
        return jdbc.inTransaction(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(DUE_NOW + where)) {
                JdbcSupport.setInstant(update, 1, now);
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof Instant instant) {
                        JdbcSupport.setInstant(update, i + 2, instant);
                    } else {
                        update.setObject(i + 2, parameters[i]);
                    }
                }
                return update.executeUpdate();
            }
        });
    }

    @Override
    public PublicationCounts counts() {
        return jdbc.withConnection("could not count publications", JdbcPublicationReads::counts);
    }

    @Override
    public PublicationPage list(PublicationStatus status, int page, int size) {
        Objects.requireNonNull(status, "status");
        Pages.check(page, size);
        return jdbc.withConnection("could not list publications",
                connection -> JdbcPublicationReads.list(connection, jdbc.postgres(connection), status, page, size));
    }
}
