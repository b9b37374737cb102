package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foresight.dynamics.world.LidarConfig;
import org.junit.jupiter.api.Test;

class BeamCasterTest {
    private static final float HIT = 0.8f;
    private static final float MISS = -0.4f;
    /** 0.1 m cells over [−1, 1]² m (20 × 20), minimum range 0.1 m. */
    private static final LidarMapConfig CONFIG = new LidarMapConfig(0.1, -1, -1, 2, 2, 0, 0.1, HIT, MISS, -2, 3, 0, 1);
    /** Two beams 1 µrad apart: the same cells along +x from the sensor. */
    private static final LidarConfig TWIN = new LidarConfig(2, 1e-6, 1.5, 0.0);
    /** Sensor in cell (10, 10); beams along +x cross cells ix = 10, 11, … of row 10. */
    private static final double PX = 0.05;
    private static final double PY = 0.05;

    private static LogOddsGrid castOnce(double... ranges) {
        LogOddsGrid g = new LogOddsGrid(CONFIG);
        BeamCaster caster = new BeamCaster(CONFIG, g);
        g.beginScan();
        caster.cast(ranges, TWIN, PX, PY, 1.0, 0.0);
        g.endScan();
        return g;
    }

    @Test
    void aHitBeatsAMissOfTheSameScanInEitherBeamOrder() {
        // 0.5 m ends in cell 15 (x = 0.55 m); 0.9 m passes through it to cell 19.
        for (double[] ranges : new double[][] {{0.5, 0.9}, {0.9, 0.5}}) {
            LogOddsGrid g = castOnce(ranges);
            assertAll(
                    () -> assertEquals(HIT, g.logOdds(15, 10), 0f, "the short beam's hit"),
                    () -> assertEquals(HIT, g.logOdds(19, 10), 0f, "the long beam's hit"),
                    () -> assertEquals(MISS, g.logOdds(12, 10), 0f, "crossed by both beams, one miss"),
                    () -> assertEquals(MISS, g.logOdds(17, 10), 0f),
                    () -> assertEquals(MISS, g.logOdds(10, 10), 0f, "the sensor's own cell"),
                    () -> assertFalse(g.isKnown(9, 10), "behind the sensor"),
                    () -> assertFalse(g.isKnown(19, 11), "beside the beams"),
                    () -> assertEquals(2, g.occupiedCount()));
        }
    }

    @Test
    void maxRangeReturnsFreeWithoutAHitAndShortOrNaNReturnsAreDropped() {
        LogOddsGrid maxRange = castOnce(1.5, 7.0);
        assertAll(
                () -> assertEquals(0, maxRange.occupiedCount(), "a max-range return is no hit"),
                () -> assertEquals(MISS, maxRange.logOdds(19, 10), 0f, "free up to the map's edge"));
        LogOddsGrid dropped = castOnce(0.05, Double.NaN);
        assertAll(
                () -> assertEquals(0, dropped.knownCount()),
                () -> assertEquals(0, dropped.version(), "nothing changed"));
    }

    @Test
    void repeatedScansAddOneUpdatePerCellPerScan() {
        LogOddsGrid g = new LogOddsGrid(CONFIG);
        BeamCaster caster = new BeamCaster(CONFIG, g);
        double[] ranges = {0.5, 0.5};
        for (int scan = 0; scan < 3; scan++) {
            g.beginScan();
            caster.cast(ranges, TWIN, PX, PY, 1.0, 0.0);
            g.endScan();
        }
        assertAll(
                () -> assertEquals(3 * HIT, g.logOdds(15, 10), 1e-6f),
                () -> assertEquals(MISS + MISS + MISS, g.logOdds(13, 10), 0f),
                () -> assertTrue(g.isOccupied(15, 10)));
    }
}
