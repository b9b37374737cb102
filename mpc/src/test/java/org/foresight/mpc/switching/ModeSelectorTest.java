package org.foresight.mpc.switching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.ObstacleField;
import org.junit.jupiter.api.Test;

/** The mode choice: clearance thresholds, upshift hysteresis, reverse only when cornered, and its time cap. */
class ModeSelectorTest {
    private static final SwitchingConfig CFG = SwitchingConfig.defaults();
    private static final double TURN = Math.hypot(0.21, 0.165);

    /** A field whose distance is the distance to the line y = wallY (obstacle below it) everywhere. */
    static ObstacleField wallBelow(double wallY) {
        int n = 200;
        double res = 0.05;
        double[] v = new double[n * n];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                v[ix * n + iy] = (-5 + (iy + 0.5) * res) - wallY;
            }
        }
        DistanceGrid g = new DistanceGrid(v, n, n, res, -5, -5);
        return () -> g;
    }

    /** The field mirrored so that its "below" becomes "left of x = wall" (distance as a function of x). */
    static ObstacleField rotated(ObstacleField f) {
        DistanceGrid g = f.grid();
        int n = g.sizeX();
        double[] src = g.values();
        double[] v = new double[src.length];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                v[ix * n + iy] = src[iy * n + ix];
            }
        }
        DistanceGrid r = new DistanceGrid(v, n, n, g.resolution(), g.originX(), g.originY());
        return () -> r;
    }

    private static final GuidePath EAST = new GuidePath(new double[] {-4, 0, 4, 0});

    @Test
    void clearanceAlongThePathPicksTheModeAndFasterModesWaitForTheirVotes() {
        ModeSelector s = new ModeSelector(CFG, TURN);
        double[] state = {-3, 0, 0};
        ObstacleField open = wallBelow(-2.0); // 2 m clearance
        for (int c = 1; c < CFG.upshiftCycles(); c++) {
            assertEquals(DrivingMode.CAREFUL, s.select(0.05 * c, state, EAST, open), "cycle " + c + " still waiting");
        }
        assertEquals(DrivingMode.OPEN, s.select(1, state, EAST, open));
        assertEquals(2.0, s.lastClearance(), 0.03);
        // A slower mode is taken at once.
        assertEquals(DrivingMode.OBSTACLE, s.select(1.05, state, EAST, wallBelow(-0.45)));
        assertEquals(DrivingMode.CAREFUL, s.select(1.1, state, EAST, wallBelow(-0.2)));
    }

    @Test
    void pathBehindSelectsReverseOnlyWithoutRoomToTurn() {
        GuidePath west = new GuidePath(new double[] {0, 0, -4, 0}); // the path runs behind a robot facing +x
        double[] state = {0, 0, 0};
        ModeSelector roomy = new ModeSelector(CFG, TURN);
        assertNotEquals(DrivingMode.REVERSE, roomy.select(0, state, west, wallBelow(-1.0)));
        ModeSelector cornered = new ModeSelector(CFG, TURN);
        assertEquals(DrivingMode.REVERSE, cornered.select(0, state, west, wallBelow(-0.25)));
        assertNotEquals(DrivingMode.REVERSE, new ModeSelector(CFG, TURN).select(0, state, EAST, wallBelow(-0.25)),
                "a path ahead never reverses");
    }

    @Test
    void reverseIsCappedInTimeThenBarredForAsLong() {
        GuidePath west = new GuidePath(new double[] {0, 0, -4, 0});
        double[] state = {0, 0, 0};
        ObstacleField tight = wallBelow(-0.25);
        ModeSelector s = new ModeSelector(CFG, TURN);
        double t = 0;
        for (; t < CFG.reverseTime() - 1e-9; t += 0.05) {
            assertEquals(DrivingMode.REVERSE, s.select(t, state, west, tight), "t = " + t);
        }
        double barredFrom = t;
        for (; t < barredFrom + CFG.reverseTime() - 1e-9; t += 0.05) {
            assertEquals(DrivingMode.CAREFUL, s.select(t, state, west, tight), "t = " + t);
        }
        assertEquals(DrivingMode.REVERSE, s.select(t + 0.05, state, west, tight), "allowed again after the pause");
    }

    @Test
    void invalidConfigurationsAreRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SwitchingConfig(
                CFG.open(), CFG.obstacle(), CFG.careful(), CFG.reverse(), 0.2, 0.3, 1.5, 1.0, 0.5, 2.0, 5, 3.0, 0.2,
                1.0, 0.3));
        assertEquals(true, e.getMessage().startsWith("openClearance"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModeLimits(0.5, 0.4, 0.3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ModeSelector(CFG, 0));
    }
}
