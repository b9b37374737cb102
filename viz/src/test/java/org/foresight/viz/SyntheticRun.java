package org.foresight.viz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.log.MapSnapshot;
import org.foresight.dynamics.log.RunFiles;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.world.FieldBounds;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.Pose2;
import org.foresight.dynamics.world.World;

/**
 * Writes run directories with known content through the real {@link RunLogWriter}, so that viz tests do
 * not depend on the planners: a 6 m × 6 m room (0.1 m cells) with walls on its border and one square
 * obstacle, a robot driving a straight diagonal, a fan of rollouts with one dominant weight, a chosen
 * plan, a real lidar scan (from the default mount, {@link RunFiles#DEFAULT_LIDAR_OFFSET} behind the centre) and one
 * moving obstacle. Optionally with planning latency: some cycles "busy" (no plan started, planning time NaN) and some
 * overrunning their deadline. Optionally with what a robot that finds out for itself believed
 * ({@link #writeBelieving}): an estimate {@link #EST_SIDE} to the left of the truth, and a map of 0.05 m cells that
 * knows part of the obstacle's west face from cycle 0 and all of it, and a stretch of the west wall, from cycle
 * {@link #MAP_GROWS}.
 */
final class SyntheticRun {
    /** Control period [s]. */
    static final double DT = 0.05;
    /** Grid resolution [m]. */
    static final double RES = 0.1;
    /** Cells per side. */
    static final int CELLS = 60;
    /** Obstacle block cells ix, iy in [OBS_LO, OBS_HI]. */
    static final int OBS_X_LO = 35;
    static final int OBS_X_HI = 40;
    static final int OBS_Y_LO = 8;
    static final int OBS_Y_HI = 14;
    /** Every cycle with index % EMPTY_EVERY == EMPTY_EVERY − 1 has no plan and no rollouts. */
    static final int EMPTY_EVERY = 50;
    /** The moving obstacle's radius [m]. */
    static final double MOVER_RADIUS = 0.25;

    /** The estimated pose lies this far to the left of the true one, same heading [m]. */
    static final double EST_SIDE = 0.6;
    /** Resolution of the robot's map [m]. */
    static final double MAP_RES = 0.05;
    /** Cells per side of the robot's map (origin 0, 0: the room). */
    static final int MAP_CELLS = 120;
    /** The cycle of the second map snapshot. */
    static final int MAP_GROWS = 10;
    /** The obstacle's west face in the robot's map: column ix, rows FACE_LO..FACE_MID (cycle 0), ..FACE_HI (later). */
    static final int FACE_IX = 2 * OBS_X_LO;
    static final int FACE_LO = 2 * OBS_Y_LO;
    static final int FACE_MID = 2 * OBS_Y_LO + 5;
    static final int FACE_HI = 2 * OBS_Y_HI + 1;
    /** The stretch of west wall in the robot's map from cycle {@link #MAP_GROWS}: columns 0..1, these rows. */
    static final int WALL_LO = 40;
    static final int WALL_HI = 60;

    private SyntheticRun() {
    }

    static World world() {
        OccupancyGrid g = new OccupancyGrid(CELLS, CELLS, RES, 0.0, 0.0);
        for (int i = 0; i < CELLS; i++) {
            g.setOccupied(i, 0, true);
            g.setOccupied(i, CELLS - 1, true);
            g.setOccupied(0, i, true);
            g.setOccupied(CELLS - 1, i, true);
        }
        for (int ix = OBS_X_LO; ix <= OBS_X_HI; ix++) {
            for (int iy = OBS_Y_LO; iy <= OBS_Y_HI; iy++) {
                g.setOccupied(ix, iy, true);
            }
        }
        double[] path = {1.0, 1.0, 3.0, 3.0, 5.0, 5.0};
        return new World("synthetic", g, new Pose2(1.0, 1.0, Math.atan2(1, 1)), 5.0, 5.0, 0.5, path,
                new FieldBounds(0.1, 0.1, 5.9, 5.9), List.of());
    }

    /** Robot x at cycle c [m]: a diagonal from (1, 1) towards (5, 5) covered in {@code n} cycles. */
    static double x(int c, int n) {
        return 1.0 + 3.6 * c / Math.max(1, n - 1);
    }

    /** Robot y at cycle c [m]. */
    static double y(int c, int n) {
        return 1.0 + 3.6 * c / Math.max(1, n - 1);
    }

    /** Heading [rad]. */
    static double theta() {
        return Math.PI / 4;
    }

    /** Moving obstacle centre at cycle c [m]. */
    static double moverX(int c) {
        return 4.5;
    }

    /** Moving obstacle centre y at cycle c [m]. */
    static double moverY(int c, int n) {
        return 2.0 + 2.0 * c / Math.max(1, n - 1);
    }

    static boolean hasRollouts(int c) {
        return c % EMPTY_EVERY != EMPTY_EVERY - 1;
    }

    /** With latency, the first plan takes this many cycles: cycles 0 … BUSY_START − 1 are busy. */
    static final int BUSY_START = 8;

    /**
     * With {@code busyEvery} &gt; 0: whether cycle c is "busy" (plan_ms NaN): the first
     * {@link #BUSY_START} cycles and every busyEvery-th after them.
     */
    static boolean busy(int c, int busyEvery) {
        return busyEvery > 0 && (c < BUSY_START || c % busyEvery == 0);
    }

    /** With {@code busyEvery} &gt; 0: whether cycle c overran (each cycle followed by a busy one). */
    static boolean overrun(int c, int busyEvery) {
        return busy(c + 1, busyEvery);
    }

    /**
     * Writes a run.
     *
     * @param dir      run directory.
     * @param n        cycles.
     * @param k        rollouts per cycle.
     * @param points   poses per rollout.
     * @param beams    lidar beams (0 = no lidar).
     */
    static Path write(Path dir, int n, int k, int points, int beams) {
        return write(dir, n, k, points, beams, 0);
    }

    /**
     * Writes a run with planning latency.
     *
     * @param busyEvery every busyEvery-th cycle (from 0) is busy, the one before it overran; 0: none.
     */
    static Path write(Path dir, int n, int k, int points, int beams, int busyEvery) {
        return write(dir, n, k, points, beams, busyEvery, false);
    }

    /** Writes a run without lidar in which the robot believed it was {@link #EST_SIDE} to the left and built a map. */
    static Path writeBelieving(Path dir, int n, int k, int points) {
        return write(dir, n, k, points, 0, 0, true);
    }

    /** Estimated x at cycle c [m]: {@link #EST_SIDE} along the left normal (−sin θ, cos θ). */
    static double estX(int c, int n) {
        return x(c, n) - EST_SIDE * Math.sin(theta());
    }

    /** Estimated y at cycle c [m]. */
    static double estY(int c, int n) {
        return y(c, n) + EST_SIDE * Math.cos(theta());
    }

    /** The robot's map as logged in cycle c (a snapshot at 0 and at {@link #MAP_GROWS}), else null. */
    static MapSnapshot snapshot(int c) {
        if (c != 0 && c != MAP_GROWS) {
            return null;
        }
        java.util.TreeSet<Integer> cells = new java.util.TreeSet<>();
        for (int iy = FACE_LO; iy <= (c == 0 ? FACE_MID : FACE_HI); iy++) {
            cells.add(FACE_IX * MAP_CELLS + iy);
        }
        if (c > 0) {
            for (int ix = 0; ix <= 1; ix++) {
                for (int iy = WALL_LO; iy <= WALL_HI; iy++) {
                    cells.add(ix * MAP_CELLS + iy);
                }
            }
        }
        return new MapSnapshot(0.0, 0.0, MAP_RES, MAP_CELLS, MAP_CELLS,
                cells.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Path write(Path dir, int n, int k, int points, int beams, int busyEvery, boolean belief) {
        World world = world();
        LidarConfig lc = beams > 0 ? new LidarConfig(beams, Math.toRadians(270), 8.0, 0.0) : null;
        Lidar lidar = lc == null ? null : new Lidar(lc);
        double[] ranges = beams > 0 ? new double[beams] : null;
        try (RunLogWriter w = RunLogWriter.create(dir, world, Footprint.JACKAL, lc,
                Map.of("planner", "synthetic", "seed", 1))) {
            for (int c = 0; c < n; c++) {
                double x = x(c, n);
                double y = y(c, n);
                double th = theta();
                double v = 3.6 * Math.sqrt(2) / ((n - 1) * DT);
                double omega = 0.3 * Math.sin(0.05 * c);
                double[][] rollouts = new double[hasRollouts(c) ? k : 0][];
                double[] weights = new double[rollouts.length];
                double sum = 0;
                for (int j = 0; j < rollouts.length; j++) {
                    double curv = -1.5 + 3.0 * j / Math.max(1, k - 1);
                    rollouts[j] = arc(x, y, th, curv, 1.2, points);
                    weights[j] = Math.exp(-8 * Math.abs(curv - 0.3));
                    sum += weights[j];
                }
                for (int j = 0; j < weights.length; j++) {
                    weights[j] /= sum;
                }
                double[] plan = hasRollouts(c) ? arc(x, y, th, 0.3, 1.2, points) : new double[0];
                List<MovingObstacle> movers = new ArrayList<>();
                movers.add(new MovingObstacle(moverX(c), moverY(c, n), 0.0, 0.1, MOVER_RADIUS,
                        world.fieldBounds()));
                double[] scan = null;
                if (lidar != null) {
                    double off = RunFiles.DEFAULT_LIDAR_OFFSET;
                    lidar.scan(world.grid(), movers, x + off * Math.cos(th), y + off * Math.sin(th), th, ranges);
                    scan = ranges.clone();
                }
                boolean busy = busy(c, busyEvery);
                w.cycle(new CycleRecord(c, c * DT, new double[] {x, y, th, v, omega},
                        new double[] {v * 1.05, omega * 0.9}, busy ? Double.NaN : 2.0 + (c % 7),
                        c % 100 < 90 ? "mppi" : "recovery", busy ? "busy" : "ok", plan, rollouts, weights, scan,
                        movers, busy ? Double.NaN : (busyEvery > 0 ? 100.0 : 0.0), overrun(c, busyEvery),
                        belief ? new double[] {estX(c, n), estY(c, n), th, v, omega} : null,
                        belief ? snapshot(c) : null,
                        new double[] {0, moverX(c) + 0.05, moverY(c, n), 0.0, 0.4, MOVER_RADIUS, 0.05}));
            }
            w.finish(Map.of("outcome", "SUCCESS", "time_s", (n - 1) * DT));
        }
        return dir;
    }

    /** An arc from (x, y, θ) with curvature κ [1/m] and length L [m], {@code points} poses. */
    static double[] arc(double x, double y, double th, double curvature, double length, int points) {
        double[] xy = new double[2 * points];
        double px = x;
        double py = y;
        double a = th;
        double ds = length / Math.max(1, points - 1);
        for (int i = 0; i < points; i++) {
            xy[2 * i] = px;
            xy[2 * i + 1] = py;
            px += ds * Math.cos(a);
            py += ds * Math.sin(a);
            a += ds * curvature;
        }
        return xy;
    }
}
