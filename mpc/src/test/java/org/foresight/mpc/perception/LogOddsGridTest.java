package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogOddsGridTest {
    private static final float HIT = 0.8f;
    private static final float MISS = -0.4f;
    /** 1 m cells, 4 × 3 cells at the origin; log-odds clamped to [−2, 3], occupied above 0. */
    private static final LidarMapConfig CONFIG = new LidarMapConfig(1.0, 0, 0, 4, 3, 0, 0.1, HIT, MISS, -2, 3, 0, 1);

    private static int cell(int ix, int iy) {
        return ix * CONFIG.sizeY() + iy;
    }

    @Test
    void updatesClampAndClassify() {
        LogOddsGrid g = new LogOddsGrid(CONFIG);
        g.beginScan();
        for (int i = 0; i < 5; i++) {
            g.apply(cell(1, 1), HIT);
        }
        for (int i = 0; i < 9; i++) {
            g.apply(cell(2, 2), MISS);
        }
        g.apply(cell(3, 0), MISS);
        g.apply(cell(3, 0), HIT);
        g.endScan();
        assertAll(
                () -> assertEquals(3f, g.logOdds(1, 1), 0f, "clamped at logOddsMax"),
                () -> assertTrue(g.isOccupied(1, 1)),
                () -> assertEquals(-2f, g.logOdds(2, 2), 0f, "clamped at logOddsMin"),
                () -> assertTrue(g.isKnown(2, 2) && !g.isOccupied(2, 2)),
                () -> assertEquals(MISS + HIT, g.logOdds(3, 0), 0f),
                () -> assertTrue(g.isOccupied(3, 0), "L = 0.4 > threshold 0"),
                () -> assertFalse(g.isKnown(0, 0), "never updated"),
                () -> assertFalse(g.isKnown(-1, 0) || g.isOccupied(4, 0), "outside the grid"),
                () -> assertEquals(3, g.knownCount()),
                () -> assertEquals(2, g.occupiedCount()));
    }

    @Test
    void recordsFlipsAndVersions() {
        LogOddsGrid g = new LogOddsGrid(CONFIG);
        g.beginScan();
        g.apply(cell(2, 1), HIT); // unknown → occupied: a flip
        g.apply(cell(2, 0), HIT); // same column, a lower row
        g.apply(cell(0, 2), MISS); // unknown → free: a class change, no flip
        g.endScan();
        assertAll(
                () -> assertEquals(1, g.version()),
                () -> assertEquals(2, g.changedMinIx()),
                () -> assertEquals(2, g.changedMaxIx()),
                () -> assertEquals(0, g.changedMinIy()),
                () -> assertEquals(1, g.changedMaxIy()),
                () -> assertEquals(1, g.flippedColumnCount()),
                () -> assertEquals(2, g.flippedColumn(0)),
                () -> assertEquals(0, g.flippedRowLo(2)),
                () -> assertEquals(1, g.flippedRowHi(2)),
                () -> assertTrue(g.becameOccupiedAfter(2, 1, 0)),
                () -> assertFalse(g.becameOccupiedAfter(2, 1, 1)));
        g.clearFlips();
        assertEquals(0, g.flippedColumnCount());
        assertTrue(g.flippedRowLo(2) > g.flippedRowHi(2), "the column's span is empty again");

        g.beginScan();
        g.apply(cell(2, 1), HIT); // stays occupied: no class change
        g.endScan();
        assertAll(
                () -> assertEquals(1, g.version(), "no class changed"),
                () -> assertTrue(g.changedMinIx() > g.changedMaxIx(), "empty box"),
                () -> assertEquals(0, g.flippedColumnCount()));
    }

    @Test
    void resetForgetsEverythingAndBumpsTheVersion() {
        LogOddsGrid g = new LogOddsGrid(CONFIG);
        g.beginScan();
        g.apply(cell(1, 2), HIT);
        g.endScan();
        g.reset();
        assertAll(
                () -> assertEquals(2, g.version()),
                () -> assertFalse(g.isKnown(1, 2)),
                () -> assertEquals(0f, g.logOdds(1, 2), 0f),
                () -> assertEquals(0, g.knownCount()),
                () -> assertEquals(0, g.occupiedCount()),
                () -> assertTrue(g.changedMinIx() > g.changedMaxIx()));
    }
}
