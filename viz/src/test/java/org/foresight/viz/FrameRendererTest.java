package org.foresight.viz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders frames of runs with known content headless and checks pixels. */
class FrameRendererTest {
    private static final int W = 960;
    private static final int H = 640;
    private static final int N = 200;
    private static final int K = 16;
    private static final int POINTS = 25;

    @TempDir
    static Path tmp;
    private static ReplayData run;

    @BeforeAll
    static void writeRun() {
        run = ReplayData.of(RunLog.read(SyntheticRun.write(tmp.resolve("run"), N, K, POINTS, 0)));
    }

    private static int rgb(BufferedImage img, double px, double py) {
        return img.getRGB((int) Math.floor(px), (int) Math.floor(py)) & 0xFFFFFF;
    }

    private static int rgb(Color c) {
        return c.getRGB() & 0xFFFFFF;
    }

    private static String hex(int rgb) {
        return String.format("#%06X", rgb);
    }

    @Test
    void robotIsDrawnWhereTheLogPutsIt() {
        FrameRenderer r = new FrameRenderer(run);
        Viewport view = r.fitView(W, H);
        MapArea area = FrameLayout.of(W, H).map();
        int[] cycles = {0, N / 3, 2 * N / 3, N - 1};
        for (int c : cycles) {
            BufferedImage img = r.render(c, W, H, view);
            double px = view.toScreenX(SyntheticRun.x(c, N), area);
            double py = view.toScreenY(SyntheticRun.y(c, N), area);
            assertEquals(hex(rgb(Palette.ROBOT)), hex(rgb(img, px, py)), "robot colour at the logged pose, cycle " + c);
            for (int other : cycles) {
                if (other != c) {
                    double ox = view.toScreenX(SyntheticRun.x(other, N), area);
                    double oy = view.toScreenY(SyntheticRun.y(other, N), area);
                    assertNotEquals(hex(rgb(Palette.ROBOT)), hex(rgb(img, ox, oy)),
                            "no robot at cycle " + other + "'s pose in the frame of cycle " + c);
                }
            }
        }
    }

    @Test
    void followRobotKeepsTheRobotAtTheCentreOfTheMap() {
        FrameRenderer r = new FrameRenderer(run);
        Viewport view = r.fitView(W, H);
        view.setScale(200);
        view.setFollow(true);
        MapArea area = FrameLayout.of(W, H).map();
        for (int c : new int[] {10, 150}) {
            BufferedImage img = r.render(c, W, H, view);
            assertEquals(SyntheticRun.x(c, N), view.centerX(), 1e-12);
            assertEquals(hex(rgb(Palette.ROBOT)), hex(rgb(img, area.centerX(), area.centerY())), "cycle " + c);
        }
    }

    @Test
    void obstaclesWallsAndFreeSpaceHaveTheirColours() {
        FrameRenderer r = new FrameRenderer(run);
        Viewport view = r.fitView(W, H);
        MapArea area = FrameLayout.of(W, H).map();
        BufferedImage img = r.render(0, W, H, view);
        OccupancyGrid g = run.grid;
        double ox = g.centerX((SyntheticRun.OBS_X_LO + SyntheticRun.OBS_X_HI) / 2);
        double oy = g.centerY((SyntheticRun.OBS_Y_LO + SyntheticRun.OBS_Y_HI) / 2);
        double wx = g.centerX(0);
        double wy = g.centerY(30);
        assertAll(
                () -> assertEquals(hex(rgb(Palette.OBSTACLE)),
                        hex(rgb(img, view.toScreenX(ox, area), view.toScreenY(oy, area))), "obstacle cell"),
                () -> assertEquals(hex(rgb(Palette.WALL)),
                        hex(rgb(img, view.toScreenX(wx, area), view.toScreenY(wy, area))), "wall cell"),
                () -> assertEquals(hex(rgb(Palette.FREE)),
                        hex(rgb(img, view.toScreenX(1.0, area), view.toScreenY(4.5, area))), "free cell"),
                () -> assertEquals(hex(rgb(Palette.OUTSIDE)),
                        hex(rgb(img, area.x() + 2, area.y() + 2)), "outside the grid"),
                () -> assertEquals(hex(rgb(Palette.HUD_BG)), hex(rgb(img, W - 2, 2)), "heads-up bar"));
    }

    @Test
    void movingObstacleIsDrawnAtItsLoggedPosition() {
        FrameRenderer r = new FrameRenderer(run);
        Viewport view = r.fitView(W, H);
        MapArea area = FrameLayout.of(W, H).map();
        for (int c : new int[] {0, N - 1}) {
            BufferedImage img = r.render(c, W, H, view);
            double px = view.toScreenX(SyntheticRun.moverX(c), area);
            double py = view.toScreenY(SyntheticRun.moverY(c, N), area);
            assertEquals(hex(rgb(Palette.MOVING)), hex(rgb(img, px, py)), "cycle " + c);
        }
        BufferedImage last = r.render(N - 1, W, H, view);
        assertEquals(hex(rgb(Palette.FREE)), hex(rgb(last, view.toScreenX(SyntheticRun.moverX(0), area),
                view.toScreenY(SyntheticRun.moverY(0, N), area))), "the obstacle has moved away from its first position");
    }

    /** The most different-from-free-space pixel within ±2 px of a point. */
    private static int strongest(BufferedImage img, double px, double py) {
        int best = rgb(Palette.FREE);
        int bestD = -1;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int p = img.getRGB((int) px + dx, (int) py + dy) & 0xFFFFFF;
                int d = Math.abs(((p >> 16) & 255) - 0xF4) + Math.abs(((p >> 8) & 255) - 0xF4) + Math.abs((p & 255) - 0xF0);
                if (d > bestD) {
                    bestD = d;
                    best = p;
                }
            }
        }
        return best;
    }

    @Test
    void rolloutsArePresentAndColouredByWeight() {
        FrameRenderer r = new FrameRenderer(run);
        Viewport view = r.fitView(W, H);
        view.setScale(150);
        view.centerOn(2.0, 2.0);
        MapArea area = FrameLayout.of(W, H).map();
        int with = SyntheticRun.EMPTY_EVERY - 2;
        int without = SyntheticRun.EMPTY_EVERY - 1;
        assertTrue(SyntheticRun.hasRollouts(with) && !SyntheticRun.hasRollouts(without));
        BufferedImage a = r.render(with, W, H, view);
        BufferedImage b = r.render(without, W, H, view);
        float[][] ro = run.rollouts(with);
        float[] weights = run.rolloutWeights(with);
        int low = 0;        // curvature −1.5 1/m: weight ≈ 0
        int mid = 10;       // curvature +0.5 1/m: weight e^(−1.6) of the largest
        assertTrue(weights[mid] > 100 * weights[low]);
        double lx = view.toScreenX(ro[low][2 * (POINTS - 1)], area);
        double ly = view.toScreenY(ro[low][2 * (POINTS - 1) + 1], area);
        double mx = view.toScreenX(ro[mid][2 * (POINTS - 1)], area);
        double my = view.toScreenY(ro[mid][2 * (POINTS - 1) + 1], area);
        int pLow = strongest(a, lx, ly);
        int pMid = strongest(a, mx, my);
        assertAll(
                () -> assertTrue(Palette.isRolloutLike(pLow), "low-weight rollout end drawn: " + hex(pLow)),
                () -> assertTrue(Palette.isRolloutLike(pMid), "mid-weight rollout end drawn: " + hex(pMid)),
                () -> assertEquals(hex(rgb(Palette.FREE)), hex(strongest(b, lx, ly)),
                        "no rollout in a cycle that logged none"),
                () -> assertTrue(redness(pMid) > redness(pLow) + 10,
                        "heavier rollout is redder: " + hex(pMid) + " vs " + hex(pLow)));
        float[] plan = run.plan(with);
        double px = view.toScreenX(plan[plan.length - 2], area);
        double py = view.toScreenY(plan[plan.length - 1], area);
        int pp = strongest(a, px, py);
        int g = (pp >> 8) & 255;
        assertTrue(g > ((pp >> 16) & 255) + 40 && g > (pp & 255) + 40, "chosen plan drawn in green: " + hex(pp));
    }

    private static int redness(int p) {
        return ((p >> 16) & 255) - (p & 255);
    }

    @Test
    void plotCursorFollowsTheCurrentTime() {
        FrameRenderer r = new FrameRenderer(run);
        FrameLayout layout = FrameLayout.of(W, H);
        assertTrue(layout.hasPlots());
        int x0 = cursorColumn(r.render(0, W, H, null), layout);
        int x1 = cursorColumn(r.render(N / 2, W, H, null), layout);
        int x2 = cursorColumn(r.render(N - 1, W, H, null), layout);
        assertTrue(x0 >= 0 && x0 < x1 && x1 < x2, "cursor columns " + x0 + ", " + x1 + ", " + x2);
        assertEquals(0.5 * (x0 + x2), x1, 3.0, "cursor halfway at the middle cycle");
    }

    /** The plot-column x with the most cursor-coloured pixels. */
    private static int cursorColumn(BufferedImage img, FrameLayout layout) {
        int best = -1;
        int bestCount = 0;
        for (int x = layout.plotX(); x < layout.width(); x++) {
            int count = 0;
            for (int y = layout.hudHeight(); y < layout.height(); y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb(Palette.CURSOR)) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                best = x;
            }
        }
        return bestCount > layout.height() / 3 ? best : -1;
    }

    @Test
    void lidarHitsAreDrawnOnlyWhenTheRunHasScans() {
        ReplayData withScan = ReplayData.of(RunLog.read(SyntheticRun.write(tmp.resolve("lidar"), 20, 4, 10, 90)));
        int hits = countColour(new FrameRenderer(withScan).render(5, W, H, null), Palette.LIDAR_HIT);
        int none = countColour(new FrameRenderer(run).render(5, W, H, null), Palette.LIDAR_HIT);
        assertTrue(hits > 30, "lidar hit pixels: " + hits);
        assertEquals(0, none);
    }

    private static int countColour(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void barnContainmentWallsAreWallsAndFieldObstaclesAreNot() {
        World w = WorldLoader.loadBarn(0);
        OccupancyGrid g = w.grid();
        boolean[] walls = FrameRenderer.wallMask(g);
        int backIy = g.cellY(0.075);
        for (int ix = WorldLoader.BARN_ROW_OFFSET; ix < WorldLoader.BARN_ROW_OFFSET + WorldLoader.BARN_FIELD; ix++) {
            assertTrue(walls[ix * g.sizeY() + backIy], "back wall cell " + ix);
        }
        for (int iy = g.cellY(0.225); iy <= g.cellY(5.025); iy++) {
            assertTrue(walls[WorldLoader.BARN_ROW_OFFSET * g.sizeY() + iy], "side wall cell " + iy);
        }
        int field = 0;
        int fieldWalls = 0;
        for (int r = 1; r < WorldLoader.BARN_FIELD - 1; r++) {
            for (int c = 0; c < WorldLoader.BARN_FIELD; c++) {
                int ix = r + WorldLoader.BARN_ROW_OFFSET;
                int iy = c + WorldLoader.BARN_COL_OFFSET;
                if (g.isOccupied(ix, iy)) {
                    field++;
                    fieldWalls += walls[ix * g.sizeY() + iy] ? 1 : 0;
                }
            }
        }
        assertTrue(field > 0 && fieldWalls <= field / 10, fieldWalls + " of " + field + " field obstacle cells marked as wall");
    }

    @Test
    void liveDataDrawsAppendedCyclesAndCopiesTheRecord() {
        World world = SyntheticRun.world();
        ReplayData live = ReplayData.live(world, org.foresight.dynamics.world.Footprint.JACKAL, null);
        FrameRenderer r = new FrameRenderer(live);
        BufferedImage empty = r.render(0, W, H, null);
        assertEquals(0, live.cycles());
        assertTrue(countColour(empty, Palette.ROBOT) > 0, "robot at the start before the first cycle");
        double[] state = {2.5, 3.5, 0.0, 0.5, 0.0};
        org.foresight.dynamics.log.CycleRecord rec = new org.foresight.dynamics.log.CycleRecord(0, 0.0, state,
                new double[] {0.5, 0.0}, 1.0, "mppi", "ok", new double[0], new double[0][], new double[0], null,
                java.util.List.of());
        live.append(rec);
        state[0] = 99.0; // the producer reuses its array
        Viewport view = r.fitView(W, H);
        MapArea area = FrameLayout.of(W, H).map();
        BufferedImage img = r.render(0, W, H, view);
        assertAll(
                () -> assertEquals(1, live.cycles()),
                () -> assertEquals(2.5, live.x(0)),
                () -> assertEquals(hex(rgb(Palette.ROBOT)),
                        hex(rgb(img, view.toScreenX(2.5, area), view.toScreenY(3.5, area)))));
    }
}
