package org.foresight.examples.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.World;
import org.foresight.examples.cli.RecordOverrides;
import org.foresight.mpc.perception.DiscMotion;
import org.foresight.mpc.perception.DiscTracker;
import org.foresight.mpc.perception.LidarMap;
import org.foresight.mpc.perception.LidarMapConfig;
import org.foresight.mpc.perception.MovingDiscs;
import org.foresight.mpc.perception.MovingFilterConfig;
import org.foresight.mpc.perception.OracleMotion;
import org.foresight.mpc.perception.TrackerConfig;
import org.foresight.mpc.perception.TrackingLidarMap;

/**
 * How well {@code --perception lidar} predicts DynaBARN's discs, apart from any planner: a ghost robot drives the
 * centre line from the start to the goal at a constant speed (it collides with nothing), its lidar scans the
 * world every cycle, the whole perception step ({@link TrackingLidarMap}: tracker, moving filter, the robot's own
 * map) runs on the true pose, and each track the planner would be told of is compared with the disc it lies on:
 * <pre>
 *   e(τ) = |ĉ(τ) − c(t + τ)|   ĉ the track's prediction τ after the scan (a motion model, DiscMotion),
 *                               c the disc's true centre; τ = 0.5 s and 1 s
 * </pre>
 * counted for tracks within {@value #NEAR} m of the robot, whose disc makes no loop-end jump within τ. The same
 * errors for the true centre and velocity predicted at constant velocity give the floor that a perfect tracker
 * with that motion model would reach, and with the true turn rate and acceleration the bound of a turning
 * prediction. The tracks' constant-velocity errors are broken down by track age and by how long the track has gone
 * unmeasured (coasting). Also reported: how often a disc within {@value #SEEN} m of the robot, in the lidar's field
 * of view, has no track within {@value #MATCH} m (missed; occluded discs count), and tracks with no disc near them
 * (false). Deterministic: every scan's noise comes from a seed per world. About a minute for all 60 worlds.
 *
 * <p>Usage: {@code java -cp foresight.jar org.foresight.examples.tracking.TrackingAccuracy [T0 [SPEED [FIRST-LAST]]]
 * [--tracker KEY=VAL,...] [--moving-filter KEY=VAL,...]} (defaults 5 s, 1.2 m/s, 0-59, the default tracker; the
 * options as on {@code navigate}); bad arguments: one line, exit 2.
 */
public final class TrackingAccuracy {
    /** Scan and cycle period [s]. */
    private static final double DT = 0.05;
    /** Tracks farther than this from the robot are not scored [m]. */
    static final double NEAR = 6.0;
    /** A disc closer than this to the robot should be tracked [m]. */
    static final double SEEN = 4.0;
    /** A track lies on a disc when their centres are within this [m]. */
    static final double MATCH = 0.6;
    /** Scoring starts after this much driving [s]. */
    private static final double WARMUP = 1.0;
    private static final double[] TAUS = {0.0, 0.5, 1.0};

    private TrackingAccuracy() {
    }

    /** Error sums of one motion model. */
    static final class Errors {
        final String name;
        final DiscMotion motion;
        final List<double[]> samples = new ArrayList<>();

        Errors(String name, DiscMotion motion) {
            this.name = name;
            this.motion = motion;
        }
    }

    /**
     * @param args t0 [s], robot speed [m/s], worlds "a-b", then {@code --tracker} and {@code --moving-filter} as on
     *             {@code navigate}.
     */
    public static void main(String[] args) {
        double t0 = 5.0;
        double speed = 1.2;
        int first = 0;
        int last = DynaBarn.COUNT - 1;
        TrackerConfig trackerConfig = TrackerConfig.defaults();
        MovingFilterConfig filterConfig = MovingFilterConfig.defaults();
        try {
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--tracker") || args[i].equals("--moving-filter")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs KEY=VAL[,KEY=VAL...]");
                    }
                    if (args[i].equals("--tracker")) {
                        trackerConfig = RecordOverrides.apply("--tracker", trackerConfig,
                                RecordOverrides.pairs("--tracker", args[++i]));
                    } else {
                        filterConfig = RecordOverrides.apply("--moving-filter", filterConfig,
                                RecordOverrides.pairs("--moving-filter", args[++i]));
                    }
                } else {
                    positional.add(args[i]);
                }
            }
            if (positional.size() > 3) {
                throw new IllegalArgumentException("at most 3 arguments: T0 SPEED FIRST-LAST");
            }
            if (positional.size() > 0) {
                t0 = number("T0", positional.get(0));
            }
            if (positional.size() > 1) {
                speed = number("SPEED", positional.get(1));
            }
            if (positional.size() > 2) {
                String[] ab = positional.get(2).split("-");
                first = (int) number("FIRST", ab[0]);
                last = (int) number("LAST", ab[ab.length - 1]);
            }
            if (!(t0 >= 0) || !Double.isFinite(t0) || !(speed > 0) || !Double.isFinite(speed) || first < 0
                    || last >= DynaBarn.COUNT || first > last) {
                throw new IllegalArgumentException("need T0 >= 0 s, SPEED > 0 m/s, 0 <= FIRST <= LAST <= "
                        + (DynaBarn.COUNT - 1));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("TrackingAccuracy: " + e.getMessage() + " (got " + String.join(" ", args) + ")");
            System.exit(2);
            return;
        }
        DiscMotion cv = DiscMotion.constantVelocity(2.0);
        Errors[] models = {
            new Errors("track, constant velocity", cv),
            new Errors("track, turn + acceleration 1 s", new DiscMotion(2.0, 1.0, 1.0, 2.0, 1.0)),
        };
        Errors truth = new Errors("true centre and velocity, constant velocity", cv);
        Errors truthTurn = new Errors("true turn and accel. as the map oracle, 1 s", models[1].motion);
        long[] counts = new long[4]; // disc-scans near, missed, tracks scored, false tracks
        for (int w = first; w <= last; w++) {
            world(w, t0, speed, trackerConfig, filterConfig, models, truth, truthTurn, counts);
        }
        System.out.printf("DynaBARN worlds %d-%d, t0 %.1f s, ghost robot at %.2f m/s on the centre line,"
                + " scans every %.2f s%n", first, last, t0, speed, DT);
        if (!trackerConfig.equals(TrackerConfig.defaults()) || !filterConfig.equals(MovingFilterConfig.defaults())) {
            System.out.println(trackerConfig + ", " + filterConfig);
        }
        System.out.printf("discs within %.0f m in view: %d disc-scans, missed (no track within %.1f m) %.1f %%;"
                        + " tracks within %.0f m: %d, false (no disc within %.1f m) %.1f %%%n",
                SEEN, counts[0], MATCH, 100.0 * counts[1] / Math.max(1, counts[0]), NEAR, counts[2], MATCH,
                100.0 * counts[3] / Math.max(1, counts[2]));
        System.out.printf("%-46s %8s %8s %8s %9s %8s %8s %9s %8s %8s %9s%n", "prediction", "n", "mean0", "p90 0",
                ">0.1m 0", "mean.5", "p90.5", ">0.3m.5", "mean1", "p90 1", ">0.6m 1");
        for (Errors e : models) {
            print(e);
        }
        breakdown(models[0], TAUS.length, "age", new double[] {0, 0.5, 1, 2, 1e9});
        breakdown(models[0], TAUS.length + 1, "unmeasured for", new double[] {0, 0.01, 0.2, 0.5, 1e9});
        print(truth);
        print(truthTurn);
    }

    /** Prints the samples of e in bins of column c (bounds b₀ … bₙ: [bᵢ, bᵢ₊₁)). */
    private static void breakdown(Errors e, int c, String what, double[] bounds) {
        for (int b = 0; b + 1 < bounds.length; b++) {
            String upper = bounds[b + 1] > 1e8 ? "" : String.format("%.2f", bounds[b + 1]);
            Errors sub = new Errors(String.format("  the same, track %s %.2f-%s s", what, bounds[b], upper), e.motion);
            for (double[] smp : e.samples) {
                if (smp[c] >= bounds[b] && smp[c] < bounds[b + 1]) {
                    sub.samples.add(smp);
                }
            }
            print(sub);
        }
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a number");
        }
    }

    private static void print(Errors e) {
        double[][] byTau = new double[TAUS.length][];
        for (int k = 0; k < TAUS.length; k++) {
            final int kk = k;
            byTau[k] = e.samples.stream().mapToDouble(s -> s[kk]).filter(Double::isFinite).sorted().toArray();
        }
        System.out.printf("%-46s %8d", e.name, byTau[0].length);
        double[] limits = {0.1, 0.3, 0.6};
        for (int k = 0; k < TAUS.length; k++) {
            double[] v = byTau[k];
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double p90 = v.length == 0 ? Double.NaN : v[(int) (0.9 * (v.length - 1))];
            final double lim = limits[k];
            double over = 100.0 * Arrays.stream(v).filter(x -> x > lim).count() / Math.max(1, v.length);
            System.out.printf(" %8.3f %8.3f %8.1f%%", mean, p90, over);
        }
        System.out.println();
    }

    private static void world(int index, double t0, double speed, TrackerConfig trackerConfig,
                              MovingFilterConfig filterConfig, Errors[] models, Errors truth, Errors truthTurn,
                              long[] counts) {
        World w = DynaBarn.load(index, t0);
        Lidar lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
        LidarMap map = new LidarMap(LidarMapConfig.covering(w.grid()).withSensorOffset(0.0));
        TrackingLidarMap tracking = new TrackingLidarMap(map, lidar, trackerConfig, filterConfig);
        List<MovingDisc> discs = w.movingObstacles();
        double distance = DynaBarn.START.x() - DynaBarn.GOAL_X;
        int scans = (int) Math.ceil(distance / speed / DT);
        int lookahead = (int) Math.round(TAUS[TAUS.length - 1] / DT);
        int n = discs.size();
        // true centres at every scan and past the last by the longest τ
        double[][] cx = new double[scans + lookahead + 1][n];
        double[][] cy = new double[scans + lookahead + 1][n];
        double[][] vx = new double[scans + lookahead + 1][n];
        double[][] vy = new double[scans + lookahead + 1][n];
        List<MovingDisc> stepped = w.movingObstacles();
        for (int k = 0; k < cx.length; k++) {
            for (int j = 0; j < n; j++) {
                MovingDisc d = stepped.get(j);
                cx[k][j] = d.x();
                cy[k][j] = d.y();
                vx[k][j] = d.vx();
                vy[k][j] = d.vy();
                d.step(DT, w.grid());
            }
        }
        SplittableRandom rng = new SplittableRandom(1000L + index);
        double[] ranges = new double[lidar.config().beams()];
        MovingDiscs movers = new MovingDiscs();
        MovingDiscs trueDiscs = new MovingDiscs();
        OracleMotion oracleMotion = new OracleMotion();
        double[] p = new double[2];
        double halfFov = 0.5 * lidar.config().fieldOfView();
        for (int k = 0; k < scans; k++) {
            double t = k * DT;
            double rx = DynaBarn.START.x() - speed * t;
            double ry = 0.0;
            double rth = Math.PI;
            lidar.scan(w.grid(), discs, rx, ry, rth, ranges, rng);
            tracking.scan(t0 + t, ranges, rx, ry, rth);
            tracking.movers(movers);
            // the true discs as the map oracle gives them: turn rates and accelerations from consecutive velocities
            trueDiscs.clear();
            for (int j = 0; j < n; j++) {
                trueDiscs.add(cx[k][j], cy[k][j], vx[k][j], vy[k][j], DynaBarn.OBSTACLE_RADIUS);
            }
            oracleMotion.apply(t, trueDiscs);
            if (t >= WARMUP) {
                score(k, rx, ry, rth, halfFov, movers, cx, cy, models, counts, p, tracking.tracker());
                scoreTruth(k, rx, ry, trueDiscs, cx, cy, truth, p);
                scoreTruth(k, rx, ry, trueDiscs, cx, cy, truthTurn, p);
            }
            for (MovingDisc d : discs) {
                d.step(DT, w.grid());
            }
        }
    }

    private static void score(int k, double rx, double ry, double rth, double halfFov,
                              MovingDiscs movers, double[][] cx, double[][] cy, Errors[] models, long[] counts,
                              double[] p, DiscTracker tracker) {
        int n = cx[k].length;
        for (int j = 0; j < n; j++) {
            double dist = Math.hypot(cx[k][j] - rx, cy[k][j] - ry);
            double bearing = Math.IEEEremainder(Math.atan2(cy[k][j] - ry, cx[k][j] - rx) - rth, 2 * Math.PI);
            if (dist > SEEN || Math.abs(bearing) > halfFov) {
                continue;
            }
            counts[0]++;
            boolean tracked = false;
            for (int i = 0; i < movers.count() && !tracked; i++) {
                tracked = Math.hypot(movers.x(i) - cx[k][j], movers.y(i) - cy[k][j]) < MATCH;
            }
            if (!tracked) {
                counts[1]++;
            }
        }
        for (int i = 0; i < movers.count(); i++) {
            if (Math.hypot(movers.x(i) - rx, movers.y(i) - ry) > NEAR) {
                continue;
            }
            counts[2]++;
            int j = nearest(cx[k], cy[k], movers.x(i), movers.y(i));
            if (j < 0) {
                counts[3]++;
                continue;
            }
            double age = Double.NaN;
            double unseen = Double.NaN;
            for (int q = 0; q < tracker.trackCount(); q++) {
                if (tracker.trackId(q) == movers.id(i)) {
                    age = tracker.trackAge(q);
                    unseen = tracker.trackUnseen(q);
                }
            }
            for (Errors e : models) {
                double[] err = Arrays.copyOf(errors(k, j, i, movers, cx, cy, e.motion, p), TAUS.length + 2);
                err[TAUS.length] = age;
                err[TAUS.length + 1] = unseen;
                e.samples.add(err);
            }
        }
    }

    private static void scoreTruth(int k, double rx, double ry, MovingDiscs discs, double[][] cx, double[][] cy,
                                   Errors truth, double[] p) {
        for (int j = 0; j < discs.count(); j++) {
            if (Math.hypot(discs.x(j) - rx, discs.y(j) - ry) <= NEAR) {
                truth.samples.add(errors(k, j, j, discs, cx, cy, truth.motion, p));
            }
        }
    }

    /** Errors at each τ of disc i of d against true disc j, NaN where the disc jumps within τ. */
    private static double[] errors(int k, int j, int i, MovingDiscs d, double[][] cx, double[][] cy,
                                   DiscMotion motion, double[] p) {
        double[] e = new double[TAUS.length];
        for (int m = 0; m < TAUS.length; m++) {
            int steps = (int) Math.round(TAUS[m] / DT);
            boolean jump = false;
            for (int s = k; s < k + steps; s++) {
                jump |= Math.hypot(cx[s + 1][j] - cx[s][j], cy[s + 1][j] - cy[s][j]) > 0.5;
            }
            if (jump) {
                e[m] = Double.NaN;
                continue;
            }
            d.predict(i, TAUS[m], motion, p);
            e[m] = Math.hypot(p[0] - cx[k + steps][j], p[1] - cy[k + steps][j]);
        }
        return e;
    }

    private static int nearest(double[] x, double[] y, double px, double py) {
        int best = -1;
        double bd = MATCH;
        for (int j = 0; j < x.length; j++) {
            double dd = Math.hypot(x[j] - px, y[j] - py);
            if (dd < bd) {
                bd = dd;
                best = j;
            }
        }
        return best;
    }
}
