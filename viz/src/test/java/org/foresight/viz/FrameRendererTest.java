package org.foresight.viz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
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
        // a free cell in the top row of the room, on the side the legend does not cover
        java.awt.Rectangle legend = r.legendBounds();
        double freeX = view.toScreenX(1.0, area);
        double freeY = view.toScreenY(4.5, area);
        if (legend != null && legend.contains(freeX, freeY)) {
            freeX = view.toScreenX(2.5, area);
        }
        final double fx = freeX;
        final double fy = freeY;
        assertAll(
                () -> assertEquals(hex(rgb(Palette.OBSTACLE)),
                        hex(rgb(img, view.toScreenX(ox, area), view.toScreenY(oy, area))), "obstacle cell"),
                () -> assertEquals(hex(rgb(Palette.WALL)),
                        hex(rgb(img, view.toScreenX(wx, area), view.toScreenY(wy, area))), "wall cell"),
                () -> assertEquals(hex(rgb(Palette.FREE)), hex(rgb(img, fx, fy)), "free cell"),
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

    private static int countColour(BufferedImage img, Color c, Rectangle r) {
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Longest horizontal run of a colour inside a rectangle [px]. */
    private static int longestRun(BufferedImage img, Color c, Rectangle r) {
        int best = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            int run = 0;
            for (int x = r.x; x < r.x + r.width; x++) {
                run = (img.getRGB(x, y) & 0xFFFFFF) == rgb(c) ? run + 1 : 0;
                best = Math.max(best, run);
            }
        }
        return best;
    }

    @Test
    void legendAndScaleBarAppearInTheDefaultPngAndTheBarIsOneMetre() {
        ReplayData withScan = ReplayData.of(RunLog.read(SyntheticRun.write(tmp.resolve("legend"), 40, 8, 12, 90)));
        int w = FrameExporter.DEFAULT_WIDTH;
        int h = FrameExporter.DEFAULT_HEIGHT;
        FrameRenderer r = new FrameRenderer(withScan);
        Viewport view = r.fitView(w, h);
        MapArea area = FrameLayout.of(w, h).map();
        Rectangle map = new Rectangle(area.x(), area.y(), area.width(), area.height());
        BufferedImage img = r.render(20, w, h, view);
        Rectangle legend = r.legendBounds();
        Rectangle scale = r.scaleBounds();
        assertNotNull(legend, "legend drawn");
        assertNotNull(scale, "scale bar drawn");
        // the fitted 6 m room is ~96 px/m in a ~920 px wide map: 1 m is the longest round length within 1/6
        assertTrue(view.scale() <= area.width() / 6.0 && 2 * view.scale() > area.width() / 6.0, "scale " + view.scale());
        int bar = longestRun(img, Palette.SCALE_BAR, scale);
        // dark label pixels ("1 m") above the bar, inside the box
        Rectangle labelBand = new Rectangle(scale.x, scale.y, scale.width,
                scale.height - FrameRenderer.SCALE_THICKNESS - 6 - 5);
        int labelInk = 0;
        for (int y = labelBand.y; y < labelBand.y + labelBand.height; y++) {
            for (int x = labelBand.x; x < labelBand.x + labelBand.width; x++) {
                int p = img.getRGB(x, y);
                labelInk += ((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255) < 3 * 120 ? 1 : 0;
            }
        }
        int ink = labelInk;
        assertAll(
                () -> assertTrue(map.contains(legend) && map.contains(scale), legend + " and " + scale + " in " + map),
                () -> assertFalse(legend.intersects(scale), "legend and scale bar apart"),
                () -> assertTrue(legend.y < map.y + map.height / 2 && scale.y > map.y + map.height / 2,
                        "legend in a top corner, scale bar in a bottom corner"),
                () -> assertEquals(1.0, r.scaleMetres(), "scale bar length [m]"),
                () -> assertEquals("1 m", FrameRenderer.lengthLabel(r.scaleMetres())),
                () -> assertEquals(view.scale(), bar, 1.0, "scale bar is 1 m in pixels of the viewport"),
                () -> assertTrue(ink > 15, "label ink pixels above the bar: " + ink),
                () -> assertEquals(java.util.Arrays.stream(FrameRenderer.LegendItem.values())
                                .filter(i -> i != FrameRenderer.LegendItem.ESTIMATE
                                        && i != FrameRenderer.LegendItem.KNOWN_MAP).toList(), r.legendItems(),
                        "every kind of thing in this run is in the legend (it has no estimate and no robot's map)"),
                () -> assertTrue(countColour(img, Palette.PLAN, legend) > 20, "chosen-plan swatch"),
                () -> assertTrue(countColour(img, Palette.ROBOT, legend) > 20, "robot swatch"),
                () -> assertTrue(countColour(img, Palette.OBSTACLE, legend) > 20, "obstacle swatch"),
                () -> assertTrue(countColour(img, Palette.WALL, legend) > 20, "wall swatch"),
                () -> assertTrue(countColour(img, Palette.MOVING, legend) > 10, "moving-obstacle swatch"),
                () -> assertTrue(countColour(img, Palette.TRACK, legend) > 10, "track swatch"),
                () -> assertTrue(countColour(img, Palette.TRACK, map) > countColour(img, Palette.TRACK, legend),
                        "the track drawn on the map"),
                () -> assertTrue(countColour(img, Palette.LIDAR_HIT, legend) >= 8, "lidar swatch"),
                () -> assertEquals(hex(rgb(Palette.ROBOT)), hex(rgb(img, view.toScreenX(withScan.x(20), area),
                        view.toScreenY(withScan.y(20), area))), "the robot stays visible"));
        // A run without lidar has no lidar line; the legend is drawn whatever the zoom, the bar adapts.
        FrameRenderer plain = new FrameRenderer(run);
        Viewport zoomed = plain.fitView(w, h);
        zoomed.setScale(400);
        BufferedImage z = plain.render(5, w, h, zoomed);
        assertAll(
                () -> assertFalse(plain.legendItems().contains(FrameRenderer.LegendItem.LIDAR)),
                () -> assertEquals(0.2, plain.scaleMetres(), 1e-12, "400 px/m: 0.2 m is within 1/6 of the width"),
                () -> assertEquals(80, longestRun(z, Palette.SCALE_BAR, plain.scaleBounds()), 1.0));
    }

    @Test
    void legendKeepsClearOfTheRobotGoalAndPath() {
        // The synthetic robot drives into the top-right corner towards the goal: the legend goes elsewhere.
        FrameRenderer r = new FrameRenderer(run);
        Viewport view = r.fitView(W, H);
        MapArea area = FrameLayout.of(W, H).map();
        for (int c : new int[] {0, N / 2, N - 1}) {
            r.render(c, W, H, view);
            Rectangle legend = r.legendBounds();
            assertNotNull(legend, "cycle " + c);
            double robotPx = 0.5 * Math.hypot(run.footprint.length(), run.footprint.width()) * view.scale();
            double px = view.toScreenX(run.x(c), area);
            double py = view.toScreenY(run.y(c), area);
            Rectangle grown = new Rectangle(legend.x - (int) robotPx, legend.y - (int) robotPx,
                    legend.width + 2 * (int) robotPx, legend.height + 2 * (int) robotPx);
            assertFalse(grown.contains(px, py), "legend " + legend + " clear of the robot at cycle " + c);
            assertFalse(legend.contains(view.toScreenX(run.goalX, area), view.toScreenY(run.goalY, area)), "goal");
        }
    }

    @Test
    void overlaysAreLeftOutWhereTextIsAndDrawOnlyInsideTheirBoxes() {
        FrameRenderer with = new FrameRenderer(run);
        FrameRenderer without = new FrameRenderer(run);
        without.disableText();
        Viewport view = with.fitView(W, H);
        BufferedImage a = with.render(N / 2, W, H, view);
        BufferedImage b = without.render(N / 2, W, H, view.copy());
        assertNull(without.legendBounds());
        assertNull(without.scaleBounds());
        Rectangle legend = with.legendBounds();
        Rectangle scale = with.scaleBounds();
        MapArea area = FrameLayout.of(W, H).map();
        int inside = 0;
        int outside = 0;
        for (int y = area.y(); y < area.y() + area.height(); y++) {
            for (int x = area.x(); x < area.x() + area.width(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    if (legend.contains(x, y) || scale.contains(x, y)) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        assertEquals(0, outside, "map pixels changed outside the legend and the scale bar");
        assertTrue(inside > legend.width * legend.height / 2, "the legend covers its box: " + inside);
    }

    @Test
    void roundLengthsAndTheirLabels() {
        assertAll(
                () -> assertEquals(1.0, FrameRenderer.roundLength(1.0)),
                () -> assertEquals(1.0, FrameRenderer.roundLength(1.99)),
                () -> assertEquals(2.0, FrameRenderer.roundLength(4.99)),
                () -> assertEquals(5.0, FrameRenderer.roundLength(9.99)),
                () -> assertEquals(10.0, FrameRenderer.roundLength(10.0)),
                () -> assertEquals(0.2, FrameRenderer.roundLength(0.35), 1e-15),
                () -> assertEquals(0.05, FrameRenderer.roundLength(0.0999), 1e-15),
                () -> assertEquals("20 m", FrameRenderer.lengthLabel(20.0)),
                () -> assertEquals("50 cm", FrameRenderer.lengthLabel(0.5)),
                () -> assertEquals("5 cm", FrameRenderer.lengthLabel(0.05)),
                () -> assertEquals("2 mm", FrameRenderer.lengthLabel(0.002)));
    }

    @Test
    void bannerSaysTheRunIsOverAndPushesTheLegendDown() {
        FrameRenderer r = new FrameRenderer(run);
        MapArea area = FrameLayout.of(W, H).map();
        r.setBanner(LiveView.endedText("SUCCESS", -1), true);
        BufferedImage ok = r.render(N - 1, W, H, null);
        Rectangle legend = r.legendBounds();
        r.setBanner(LiveView.endedText("COLLISION", 2000), false);
        BufferedImage bad = r.render(N - 1, W, H, null);
        r.setBanner(null, true);
        BufferedImage none = r.render(N - 1, W, H, null);
        assertAll(
                () -> assertEquals("run over: success \u2014 close the window to exit", LiveView.endedText("SUCCESS", -1)),
                () -> assertEquals("run over: collision \u2014 the window closes in 2 s",
                        LiveView.endedText("COLLISION", 1500)),
                () -> assertEquals(hex(rgb(Palette.BANNER_SUCCESS)), hex(rgb(ok, area.x() + 2, area.y() + 2))),
                () -> assertEquals(hex(rgb(Palette.BANNER_FAILURE)), hex(rgb(bad, area.x() + 2, area.y() + 2))),
                () -> assertEquals(hex(rgb(Palette.OUTSIDE)), hex(rgb(none, area.x() + 2, area.y() + 2))),
                () -> assertTrue(countColour(ok, Palette.BANNER_TEXT,
                        new Rectangle(area.x(), area.y(), area.width(), FrameRenderer.BANNER_HEIGHT)) > 30,
                        "banner text"),
                () -> assertTrue(legend.y >= area.y() + FrameRenderer.BANNER_HEIGHT, "legend below the banner"));
    }

    @Test
    void busyCyclesWithNaNPlanningTimeAndOverrunsAreDrawnGracefully() {
        int every = 4;
        ReplayData busy = ReplayData.of(RunLog.read(SyntheticRun.write(tmp.resolve("busy"), N, 4, 10, 0, every)));
        int count = 0;
        for (int c = 0; c < N; c++) {
            assertEquals(SyntheticRun.busy(c, every), Double.isNaN(busy.planMs(c)), "plan_ms NaN, cycle " + c);
            assertEquals(SyntheticRun.busy(c, every), Double.isNaN(busy.latencyMs(c)), "latency NaN, cycle " + c);
            assertEquals(SyntheticRun.overrun(c, every), busy.overrun(c), "overrun, cycle " + c);
            count += busy.overrun(c) ? 1 : 0;
        }
        int overruns = count;
        assertTrue(new FrameRenderer(busy).hudText(0).contains("plan in flight"), new FrameRenderer(busy).hudText(0));
        FrameLayout layout = FrameLayout.of(W, H);
        Rectangle plot = PlotPanel.plotBounds(2, layout.plotX(), layout.map().y(), layout.plotWidth(),
                layout.map().height());
        Rectangle foot = new Rectangle(plot.x + 1, plot.y + plot.height - PlotPanel.TICK, plot.width - 1,
                PlotPanel.TICK);
        BufferedImage img = new FrameRenderer(busy).render(N / 2, W, H, null);
        BufferedImage plain = new FrameRenderer(run).render(N / 2, W, H, null);
        // each overrun cycle: a 2 px tick in the column of its time, clamped to the plot
        java.util.BitSet expected = new java.util.BitSet();
        double t0 = busy.time(0);
        double t1 = busy.time(N - 1);
        for (int c = 0; c < N; c++) {
            if (busy.overrun(c)) {
                int col = (int) Math.min(plot.width - 2, Math.floor((busy.time(c) - t0) / (t1 - t0) * plot.width));
                expected.set(plot.x + col, plot.x + col + 2);
            }
        }
        java.util.BitSet ticked = new java.util.BitSet();
        for (int x = plot.x; x <= plot.x + plot.width; x++) {
            boolean full = true;
            for (int y = foot.y; y < foot.y + foot.height; y++) {
                full &= (img.getRGB(x, y) & 0xFFFFFF) == rgb(Palette.OVERRUN);
            }
            ticked.set(x, full);
        }
        for (int x = plot.x; x <= plot.x + plot.width; x++) {
            if (countColour(img, Palette.CURSOR, new Rectangle(x, plot.y, 1, plot.height)) > 0) {
                expected.clear(x); // the time cursor is drawn over the ticks
                ticked.clear(x);
            }
        }
        // Planning times are 2..8 ms on an axis from 0, and the first cycles are busy (NaN): nothing of the
        // curve may be drawn near 0 ms, and the curve must still be there.
        Rectangle low = new Rectangle(plot.x + 1, plot.y + plot.height - plot.height / 8, plot.width - 2,
                plot.height / 8 - PlotPanel.TICK - 1);
        int nearZero = countGrey(img, low);
        assertAll(
                () -> assertEquals(expected, ticked, "overrun tick columns"),
                () -> assertTrue(overruns > 40 && ticked.cardinality() > overruns, overruns + " overruns"),
                () -> assertEquals(0, countColour(plain, Palette.OVERRUN), "no ticks without overruns"),
                () -> assertEquals(0, nearZero, "no planning-time curve near 0 ms"),
                () -> assertTrue(countGrey(img, plot) > plot.width, "planning-time curve drawn"));
    }

    /** Pixels of the planning-time series (neutral grey, darker than the frame) inside a rectangle. */
    private static int countGrey(BufferedImage img, Rectangle r) {
        int n = 0;
        for (int y = r.y + 1; y < r.y + r.height; y++) {
            for (int x = r.x + 1; x < r.x + r.width; x++) {
                int p = img.getRGB(x, y);
                int red = (p >> 16) & 255;
                int green = (p >> 8) & 255;
                int blue = p & 255;
                n += green < 0xB0 && Math.abs(red - green) < 8 && Math.abs(blue - green) < 8 ? 1 : 0;
            }
        }
        return n;
    }

    /** A run in which the robot believed it was {@link SyntheticRun#EST_SIDE} to the left and built its own map. */
    private static ReplayData believing() {
        return ReplayData.of(RunLog.read(SyntheticRun.writeBelieving(tmp.resolve("belief"), N, 4, 10)));
    }

    /** Colour of the pixel at the centre of a cell of the robot's map. */
    private static int mapCell(BufferedImage img, Viewport view, MapArea area, int ix, int iy) {
        double res = SyntheticRun.MAP_RES;
        return rgb(img, view.toScreenX((ix + 0.5) * res, area), view.toScreenY((iy + 0.5) * res, area));
    }

    @Test
    void theRobotsMapIsDrawnCellByCellAsItGrew() {
        ReplayData b = believing();
        FrameRenderer r = new FrameRenderer(b);
        Viewport view = r.fitView(W, H);
        MapArea area = FrameLayout.of(W, H).map();
        BufferedImage early = r.render(5, W, H, view);
        BufferedImage later = r.render(SyntheticRun.MAP_GROWS + 5, W, H, view);
        int known = rgb(Palette.KNOWN_MAP);
        int obstacle = rgb(Palette.OBSTACLE);
        int fx = SyntheticRun.FACE_IX;
        int lo = SyntheticRun.FACE_LO;
        int mid = SyntheticRun.FACE_MID;
        int hi = SyntheticRun.FACE_HI;
        OccupancyGrid g = b.grid;
        double ox = g.centerX((SyntheticRun.OBS_X_LO + SyntheticRun.OBS_X_HI) / 2);
        double oy = g.centerY((SyntheticRun.OBS_Y_LO + SyntheticRun.OBS_Y_HI) / 2);
        assertAll(
                () -> assertEquals(hex(known), hex(mapCell(early, view, area, fx, lo)), "seen by cycle 0"),
                () -> assertEquals(hex(known), hex(mapCell(early, view, area, fx, mid)), "seen by cycle 0"),
                () -> assertEquals(hex(obstacle), hex(mapCell(early, view, area, fx, mid + 1)),
                        "not seen before cycle " + SyntheticRun.MAP_GROWS + ": the true obstacle"),
                () -> assertEquals(hex(obstacle), hex(mapCell(early, view, area, fx + 1, lo)), "beside the face"),
                () -> assertEquals(hex(known), hex(mapCell(later, view, area, fx, mid + 1)), "seen later"),
                () -> assertEquals(hex(known), hex(mapCell(later, view, area, fx, hi)), "seen later"),
                () -> assertEquals(hex(known), hex(mapCell(later, view, area, 0, SyntheticRun.WALL_LO))),
                () -> assertEquals(hex(obstacle), hex(rgb(later, view.toScreenX(ox, area), view.toScreenY(oy, area))),
                        "the true obstacle inside the face"),
                () -> assertEquals(0, countColour(r.render(5, W, H, view) , Palette.KNOWN_MAP)
                        - countColour(early, Palette.KNOWN_MAP), "the same frame twice (the cached cell image)"),
                () -> assertEquals(0, countColour(new FrameRenderer(run).render(5, W, H, view), Palette.KNOWN_MAP),
                        "no robot's map in a run that was given the map"));
        // Zoomed in, a map cell is a square of res · scale pixels, its corner where the viewport puts it.
        Viewport zoom = r.fitView(W, H);
        zoom.setScale(400);
        zoom.centerOn((fx + 0.5) * SyntheticRun.MAP_RES, (lo + 0.5) * SyntheticRun.MAP_RES);
        BufferedImage z = r.render(5, W, H, zoom);
        double left = zoom.toScreenX(fx * SyntheticRun.MAP_RES, area);
        double right = zoom.toScreenX((fx + 1) * SyntheticRun.MAP_RES, area);
        double yMid = zoom.toScreenY((lo + 0.5) * SyntheticRun.MAP_RES, area);
        assertAll(
                () -> assertEquals(20.0, right - left, 1e-9, "0.05 m at 400 px/m"),
                () -> assertEquals(hex(known), hex(rgb(z, left + 1, yMid))),
                () -> assertEquals(hex(known), hex(rgb(z, right - 1, yMid))),
                () -> assertEquals(hex(rgb(Palette.FREE)), hex(rgb(z, left - 2, yMid)), "west of the face: free"),
                () -> assertEquals(hex(obstacle), hex(rgb(z, right + 2, yMid)), "east of it: the true obstacle"));
    }

    /** Whether a pixel of exactly this colour is within ±2 px of a point. */
    private static boolean colourNear(BufferedImage img, double px, double py, Color c) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                if ((img.getRGB((int) Math.floor(px) + dx, (int) Math.floor(py) + dy) & 0xFFFFFF) == rgb(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theEstimatedPoseIsAnOutlineBesideTheTrueRobot() {
        ReplayData b = believing();
        FrameRenderer r = new FrameRenderer(b);
        r.disableText(); // no legend over the outline
        Viewport view = r.fitView(W, H);
        view.setScale(300);
        MapArea area = FrameLayout.of(W, H).map();
        int c = N / 3;
        view.centerOn(SyntheticRun.x(c, N), SyntheticRun.y(c, N));
        BufferedImage img = r.render(c, W, H, view);
        double ex = SyntheticRun.estX(c, N);
        double ey = SyntheticRun.estY(c, N);
        double th = SyntheticRun.theta();
        double hl = 0.5 * b.footprint.length();
        double hw = 0.5 * b.footprint.width();
        double[][] edgeMids = {{hl, 0}, {-hl, 0}, {0, hw}, {0, -hw}, {hl, hw}, {-hl, -hw}};
        for (double[] m : edgeMids) {
            double wx = ex + Math.cos(th) * m[0] - Math.sin(th) * m[1];
            double wy = ey + Math.sin(th) * m[0] + Math.cos(th) * m[1];
            assertTrue(colourNear(img, view.toScreenX(wx, area), view.toScreenY(wy, area), Palette.ESTIMATE),
                    "outline at body point (" + m[0] + ", " + m[1] + ")");
        }
        double px = view.toScreenX(ex, area);
        double py = view.toScreenY(ey, area);
        String hud = r.hudText(c);
        assertAll(
                () -> assertEquals(hex(rgb(Palette.FREE)), hex(rgb(img, px, py)), "an outline: not filled"),
                () -> assertFalse(colourNear(img, view.toScreenX(ex - 0.5 * hl * Math.cos(th), area),
                        view.toScreenY(ey - 0.5 * hl * Math.sin(th), area), Palette.ESTIMATE),
                        "nothing drawn inside, behind the centre"),
                () -> assertEquals(hex(rgb(Palette.ROBOT)), hex(rgb(img, view.toScreenX(b.x(c), area),
                        view.toScreenY(b.y(c), area))), "the true robot where the trajectory puts it"),
                () -> assertEquals(SyntheticRun.EST_SIDE, r.estimateError(c), 1e-9),
                () -> assertTrue(hud.contains("odom err 60.0 cm"), hud), // the HUD text, drawn or not
                () -> assertFalse(new FrameRenderer(run).hudText(c).contains("odom"), "no estimate, no error"),
                () -> assertEquals(0, countColour(new FrameRenderer(run).render(c, W, H, view), Palette.ESTIMATE),
                        "no outline in a run given the true state"));
        FrameRenderer withText = new FrameRenderer(b);
        withText.render(c, W, H, null);
        assertTrue(withText.legendItems().containsAll(java.util.List.of(FrameRenderer.LegendItem.ESTIMATE,
                FrameRenderer.LegendItem.KNOWN_MAP)), withText.legendItems().toString());
    }

    @Test
    void robotMapOnlyHidesWhatTheRobotHadNotSeen() {
        ReplayData b = believing();
        FrameRenderer r = new FrameRenderer(b);
        r.setRobotMapOnly(true);
        Viewport view = r.fitView(W, H);
        MapArea area = FrameLayout.of(W, H).map();
        OccupancyGrid g = b.grid;
        double ox = view.toScreenX(g.centerX((SyntheticRun.OBS_X_LO + SyntheticRun.OBS_X_HI) / 2), area);
        double oy = view.toScreenY(g.centerY((SyntheticRun.OBS_Y_LO + SyntheticRun.OBS_Y_HI) / 2), area);
        double wx = view.toScreenX(g.centerX(SyntheticRun.CELLS - 1), area); // the east wall, which the robot
        double wy = view.toScreenY(g.centerY(SyntheticRun.CELLS / 2), area); // never saw
        int c = SyntheticRun.MAP_GROWS + 5;
        BufferedImage hidden = r.render(c, W, H, view);
        java.util.List<FrameRenderer.LegendItem> hiddenLegend = r.legendItems();
        BufferedImage early = r.render(5, W, H, view);
        int free = rgb(Palette.FREE);
        int known = rgb(Palette.KNOWN_MAP);
        int fx = SyntheticRun.FACE_IX;
        assertAll(
                () -> assertEquals(hex(free), hex(rgb(hidden, ox, oy)), "the unseen inside of the obstacle"),
                () -> assertEquals(hex(free), hex(rgb(hidden, wx, wy)), "an unseen wall"),
                () -> assertEquals(hex(known), hex(mapCell(hidden, view, area, fx, SyntheticRun.FACE_HI))),
                () -> assertEquals(hex(known), hex(mapCell(hidden, view, area, 1, SyntheticRun.WALL_HI))),
                () -> assertEquals(hex(free), hex(mapCell(early, view, area, fx, SyntheticRun.FACE_HI)),
                        "not yet seen at cycle 5"),
                () -> assertEquals(hex(known), hex(mapCell(early, view, area, fx, SyntheticRun.FACE_LO))),
                () -> assertEquals(0, countColour(hidden, Palette.OBSTACLE, new Rectangle(area.x(), area.y(),
                        area.width(), area.height())) - countColour(hidden, Palette.OBSTACLE, r.legendBounds()),
                        "no true obstacle pixel outside the legend"),
                () -> assertFalse(hiddenLegend.contains(FrameRenderer.LegendItem.OBSTACLE)
                        || hiddenLegend.contains(FrameRenderer.LegendItem.WALL), hiddenLegend.toString()),
                () -> assertTrue(hiddenLegend.contains(FrameRenderer.LegendItem.KNOWN_MAP)));
        r.setRobotMapOnly(false);
        BufferedImage shown = r.render(c, W, H, view);
        assertAll(
                () -> assertEquals(hex(rgb(Palette.OBSTACLE)), hex(rgb(shown, ox, oy))),
                () -> assertEquals(hex(rgb(Palette.WALL)), hex(rgb(shown, wx, wy))));
        // A run in which the robot was given the map: nothing to hide.
        FrameRenderer given = new FrameRenderer(run);
        given.setRobotMapOnly(true);
        BufferedImage same = given.render(c, W, H, view);
        assertEquals(hex(rgb(Palette.OBSTACLE)), hex(rgb(same, ox, oy)));
    }

    @Test
    void liveDataKeepsTheEstimateAndTheMapSnapshots() {
        ReplayData live = ReplayData.live(SyntheticRun.world(), org.foresight.dynamics.world.Footprint.JACKAL, null);
        assertFalse(live.hasKnownMap() || live.hasEstimates());
        for (int c = 0; c < 15; c++) {
            double[] est = {SyntheticRun.estX(c, N), SyntheticRun.estY(c, N), SyntheticRun.theta(), 0.5, 0.0};
            live.append(new org.foresight.dynamics.log.CycleRecord(c, c * SyntheticRun.DT,
                    new double[] {SyntheticRun.x(c, N), SyntheticRun.y(c, N), SyntheticRun.theta(), 0.5, 0.0},
                    new double[] {0.5, 0.0}, 1.0, "mppi", "ok", new double[0], new double[0][], new double[0], null,
                    java.util.List.of(), 0.0, false, est, SyntheticRun.snapshot(c)));
            est[0] = 99; // the producer reuses its array
        }
        assertAll(
                () -> assertTrue(live.hasKnownMap() && live.hasEstimates()),
                () -> assertEquals(SyntheticRun.estX(3, N), live.estimate(3)[0], 1e-12),
                () -> assertEquals(SyntheticRun.FACE_MID - SyntheticRun.FACE_LO + 1, live.knownMapAt(9).occupied().length),
                () -> assertTrue(live.knownMapAt(SyntheticRun.MAP_GROWS).occupied().length
                        > live.knownMapAt(9).occupied().length),
                () -> assertTrue(live.knownMapAt(14) == live.knownMapAt(SyntheticRun.MAP_GROWS)));
        FrameRenderer r = new FrameRenderer(live);
        assertTrue(countColour(r.render(14, W, H, null), Palette.KNOWN_MAP) > 50);
    }
}
