package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.testing.SwitchableDataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable store answers redeliveries of recently stored events from memory, and only those. */
class JdbcStoredKeysTest {

    private static final Instant AT = Instant.parse("2026-03-15T10:00:00Z");

    private JdbcConnectionPool pool;
    private SwitchableDataSource database;

    @BeforeEach
    void createDatabase() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:stored-keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcSchema.create(pool);
        database = new SwitchableDataSource(pool);
    }

    @AfterEach
    void dropDatabase() {
        pool.dispose();
    }

    private static long newBookings(JdbcEventStore store) {
        return store.totals(false).values().stream().mapToLong(Counters::newBookings).sum();
    }

    @Test
    void aRedeliveryOfARecentEventIsADuplicateWithoutTheDatabase() {
        JdbcEventStore store = JdbcEventStore.create(database.dataSource(), ZoneOffset.UTC);
        StoredEvent event = stored(created("a", "intro", AT));
        assertThat(store.append(event)).isEqualTo(AppendResult.STORED);
        int taken = database.connections();
        database.down(true);

        assertThat(store.append(event)).isEqualTo(AppendResult.DUPLICATE);
        assertThat(database.connections()).isEqualTo(taken);
        assertThatThrownBy(() -> store.append(stored(created("b", "intro", AT))))
                .isInstanceOf(StoreUnavailableException.class);
        database.down(false);
        assertThat(newBookings(store)).isEqualTo(1);
    }

    @Test
    void aKeyIsRememberedOnlyOnceItsCommitSucceeded() {
        JdbcEventStore store = JdbcEventStore.create(database.dataSource(), ZoneOffset.UTC);
        StoredEvent event = stored(created("a", "intro", AT));
        database.down(true);
        assertThatThrownBy(() -> store.append(event)).isInstanceOf(StoreUnavailableException.class);
        database.down(false);

        assertThat(store.append(event)).isEqualTo(AppendResult.STORED);
        assertThat(newBookings(store)).isEqualTo(1);
    }

    @Test
    void aDuplicateTheDatabaseFoundIsRememberedToo() {
        JdbcEventStore.create(pool, ZoneOffset.UTC).append(stored(created("a", "intro", AT)));
        JdbcEventStore other = JdbcEventStore.create(database.dataSource(), ZoneOffset.UTC);
        StoredEvent event = stored(created("a", "intro", AT));

        assertThat(other.append(event)).isEqualTo(AppendResult.DUPLICATE);
        int taken = database.connections();
        assertThat(other.append(event)).isEqualTo(AppendResult.DUPLICATE);
        assertThat(database.connections()).isEqualTo(taken);
    }

    @Test
    void pastItsCapacityTheOldestKeyIsAskedOfTheDatabaseAgain() {
        JdbcEventStore store = JdbcEventStore.create(database.dataSource(), ZoneOffset.UTC, 2);
        StoredEvent first = stored(created("a", "intro", AT));
        store.append(first);
        store.append(stored(created("b", "intro", AT)));
        store.append(stored(created("c", "intro", AT)));
        int taken = database.connections();

        assertThat(store.append(stored(created("c", "intro", AT)))).isEqualTo(AppendResult.DUPLICATE);
        assertThat(database.connections()).isEqualTo(taken);
        assertThat(store.append(first)).isEqualTo(AppendResult.DUPLICATE);
        assertThat(database.connections()).isGreaterThan(taken);
        assertThat(newBookings(store)).isEqualTo(3);
    }

    @Test
    void theCacheHoldsAtMostItsCapacity() {
        StoredKeysCache cache = new StoredKeysCache(100);
        for (int i = 0; i < 1_000; i++) {
            cache.stored(KeyDigests.of("key-" + i));
            cache.stored(KeyDigests.of("key-" + i));
        }

        assertThat(cache.size()).isEqualTo(100);
        assertThat(cache.isStored(KeyDigests.of("key-999"))).isTrue();
        assertThat(cache.isStored(KeyDigests.of("key-900"))).isTrue();
        assertThat(cache.isStored(KeyDigests.of("key-899"))).isFalse();
        assertThatThrownBy(() -> new StoredKeysCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
