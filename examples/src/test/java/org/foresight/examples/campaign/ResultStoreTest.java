package org.foresight.examples.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ResultStore#finish}: rows appended in any order come out of {@code results.csv} in the order given, the
 * file stays a valid store (reopened, it holds every row once), and a list that is not the store's rows is refused.
 */
class ResultStoreTest {
    @TempDir
    Path dir;

    private static ResultRow row(int world, String planner, int seed) {
        return new ResultRow("barn:" + world, planner, "-", "unicycle", "map", "default", seed, "truth", "20 ms",
                "success", 7.5 + world, 6.0, 0.4, 9.0, 2.5, 4.0, 0.0, 0.3, 0.0, 0.0, 0, "");
    }

    @Test
    void finishRewritesTheFileInTheGivenOrder() throws Exception {
        List<ResultRow> ordered = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            for (String p : List.of("dwa", "mppi")) {
                ordered.add(row(w, p, 0));
            }
        }
        List<ResultRow> finishing = new ArrayList<>(ordered);
        Collections.shuffle(finishing, new Random(3));
        ResultStore store = ResultStore.open(dir, "{}\n", false);
        for (ResultRow r : finishing) {
            store.append(r);
        }
        store.finish(ordered);
        List<String> lines = Files.readAllLines(dir.resolve(ResultStore.RESULTS));
        assertEquals(ResultRow.HEADER, lines.get(0));
        List<String> want = new ArrayList<>();
        for (ResultRow r : ordered) {
            want.add(r.toCsv());
        }
        assertEquals(want, lines.subList(1, lines.size()));
        store.close(); // a second close is harmless
        try (ResultStore again = ResultStore.open(dir, "{}\n", false)) {
            assertEquals(ordered, again.rows());
        }
    }

    @Test
    void finishRefusesRowsThatAreNotTheStores() {
        try (ResultStore store = ResultStore.open(dir, "{}\n", false)) {
            store.append(row(0, "dwa", 0));
            store.append(row(1, "dwa", 0));
            assertThrows(IllegalArgumentException.class, () -> store.finish(List.of(row(0, "dwa", 0))));
            assertThrows(IllegalArgumentException.class, () -> store.finish(List.of(row(0, "dwa", 0), row(2, "dwa", 0))));
        }
    }
}
