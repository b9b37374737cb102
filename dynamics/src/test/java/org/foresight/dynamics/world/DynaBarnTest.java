package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DynaBARN worlds against the reference positions of {@code golden_positions.csv} (from the shared
 * {@code dynabarn/} data, computed with the README's interpolation rule), and the motion's properties.
 */
class DynaBarnTest {
    /** Agreement the README expects with the golden positions (printed with 6 decimals) [m]. */
    private static final double GOLDEN_EPS = 1e-6;

    private static List<String> golden() throws IOException {
        try (InputStream in = DynaBarnTest.class.getResourceAsStream(
                "/org/foresight/dynamics/world/dynabarn/golden_positions.csv")) {
            return WorldLoader.splitLines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void splinesMatchGoldenPositionsOfWorlds0And40() throws IOException {
        List<String> lines = golden();
        double[] out = new double[4];
        int checked = 0;
        double worst = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",");
            KeyframeSpline s = DynaBarn.spline(p[1]);
            s.evaluate(Double.parseDouble(p[2]), out);
            worst = Math.max(worst, Math.max(Math.abs(out[0] - Double.parseDouble(p[3])),
                    Math.abs(out[1] - Double.parseDouble(p[4]))));
            checked++;
        }
        assertTrue(checked > 5000, "golden rows checked: " + checked);
        assertTrue(worst <= GOLDEN_EPS, "worst deviation from golden_positions.csv [m]: " + worst);
    }

    @Test
    void worldObstaclesSteppedBySimulatorPeriodsMatchGolden() throws IOException {
        // the world's obstacles, in plugin order, moved by 0.005 s physics steps as the simulator moves them
        // golden rows are grouped by plugin: visit world 40's in time order
        List<String> lines = new java.util.ArrayList<>(golden().subList(1, golden().size()));
        lines.removeIf(l -> !l.startsWith("40,"));
        lines.sort(java.util.Comparator.comparingDouble(l -> Double.parseDouble(l.split(",")[2])));
        World w = DynaBarn.load(40, 0.0);
        List<MovingDisc> obs = w.movingObstacles();
        List<String> plugins = DynaBarn.plugins(40);
        double t = 0;
        int step = 0;
        double worst = 0;
        String where = "";
        for (int i = 0; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",");
            double tg = Double.parseDouble(p[2]);
            while (t < tg - 1e-9) {
                for (MovingDisc o : obs) {
                    o.step(0.005, w.grid());
                }
                t = ++step * 0.005;
            }
            MovingDisc o = obs.get(plugins.indexOf(p[1]));
            double d = Math.hypot(o.x() - Double.parseDouble(p[3]), o.y() - Double.parseDouble(p[4]));
            if (d > worst) {
                worst = d;
                where = lines.get(i) + " (obstacle clock " + ((KeyframedObstacle) o).time() + " s)";
            }
        }
        assertTrue(lines.size() > 2000, "world 40 rows: " + lines.size());
        assertTrue(worst <= GOLDEN_EPS, "worst deviation after stepping [m]: " + worst + " at " + where);
    }

    @Test
    void offsetT0PlacesObstaclesAtThatWorldTime() {
        World w0 = DynaBarn.load(7, 0.0);
        World w = DynaBarn.load(7, 23.4);
        assertEquals(23.4, w.startTime(), 0.0);
        double[] out = new double[4];
        List<MovingDisc> obs = w.movingObstacles();
        List<String> plugins = DynaBarn.plugins(7);
        for (int i = 0; i < obs.size(); i++) {
            DynaBarn.spline(plugins.get(i)).evaluate(23.4, out);
            assertEquals(out[0], obs.get(i).x(), 1e-12);
            assertEquals(out[1], obs.get(i).y(), 1e-12);
        }
        assertEquals(0.0, w0.startTime(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> DynaBarn.load(7, -1.0));
        assertThrows(IllegalArgumentException.class, () -> DynaBarn.load(60, 0.0));
        assertThrows(IllegalArgumentException.class, () -> WorldLoader.load("dynabarn:60"));
        assertThrows(IllegalArgumentException.class, () -> WorldLoader.load("dynabarn:x"));
    }

    @Test
    void geometryIsTheArenaWithItsOpenSide() {
        World w = WorldLoader.load("dynabarn:0");
        OccupancyGrid g = w.grid();
        double h = 1e-6;
        assertAll(
            () -> assertEquals("dynabarn_00", w.name()),
            () -> assertEquals(11, DynaBarn.plugins(0).size()),
            () -> assertEquals(11, w.movingObstacles().size()),
            () -> assertEquals(0.5, w.movingObstacles().get(0).radius(), 0.0),
            () -> assertEquals("easy", DynaBarn.difficulty(0)),
            () -> assertEquals("medium", DynaBarn.difficulty(20)),
            () -> assertEquals("hard", DynaBarn.difficulty(59)),
            () -> assertEquals(10.0, w.optimalTime(), 1e-12),
            () -> assertEquals(1.0, w.goalTolerance(), 0.0),
            () -> assertTrue(occ(g, -9.75 - h, 0)), () -> assertFalse(occ(g, -9.75 + h, 0)),
            () -> assertTrue(occ(g, -10.25 + h, 5)), () -> assertFalse(occ(g, -10.25 - h, 5)),
            () -> assertTrue(occ(g, 0, 9.75 + h)), () -> assertFalse(occ(g, 0, 9.75 - h)),
            () -> assertTrue(occ(g, 9.99, -9.75 - h)), () -> assertFalse(occ(g, 10.0 + h, -10)),
            () -> assertFalse(occ(g, 10.2, 0), "the +x side is open"),
            () -> assertFalse(occ(g, w.start().x(), w.start().y())));
    }

    private static boolean occ(OccupancyGrid g, double x, double y) {
        return g.isOccupied(g.cellX(x), g.cellY(y));
    }

    @Test
    void everyWorldLoadsWithItsDeclaredObstacles() {
        int total = 0;
        for (int i = 0; i < DynaBarn.COUNT; i++) {
            World w = DynaBarn.load(i, 0.0);
            total += w.movingObstacles().size();
            for (MovingDisc o : w.movingObstacles()) {
                assertTrue(DynaBarn.FIELD.contains(o.x(), o.y()), w.name() + " obstacle outside [-10, 10]²");
            }
        }
        assertTrue(total >= 60 * 5, "obstacles over 60 worlds: " + total);
    }
}
