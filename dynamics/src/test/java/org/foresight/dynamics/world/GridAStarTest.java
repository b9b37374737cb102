package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridAStarTest {
    private static final double EPS = 1e-9; // m

    /** Dijkstra with the same moves (no corner cutting): the reference optimal cell-path length. */
    private static double dijkstra(OccupancyGrid g, int sx, int sy, int gx, int gy) {
        int nx = g.sizeX();
        int ny = g.sizeY();
        double[] d = new double[nx * ny];
        boolean[] done = new boolean[nx * ny];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        d[sx * ny + sy] = 0;
        while (true) {
            int best = -1;
            for (int k = 0; k < d.length; k++) {
                if (!done[k] && d[k] < Double.POSITIVE_INFINITY && (best < 0 || d[k] < d[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                return Double.POSITIVE_INFINITY;
            }
            done[best] = true;
            int cx = best / ny;
            int cy = best % ny;
            if (cx == gx && cy == gy) {
                return d[best];
            }
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if ((dx == 0 && dy == 0) || x < 0 || y < 0 || x >= nx || y >= ny || g.isOccupied(x, y)) {
                        continue;
                    }
                    if (dx != 0 && dy != 0 && (g.isOccupied(cx + dx, cy) || g.isOccupied(cx, cy + dy))) {
                        continue;
                    }
                    double c = d[best] + g.resolution() * Math.hypot(dx, dy);
                    if (c < d[x * ny + y]) {
                        d[x * ny + y] = c;
                    }
                }
            }
        }
    }

    @Test
    void optimalOnRandomGridsAndPathIsValid() {
        SplittableRandom rnd = new SplittableRandom(11);
        int found = 0;
        for (int trial = 0; trial < 40; trial++) {
            OccupancyGrid g = new OccupancyGrid(20, 15, 0.1, -0.7, 0.3);
            for (int i = 0; i < 20; i++) {
                for (int j = 0; j < 15; j++) {
                    g.setOccupied(i, j, rnd.nextDouble() < 0.3);
                }
            }
            g.setOccupied(0, 0, false);
            g.setOccupied(19, 14, false);
            double sx = g.centerX(0) + 0.01;
            double sy = g.centerY(0) - 0.02;
            double gx = g.centerX(19);
            double gy = g.centerY(14);
            double[] p = GridAStar.plan(g, sx, sy, gx, gy);
            double want = dijkstra(g, 0, 0, 19, 14);
            if (want == Double.POSITIVE_INFINITY) {
                assertNull(p, "trial " + trial);
                continue;
            }
            found++;
            assertNotNull(p, "trial " + trial);
            assertEquals(sx, p[0]);
            assertEquals(sy, p[1]);
            assertEquals(gx, p[p.length - 2]);
            assertEquals(gy, p[p.length - 1]);
            double len = 0;
            for (int i = 2; i < p.length; i += 2) {
                assertFalse(g.isOccupiedAt(p[i], p[i + 1]));
                int ddx = Math.abs(g.cellX(p[i]) - g.cellX(p[i - 2]));
                int ddy = Math.abs(g.cellY(p[i + 1]) - g.cellY(p[i - 1]));
                assertTrue(ddx <= 1 && ddy <= 1 && ddx + ddy > 0, "8-connected step");
                len += g.resolution() * Math.hypot(ddx, ddy);
            }
            assertEquals(want, len, EPS, "optimal length, trial " + trial);
        }
        assertTrue(found > 5, "enough solvable instances: " + found);
    }

    @Test
    void nullWhenOutsideOrGoalBlocked() {
        OccupancyGrid g = new OccupancyGrid(10, 10, 0.1, 0, 0);
        assertNull(GridAStar.plan(g, -0.5, 0.5, 0.5, 0.5));
        assertNull(GridAStar.plan(g, 0.5, 0.5, 1.5, 0.5));
        g.setOccupied(5, 5, true);
        assertNull(GridAStar.plan(g, 0.05, 0.05, 0.55, 0.55));
        assertEquals(4, GridAStar.plan(g, 0.01, 0.01, 0.02, 0.03).length);
    }

    @Test
    void barnGuidePathIsFreeForEveryWorldSample() {
        for (int id = 0; id < 300; id += 13) {
            World w = WorldLoader.loadBarn(id);
            OccupancyGrid inf = w.grid().inflate(Footprint.JACKAL.circumradius());
            double[] p = GridAStar.plan(inf, w.start().x(), w.start().y(), w.goalX(), w.goalY());
            assertNotNull(p, "world " + id);
            for (int i = 0; i < p.length; i += 2) {
                assertFalse(inf.isOccupiedAt(p[i], p[i + 1]), "world " + id);
            }
        }
    }
}
