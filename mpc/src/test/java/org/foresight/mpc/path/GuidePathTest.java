package org.foresight.mpc.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.Test;

class GuidePathTest {
    @Test
    void fieldsMatchExactDistancesWithinHalfACellDiagonal() {
        GuidePath g = new GuidePath(new double[] {0, 0, 3, 0, 3, 2});
        assertEquals(5.0, g.length(), 1e-12);
        SplittableRandom r = new SplittableRandom(4);
        double tol = GuidePath.FIELD_RESOLUTION * Math.sqrt(2) / 2 + GuidePath.SPACING / 2;
        for (int i = 0; i < 500; i++) {
            double x = r.nextDouble(-1, 4);
            double y = r.nextDouble(-1, 3);
            assertEquals(g.distanceTo(x, y), g.lateral().distance(x, y), tol, "at " + x + "," + y);
        }
        // On the path, cost-to-go is the remaining length: at (3, 1) one metre remains.
        assertEquals(1.0, g.costToGo().distance(3.0, 1.0), tol);
        // Cost-to-go falls along the path.
        assertTrue(g.costToGo().distance(1, 0) > g.costToGo().distance(2, 0));
    }

    @Test
    void rejectsNonFiniteVertices() {
        assertThrows(IllegalArgumentException.class, () -> new GuidePath(new double[] {0, 0, Double.NaN, 1}));
        assertThrows(IllegalArgumentException.class, () -> new GuidePath(new double[] {0, 0, 1}));
    }

    @Test
    void guideOnABarnWorldStaysOnTheInflatedFreeSpace() {
        World w = WorldLoader.loadBarn(5);
        GuidePlanner planner = new GuidePlanner(w.grid(), Footprint.JACKAL, 0.05);
        GuidePath g = planner.plan(w.start().x(), w.start().y(), w.goalX(), w.goalY());
        assertNotNull(g);
        OccupancyGrid grid = w.grid();
        double[] xy = g.sampledXY();
        for (int k = 0; k < g.sampleCount(); k++) {
            assertTrue(w.sdf().distance(xy[2 * k], xy[2 * k + 1]) > 0.1, "guide point " + k + " too close to an obstacle");
        }
        assertTrue(grid.sizeX() > 0);
    }

    /**
     * A wall across y = 5 m with a 0.40 m gap at x ∈ [1, 1.4] (passable at the footprint's inradius, 0.165 m,
     * closed at the preferred 0.215 m) and open beyond x = {@code wallEnd}. Start (1.2, 2), goal (1.2, 8).
     */
    private static GuidePlanner wallWithGap(double wallEnd) {
        OccupancyGrid g = new OccupancyGrid(200, 200, 0.05, 0, 0);
        for (int ix = 0; ix < g.sizeX(); ix++) {
            double x = g.centerX(ix);
            if (x < wallEnd && !(x > 1.0 && x < 1.4)) {
                g.setOccupied(ix, g.cellY(5.0), true);
            }
        }
        return new GuidePlanner(g, Footprint.JACKAL, 0.05);
    }

    /** Where the path crosses y = 5 m [m]. */
    private static double crossingX(GuidePath p) {
        double[] xy = p.sampledXY();
        for (int k = 1; k < p.sampleCount(); k++) {
            if (xy[2 * k - 1] < 5.0 && xy[2 * k + 1] >= 5.0) {
                return xy[2 * k];
            }
        }
        throw new AssertionError("path never crosses y = 5");
    }

    @Test
    void clearanceIsNotBoughtWithALongDetour() {
        // Round the wall's end at x = 9 is about 3x the way through the gap: the narrow gap wins.
        GuidePath far = wallWithGap(9.0).plan(1.2, 2, 1.2, 8);
        assertNotNull(far);
        assertTrue(far.length() < GuidePlanner.DETOUR_LIMIT * 6.0, "took the detour: " + far.length() + " m");
        assertEquals(1.2, crossingX(far), 0.2);
    }

    @Test
    void clearanceIsBoughtWithAShortDetour() {
        // Round the wall's end at x = 2.2 costs little more: the inflated path goes round, not through the gap.
        GuidePath near = wallWithGap(2.2).plan(1.2, 2, 1.2, 8);
        assertNotNull(near);
        assertTrue(crossingX(near) > 2.2, "went through the gap at x = " + crossingX(near));
        assertTrue(near.length() <= GuidePlanner.DETOUR_LIMIT * 6.0 + 0.2);
    }

    @Test
    void clearanceFirstTakesTheDetourWhateverItsLength() {
        GuidePlanner planner = wallWithGap(9.0);
        GuidePath round = planner.plan(1.2, 2, 1.2, 8, false, Double.POSITIVE_INFINITY);
        assertNotNull(round);
        assertTrue(crossingX(round) > 9.0, "went through the gap at x = " + crossingX(round));
        assertThrows(IllegalArgumentException.class, () -> planner.plan(1.2, 2, 1.2, 8, false, 0.9));
    }
}
