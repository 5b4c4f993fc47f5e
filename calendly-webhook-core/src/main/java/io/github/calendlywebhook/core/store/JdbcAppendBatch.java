package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import io.github.calendlywebhook.core.store.internal.JdbcKeys;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.EventTypeRef;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Appends events in order inside the caller's transaction, with as few statements as the outcome
 * allows: one event insert per event (prepared once per batch; on H2, when the store asks for it, the keys
 * stored already are read first in one statement, so redeliveries raise no unique violation), one insert of the final state for a
 * new invitee (a lock and an update only when the row already exists), each state row locked once per
 * batch, and the counter changes of the whole batch merged into one write per bucket row. On PostgreSQL,
 * where each statement is a round trip to the server, the events of a batch are inserted in one statement
 * and so are the new invitees' rows. The results are only true once the caller commits.
 */
final class JdbcAppendBatch {

    /** H2's read of the keys stored already, through the digests its unique key is on. */
    private static final String STORED_KEYS = "SELECT event_key FROM calendly_event WHERE key_digest IN"
            + " (SELECT " + JdbcKeys.h2Digest("k") + " FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS t(k))";
    private static final String INSERT_EVENT = "INSERT INTO calendly_event (event_key, event_name, source, received_at,"
            + " body) VALUES (?, ?, ?, ?, ?)";

    private final Dialect dialect;
    private final Projection projection;
    private final JdbcStateRows states;
    private final @Nullable JdbcAppendParticipant participant;
    private final boolean readStoredKeys;
    /** Whether an event of this batch was found stored already, by the read or by a unique violation. */
    private boolean foundStored;

    /** Locked invitee rows and their current state within this transaction. */
    private final Map<String, InviteeState> invitees = new HashMap<>();
    /** Invitee rows whose state changed since they were written. */
    private final Map<String, InviteeState> dirtyInvitees = new LinkedHashMap<>();
    private final Map<String, NoShowState> noShows = new HashMap<>();
    private final Map<String, NoShowState> dirtyNoShows = new LinkedHashMap<>();
    /** Keys of this batch's events and of those found stored already: a second sight is a duplicate. */
    private final Set<String> keys = new HashSet<>();
    private final TreeMap<BucketKey, Counters> deltas = new TreeMap<>();
    private final Map<BucketKey.TotalKey, String> names = new HashMap<>();

    JdbcAppendBatch(Dialect dialect, Projection projection, @Nullable JdbcAppendParticipant participant) {
        this(dialect, projection, participant, true);
    }

    /**
     * Returns a batch that reads the stored keys first (on H2, for more than one event) only when asked.
     *
     * @param readStoredKeys whether to read the stored keys first: worth a statement while redeliveries
     *     reach the database, a statement lost while they do not
     */
    JdbcAppendBatch(Dialect dialect, Projection projection, @Nullable JdbcAppendParticipant participant,
            boolean readStoredKeys) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.projection = Objects.requireNonNull(projection, "projection");
        this.states = new JdbcStateRows(dialect);
        this.participant = participant;
        this.readStoredKeys = readStoredKeys;
    }

    /** Returns whether an event of the batch was found stored already (after {@link #run}). */
    boolean foundStored() {
        return foundStored;
    }

    /**
     * Appends the events, in order, on the connection's open transaction.
     *
     * @return one result per event, in the same order
     */
    List<AppendResult> run(Connection connection, List<StoredEvent> events) throws SQLException {
        List<AppendResult> results = new ArrayList<>(events.size());
        Map<String, StoredEvent> stored = new LinkedHashMap<>();
        if (readStoredKeys && dialect == Dialect.H2 && events.size() > 1) {
            Set<String> found = storedKeys(connection, events);
            foundStored = !found.isEmpty();
            keys.addAll(found);
        }
        if (dialect == Dialect.POSTGRESQL && events.size() > 1) {
            appendTogether(connection, events, results, stored);
        } else {
            String sql = INSERT_EVENT + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT (event_key) DO NOTHING" : "");
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (StoredEvent event : events) {
                    if (insertEvent(insert, event)) {
                        stored.put(StoreKeys.fit(event.key()), event);
                        apply(connection, event, true);
                        results.add(AppendResult.STORED);
                    } else {
                        results.add(AppendResult.DUPLICATE);
                    }
                }
            }
        }
        states.saveInvitees(connection, dirtyInvitees.values());
        for (NoShowState noShow : dirtyNoShows.values()) {
            states.saveNoShow(connection, noShow);
        }
        new JdbcBuckets(dialect).apply(connection, deltas, names);
        if (participant != null && !stored.isEmpty()) {
            participant.stored(connection, stored);
        }
        return results;
    }

    /**
     * PostgreSQL: inserts the events in one statement, then the rows of the invitees they create that nothing
     * earlier in the batch touched, in another, and applies each stored event in order, as appending them one
     * by one would. A create whose invitee row exists already takes the lock and update of any other event.
     */
    private void appendTogether(Connection connection, List<StoredEvent> events, List<AppendResult> results,
            Map<String, StoredEvent> stored) throws SQLException {
        List<StoredEvent> fresh = new ArrayList<>();
        for (StoredEvent event : insertEvents(connection, events)) {
            if (event == null) {
                results.add(AppendResult.DUPLICATE);
            } else {
                fresh.add(event);
                stored.put(StoreKeys.fit(event.key()), event);
                results.add(AppendResult.STORED);
            }
        }
        Map<StoredEvent, ProjectionStep> creates = new IdentityHashMap<>();
        Set<String> touched = new HashSet<>();
        List<InviteeState> newRows = new ArrayList<>();
        for (StoredEvent event : fresh) {
            CalendlyEvent parsed = event.event();
            String inviteeUri = Projection.inviteeUri(parsed);
            if (inviteeUri == null || !touched.add(inviteeUri) || Projection.noShowUri(parsed) != null
                    || !(parsed instanceof InviteeCreatedEvent)) {
                continue;
            }
            ProjectionStep step = projection.apply(event, InviteeState.absent(inviteeUri), null);
            InviteeState created = step.invitee();
            if (created != null && created.uri().equals(inviteeUri)) {
                creates.put(event, step);
                newRows.add(created);
            }
        }
        Set<String> inserted = newRows.isEmpty() ? Set.of() : states.insertInvitees(connection, newRows);
        for (StoredEvent event : fresh) {
            ProjectionStep step = creates.get(event);
            InviteeState created = step == null ? null : step.invitee();
            if (step != null && created != null && inserted.contains(created.uri())) {
                invitees.put(created.uri(), created);
                addCounters(step, event.event());
            } else {
                apply(connection, event, false);
            }
        }
    }

    /**
     * PostgreSQL: inserts the events in one statement, skipping the keys stored already and the repeats
     * within the batch; returns, in order, each event this stored and {@code null} for each duplicate.
     */
    private List<@Nullable StoredEvent> insertEvents(Connection connection, List<StoredEvent> events)
            throws SQLException {
        List<StoredEvent> sent = new ArrayList<>();
        for (StoredEvent event : events) {
            if (keys.add(StoreKeys.fit(event.key()))) {
                sent.add(event);
            }
        }
        Set<String> inserted = new HashSet<>();
        if (!sent.isEmpty()) {
            String sql = INSERT_EVENT + ", (?, ?, ?, ?, ?)".repeat(sent.size() - 1)
                    + " ON CONFLICT (event_key) DO NOTHING RETURNING event_key";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int next = 1;
                for (StoredEvent event : sent) {
                    bindEvent(insert, next, event);
                    next += 5;
                }
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
            }
        }
        List<@Nullable StoredEvent> outcome = new ArrayList<>(events.size());
        // A key is stored once: by its first event in the batch, and only if the database had none.
        for (StoredEvent event : events) {
            outcome.add(inserted.remove(StoreKeys.fit(event.key())) ? event : null);
        }
        return outcome;
    }

    /**
     * Returns the keys of the events that are stored already, read in one statement, so that H2 does
     * not raise (and the batch does not pay for) a unique violation per redelivery. A key stored by
     * another transaction after this read still ends as a duplicate through the violation.
     */
    private static Set<String> storedKeys(Connection connection, List<StoredEvent> events) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        events.forEach(event -> wanted.add(StoreKeys.fit(event.key())));
        Set<String> stored = new HashSet<>();
        // One text for every batch size, so the database parses it once per connection, not per size.
        try (PreparedStatement select = connection.prepareStatement(STORED_KEYS)) {
            select.setArray(1, connection.createArrayOf("VARCHAR", wanted.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        return stored;
    }

    private boolean insertEvent(PreparedStatement insert, StoredEvent event) throws SQLException {
        String key = StoreKeys.fit(event.key());
        if (!keys.add(key)) {
            return false;
        }
        bindEvent(insert, 1, event);
        try {
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2 && JdbcTransactions.uniqueViolation(e)) {
                foundStored = true;
                return false;
            }
            throw e;
        }
    }

    private static void bindEvent(PreparedStatement insert, int first, StoredEvent event) throws SQLException {
        insert.setString(first, StoreKeys.fit(event.key()));
        insert.setString(first + 1, JdbcValues.clip(event.event().name(), 255));
        insert.setString(first + 2, event.source().name());
        JdbcValues.setInstant(insert, first + 3, event.receivedAt());
        insert.setBytes(first + 4, event.body());
    }

    /**
     * Applies a stored event to its state rows and counters.
     *
     * @param tryCreate whether a create for an invitee this batch has not touched may insert its row at once
     */
    private void apply(Connection connection, StoredEvent event, boolean tryCreate) throws SQLException {
        CalendlyEvent parsed = event.event();
        String inviteeUri = Projection.inviteeUri(parsed);
        String noShowUri = Projection.noShowUri(parsed);
        if (tryCreate && inviteeUri != null && noShowUri == null && parsed instanceof InviteeCreatedEvent
                && !invitees.containsKey(inviteeUri) && createNewInvitee(connection, event, inviteeUri)) {
            return;
        }
        InviteeState invitee = inviteeUri == null ? null : invitee(connection, inviteeUri);
        NoShowState noShow = noShowUri == null || inviteeUri == null ? null : noShow(connection, noShowUri, inviteeUri);
        ProjectionStep step = projection.apply(event, invitee, noShow);
        if (step.invitee() != null) {
            invitees.put(step.invitee().uri(), step.invitee());
            dirtyInvitees.put(step.invitee().uri(), step.invitee());
        }
        if (step.noShow() != null) {
            noShows.put(step.noShow().uri(), step.noShow());
            dirtyNoShows.put(step.noShow().uri(), step.noShow());
        }
        addCounters(step, parsed);
    }

    /**
     * Writes the state of a create for an invitee never seen before as one insert, which also locks
     * the new row. Returns {@code false}, having changed nothing, when the row exists already.
     */
    private boolean createNewInvitee(Connection connection, StoredEvent event, String uri) throws SQLException {
        ProjectionStep step = projection.apply(event, InviteeState.absent(uri), null);
        InviteeState created = step.invitee();
        if (created == null || !created.uri().equals(uri) || !states.insertInvitee(connection, created)) {
            return false;
        }
        invitees.put(uri, created);
        addCounters(step, event.event());
        return true;
    }

    private InviteeState invitee(Connection connection, String uri) throws SQLException {
        InviteeState known = invitees.get(uri);
        if (known == null) {
            known = states.lockInvitee(connection, uri);
            invitees.put(uri, known);
        }
        return known;
    }

    private NoShowState noShow(Connection connection, String uri, String inviteeUri) throws SQLException {
        NoShowState known = noShows.get(uri);
        if (known == null) {
            known = states.lockNoShow(connection, uri, inviteeUri);
            noShows.put(uri, known);
        }
        return known;
    }

    private void addCounters(ProjectionStep step, CalendlyEvent event) {
        @Nullable String name = typeName(event);
        for (Map.Entry<BucketKey, Counters> entry : step.deltas().entrySet()) {
            deltas.merge(entry.getKey(), entry.getValue(), Counters::plus);
            if (name != null && entry.getKey().eventTypeKey().equals(typeKey(event))) {
                names.put(entry.getKey().total(), name);
            }
        }
    }

    private static @Nullable String typeName(CalendlyEvent event) {
        return event instanceof InviteeCreatedEvent ? type(event).name() : null;
    }

    private static String typeKey(CalendlyEvent event) {
        return StoreKeys.fit(type(event).key());
    }

    private static EventTypeRef type(CalendlyEvent event) {
        return ((InviteeCreatedEvent) event).invitee().scheduledEvent().eventType();
    }
}
