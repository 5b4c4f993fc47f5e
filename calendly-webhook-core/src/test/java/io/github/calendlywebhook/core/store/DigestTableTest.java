package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestTableTest {

    private static final long T0 = 1_000_000L;

    @Test
    void findsWhatWasInsertedWithItsColumnsAndNothingElse() {
        DigestTable table = new DigestTable(1, 1);

        int slot = table.insert(7, 8, T0);
        table.setLong(0, slot, 42);
        table.setRef(0, slot, "paid");

        int found = table.find(7, 8);
        assertThat(found).isEqualTo(slot);
        assertThat(table.getLong(0, found)).isEqualTo(42);
        assertThat(table.getRef(0, found)).isEqualTo("paid");
        assertThat(table.find(7, 9)).isEqualTo(-1);
        assertThat(table.find(8, 8)).isEqualTo(-1);
    }

    @Test
    void removesAnEntryAtItsDeadlineAndTellsTheCallerFirst() {
        DigestTable table = new DigestTable(1, 0);
        int slot = table.insert(1, 1, T0);
        table.setLong(0, slot, 5);
        List<Long> told = new ArrayList<>();

        table.expire(T0 - 1, s -> told.add(table.getLong(0, s)));
        boolean keptBefore = table.find(1, 1) >= 0;
        table.expire(T0, s -> told.add(table.getLong(0, s)));

        assertThat(keptBefore).isTrue();
        assertThat(told).containsExactly(5L);
        assertThat(table.find(1, 1)).isEqualTo(-1);
        assertThat(table.size()).isZero();
    }

    @Test
    void expiresAnEntryByItsLatestDeadlineWhetherMovedEarlierOrLater() {
        DigestTable table = new DigestTable(0, 0);
        table.insert(1, 1, T0 + 100);
        table.insert(2, 2, T0 + 100);
        table.deadline(table.find(1, 1), T0 + 300);
        table.deadline(table.find(2, 2), T0 + 10);

        table.expire(T0 + 100, slot -> { });
        boolean laterKept = table.find(1, 1) >= 0;
        boolean earlierGone = table.find(2, 2) < 0;
        table.expire(T0 + 300, slot -> { });

        assertThat(laterKept).isTrue();
        assertThat(earlierGone).isTrue();
        assertThat(table.size()).isZero();
    }

    @Test
    void agreesWithAPlainMapThroughGrowthRemovalReuseAndShrinking() {
        Random random = new Random(11);
        DigestTable table = new DigestTable(1, 1);
        Map<Long, long[]> model = new HashMap<>();
        long now = T0;
        for (int step = 0; step < 200_000; step++) {
            long key = random.nextInt(20_000);
            int slot = table.find(key * 31, key);
            assertThat(slot >= 0).as("present %d", key).isEqualTo(model.containsKey(key));
            long deadline = now + 1 + random.nextInt(phase(step) ? 50 : 5_000);
            if (slot < 0) {
                slot = table.insert(key * 31, key, deadline);
            } else {
                assertThat(table.getLong(0, slot)).isEqualTo(model.get(key)[1]);
                assertThat(table.getRef(0, slot)).isEqualTo(Long.valueOf(model.get(key)[1]));
                table.deadline(slot, deadline);
            }
            table.setLong(0, slot, step);
            table.setRef(0, slot, Long.valueOf(step));
            model.put(key, new long[] {deadline, step});
            now += random.nextInt(3);
            long at = now;
            table.expire(now, s -> assertThat(model.remove(table.digestLow(s))[0]).isLessThanOrEqualTo(at));
            if (step % 1_000 == 0) {
                model.values().forEach(entry -> assertThat(entry[0]).isGreaterThan(at));
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
    }

    /** Alternates long-lived and short-lived phases so the table both grows and shrinks. */
    private static boolean phase(int step) {
        return (step / 20_000) % 2 == 1;
    }
}
