package io.github.calendlywebhook.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jspecify.annotations.Nullable;

/**
 * The file of an embedded H2 database, reached through H2's own classes: the only class of the stores that
 * names them, loaded only once a connection has shown that the database is H2, so that applications on
 * PostgreSQL need no H2 on their classpath. One {@link #compact} is the work H2's background writer does
 * on a file, which {@code WRITE_DELAY=0} stops: it rewrites the live pages of chunks that are mostly dead
 * (at most {@value #REWRITE_PASS_MIB} MiB of them per pass, passes {@link #PAUSE} apart for at most the
 * budget, so that a commit, which needs the store lock each pass holds, waits for one small pass at most)
 * and commits; then H2 drops the chunks dead for longer than their retention time and, while chunks fill at
 * most {@value #TARGET_FILL_RATE} % of the file, moves up to {@value #WRITE_LIMIT_MIB} MiB of them into free
 * space nearer the start, and cuts the file after its last chunk. H2 drops a chunk only some versions after the
 * commit that made it dead, so an idle file shrinks once new commits arrive.
 *
 * <p>H2 frees a chunk only once none of its pages is live, after the commit that holds their new copies and
 * after its retention time (45 s by default), and syncs the file before it moves a chunk; a process killed
 * at any moment leaves a file that opens with every committed row.
 */
final class H2FileStore {

    /** Below this live share (of the chunks, or of the file) chunks are rewritten, or moved down. */
    static final int TARGET_FILL_RATE = 90;
    static final int WRITE_LIMIT_MIB = 16;
    /** What one rewriting pass writes at most, holding H2's store lock. */
    static final int REWRITE_PASS_MIB = 2;
    /** Between two rewriting passes, for the commits waiting for H2's store lock. */
    static final Duration PAUSE = Duration.ofMillis(10);

    private final MVStore store;

    private H2FileStore(MVStore store) {
        this.store = store;
    }

    /**
     * Returns the file of the embedded H2 database behind the connection, or {@code null} for an H2
     * database in memory or reached over TCP (the server's own process owns that file).
     *
     * @param connection a connection to an H2 database, directly or through a pool
     */
    static @Nullable H2FileStore of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
            return null;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? null : new H2FileStore(store);
    }

    /**
     * Rewrites and moves what it can within the budget, as the class comment says.
     *
     * @param budget how long the rewriting passes may take; the move that follows is bounded by size
     * @return what was done
     */
    Run compact(Duration budget) {
        if (store.isClosed()) {
            return new Run(0, 0, 0, 0, 0);
        }
        FileStore<?> file = store.getFileStore();
        int liveBefore = file.getChunksFillRate();
        long sizeBefore = file.size();
        long deadline = System.nanoTime() + budget.toNanos();
        int passes = 0;
        // Each pass holds H2's store lock, which every commit needs, so the passes are small and the commits
        // that queued for the lock during one go on for a while before the next.
        while (System.nanoTime() - deadline < 0 && store.compact(TARGET_FILL_RATE, REWRITE_PASS_MIB << 20)) {
            passes++;
            if (!pause()) {
                break;
            }
        }
        if (passes > 0) {
            store.commit();
        }
        if (file instanceof RandomAccessStore randomAccess) {
            // H2 syncs the file under its store lock before it moves a chunk; syncing first, while commits go on,
            // leaves that sync little to write.
            file.sync();
            // Under H2's store lock: drops the chunks that have been dead for their retention time, then moves
            // chunks down only while the file's fill rate is at or below the target.
            randomAccess.compactMoveChunks(TARGET_FILL_RATE, WRITE_LIMIT_MIB << 20, store);
        }
        return new Run(passes, liveBefore, file.getChunksFillRate(), sizeBefore, file.size());
    }

    /** Sleeps {@link #PAUSE}; returns {@code false}, keeping the interrupt, when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What one {@link #compact} did.
     *
     * @param passes how many rewriting passes found chunks to rewrite
     * @param liveBefore the live share of the chunks before, in percent
     * @param liveAfter the same after
     * @param sizeBefore the file's size before, in bytes
     * @param sizeAfter the same after
     */
    record Run(int passes, int liveBefore, int liveAfter, long sizeBefore, long sizeAfter) {
    }
}
