package org.foresight.viz;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.log.MapSnapshot;
import org.foresight.dynamics.log.RunFiles;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.World;

/**
 * Everything the viewer draws, independent of where it came from: a finished run read from disk
 * ({@link #of(RunLog)}) or a run growing cycle by cycle ({@link #live}, fed by {@link LiveView}).
 * Per-cycle series are primitive columns (time [s], pose [m, rad], speeds [m/s, rad/s], commands,
 * planning time and latency [ms], overruns); per-cycle geometry (plan, rollouts, scan, moving obstacles) is kept as the
 * compact float arrays of {@link RunLog}. When the robot had to find out for itself, each cycle also has the state it
 * believed ({@link #estimate}) and the map it had built by then ({@link #knownMapAt}); the pose columns are the truth.
 *
 * <p>Not thread-safe: a live instance is appended to only on the JavaFX thread ({@link LiveView}
 * hands cycles over through a queue).
 */
public final class ReplayData {
    private static final float[] NO_FLOATS = new float[0];
    private static final float[][] NO_POLYLINES = new float[0][];
    private static final double[] NO_DOUBLES = new double[0];

    /** World name, e.g. "barn:17". */
    public final String worldName;
    /** The static occupancy grid (obstacles and walls). */
    public final OccupancyGrid grid;
    /** Start x [m]. */
    public final double startX;
    /** Start y [m]. */
    public final double startY;
    /** Goal x [m]. */
    public final double goalX;
    /** Goal y [m]. */
    public final double goalY;
    /** Goal tolerance radius [m]. */
    public final double goalTolerance;
    /** Guide (reference) path, interleaved x,y [m]; may be empty. */
    public final double[] referencePath;
    /** Robot footprint. */
    public final Footprint footprint;
    /** Angle of lidar beam 0 relative to the heading [rad]; NaN without lidar. */
    public final double lidarAngleMin;
    /** Angle between consecutive lidar beams [rad]; NaN without lidar. */
    public final double lidarAngleIncrement;
    /** Lidar maximum range [m] (a range at or beyond it is "no return"); NaN without lidar. */
    public final double lidarMaxRange;
    /**
     * Where the lidar sits along the robot's forward axis from its centre [m]: the scans were taken there; NaN
     * without lidar.
     */
    public final double lidarOffset;
    /** Whether the data grows (a live run). */
    public final boolean live;

    private int n;
    private double[] t;
    private double[] x;
    private double[] y;
    private double[] theta;
    private double[] v;
    private double[] omega;
    private double[] cmdV;
    private double[] cmdOmega;
    private double[] planMs;
    private double[] latencyMs;
    private boolean[] overrun;
    private String[] modes;
    private String[] statuses;
    private final RunLog log;
    private final List<float[]> livePlans;
    /** Per live cycle the guide in force (shared arrays), or null entries before the first. */
    private final List<float[]> liveGuides;
    private final List<float[][]> liveRollouts;
    private final List<float[]> liveWeights;
    private final List<float[]> liveScans;
    private final List<double[]> liveObstacles;
    private final List<double[]> liveTracks;
    private final List<double[]> liveEstimates;
    private final List<Integer> liveMapCycles;
    private final List<MapSnapshot> liveMaps;
    private boolean liveHasEstimates;
    private String outcome;
    private int version;

    private ReplayData(RunLog log) {
        this.log = log;
        this.live = false;
        this.worldName = log.worldName;
        this.grid = log.grid;
        this.startX = log.start.x();
        this.startY = log.start.y();
        this.goalX = log.goalX;
        this.goalY = log.goalY;
        this.goalTolerance = log.goalTolerance;
        this.referencePath = log.referencePath;
        this.footprint = log.footprint;
        this.lidarAngleMin = log.lidarAngleMin;
        this.lidarAngleIncrement = log.lidarAngleIncrement;
        this.lidarMaxRange = log.lidarMaxRange;
        this.lidarOffset = log.lidarOffset;
        TrajectoryLog tr = log.trajectory;
        this.n = tr.length();
        this.t = log.times;
        this.x = tr.column("x");
        this.y = tr.column("y");
        this.theta = tr.column("theta");
        this.v = tr.column("v");
        this.omega = tr.column("omega");
        this.cmdV = tr.column("cmd_v");
        this.cmdOmega = tr.column("cmd_omega");
        this.planMs = log.planMs;
        this.latencyMs = log.latencyMs;
        this.overrun = log.overrun;
        this.modes = log.modes;
        this.statuses = log.statuses;
        this.outcome = log.outcome();
        this.livePlans = null;
        this.liveGuides = null;
        this.liveRollouts = null;
        this.liveWeights = null;
        this.liveScans = null;
        this.liveObstacles = null;
        this.liveTracks = null;
        this.liveEstimates = null;
        this.liveMapCycles = null;
        this.liveMaps = null;
    }

    private ReplayData(World world, Footprint footprint, LidarConfig lidar) {
        this.log = null;
        this.live = true;
        this.worldName = world.name();
        this.grid = world.grid();
        this.startX = world.start().x();
        this.startY = world.start().y();
        this.goalX = world.goalX();
        this.goalY = world.goalY();
        this.goalTolerance = world.goalTolerance();
        this.referencePath = world.referencePath();
        this.footprint = footprint;
        if (lidar != null) {
            Lidar l = new Lidar(lidar);
            this.lidarAngleMin = l.beamAngle(0);
            this.lidarAngleIncrement = lidar.beams() > 1 ? l.beamAngle(1) - l.beamAngle(0) : 0.0;
            this.lidarMaxRange = lidar.maxRange();
            this.lidarOffset = RunFiles.DEFAULT_LIDAR_OFFSET;
        } else {
            this.lidarOffset = Double.NaN;
            this.lidarAngleMin = Double.NaN;
            this.lidarAngleIncrement = Double.NaN;
            this.lidarMaxRange = Double.NaN;
        }
        int cap = 256;
        t = new double[cap];
        x = new double[cap];
        y = new double[cap];
        theta = new double[cap];
        v = new double[cap];
        omega = new double[cap];
        cmdV = new double[cap];
        cmdOmega = new double[cap];
        planMs = new double[cap];
        latencyMs = new double[cap];
        overrun = new boolean[cap];
        modes = new String[cap];
        statuses = new String[cap];
        livePlans = new ArrayList<>();
        liveGuides = new ArrayList<>();
        liveRollouts = new ArrayList<>();
        liveWeights = new ArrayList<>();
        liveScans = new ArrayList<>();
        liveObstacles = new ArrayList<>();
        liveTracks = new ArrayList<>();
        liveEstimates = new ArrayList<>();
        liveMapCycles = new ArrayList<>();
        liveMaps = new ArrayList<>();
        outcome = "RUNNING";
    }

    /**
     * Wraps a run read from disk (no copy of the per-cycle geometry).
     *
     * @param log the run. Not modified.
     * @return the replay data.
     */
    public static ReplayData of(RunLog log) {
        return new ReplayData(log);
    }

    /**
     * Starts an empty, growing run for the live view.
     *
     * @param world     the world the episode runs in.
     * @param footprint the robot's footprint.
     * @param lidar     the lidar whose scans the cycles carry, or null.
     * @return the (empty) replay data.
     */
    public static ReplayData live(World world, Footprint footprint, LidarConfig lidar) {
        return new ReplayData(world, footprint, lidar);
    }

    /**
     * Appends one cycle of a live run. The record's arrays are copied, so the caller may reuse them.
     *
     * @param r the cycle. Not modified.
     * @throws IllegalStateException when this is not live data.
     */
    public void append(CycleRecord r) {
        append(Snapshot.of(r));
    }

    /** Appends a cycle already copied into compact form (see {@link Snapshot}). */
    void append(Snapshot s) {
        if (!live) {
            throw new IllegalStateException("cannot append to a recorded run");
        }
        if (n == t.length) {
            int cap = 2 * n;
            t = java.util.Arrays.copyOf(t, cap);
            x = java.util.Arrays.copyOf(x, cap);
            y = java.util.Arrays.copyOf(y, cap);
            theta = java.util.Arrays.copyOf(theta, cap);
            v = java.util.Arrays.copyOf(v, cap);
            omega = java.util.Arrays.copyOf(omega, cap);
            cmdV = java.util.Arrays.copyOf(cmdV, cap);
            cmdOmega = java.util.Arrays.copyOf(cmdOmega, cap);
            planMs = java.util.Arrays.copyOf(planMs, cap);
            latencyMs = java.util.Arrays.copyOf(latencyMs, cap);
            overrun = java.util.Arrays.copyOf(overrun, cap);
            modes = java.util.Arrays.copyOf(modes, cap);
            statuses = java.util.Arrays.copyOf(statuses, cap);
        }
        t[n] = s.t;
        x[n] = s.state[StateIndex.X];
        y[n] = s.state[StateIndex.Y];
        theta[n] = s.state[StateIndex.THETA];
        v[n] = s.state.length > StateIndex.V ? s.state[StateIndex.V] : Double.NaN;
        omega[n] = s.state.length > StateIndex.OMEGA ? s.state[StateIndex.OMEGA] : Double.NaN;
        cmdV[n] = s.cmd[ControlIndex.V];
        cmdOmega[n] = s.cmd[ControlIndex.OMEGA];
        planMs[n] = s.planMs;
        latencyMs[n] = s.latencyMs;
        overrun[n] = s.overrun;
        modes[n] = s.mode;
        statuses[n] = s.status;
        livePlans.add(s.plan);
        liveGuides.add(s.guide != null ? s.guide : liveGuides.isEmpty() ? null : liveGuides.get(liveGuides.size() - 1));
        liveRollouts.add(s.rollouts);
        liveWeights.add(s.weights);
        liveScans.add(s.scan);
        liveObstacles.add(s.obstacles);
        liveTracks.add(s.tracks);
        liveEstimates.add(s.estimate);
        liveHasEstimates |= s.estimate != null;
        if (s.knownMap != null) {
            liveMapCycles.add(n);
            liveMaps.add(s.knownMap);
        }
        n++;
        version++;
    }

    /** Sets the outcome shown in the heads-up line (e.g. "SUCCESS"). */
    public void setOutcome(String outcome) {
        this.outcome = outcome;
        version++;
    }

    /** Counts changes, so that caches (plots) know when to rebuild. */
    public int version() {
        return version;
    }

    /** Number of cycles so far. */
    public int cycles() {
        return n;
    }

    /** Outcome of the run ("SUCCESS", "COLLISION", "TIMEOUT", "RUNNING", …). */
    public String outcome() {
        return outcome;
    }

    /** Start time of cycle c [s]. */
    public double time(int c) {
        return t[c];
    }

    /** Duration covered by the run: time of the last cycle [s] (0 when empty). */
    public double endTime() {
        return n == 0 ? 0.0 : t[n - 1];
    }

    /** Robot x at cycle c [m]. */
    public double x(int c) {
        return x[c];
    }

    /** Robot y at cycle c [m]. */
    public double y(int c) {
        return y[c];
    }

    /** Robot heading at cycle c [rad]. */
    public double theta(int c) {
        return theta[c];
    }

    /** Measured forward speed at cycle c [m/s]. */
    public double v(int c) {
        return v[c];
    }

    /** Measured yaw rate at cycle c [rad/s]. */
    public double omega(int c) {
        return omega[c];
    }

    /** Commanded forward speed at cycle c [m/s]. */
    public double cmdV(int c) {
        return cmdV[c];
    }

    /** Commanded yaw rate at cycle c [rad/s]. */
    public double cmdOmega(int c) {
        return cmdOmega[c];
    }

    /**
     * Planning time of cycle c [ms]; NaN when no plan started in it (status "busy": the planner was still
     * computing an earlier plan whose latency is charged to the robot).
     */
    public double planMs(int c) {
        return planMs[c];
    }

    /**
     * Latency charged to the plan started in cycle c [ms]: from its measurement until its command reached
     * the wheels; NaN when no plan started; 0 for runs logged without latency.
     */
    public double latencyMs(int c) {
        return latencyMs[c];
    }

    /** Whether cycle c ended with the planner still computing past its deadline (an overrun). */
    public boolean overrun(int c) {
        return overrun[c];
    }

    /** Planner mode of cycle c. */
    public String mode(int c) {
        return modes[c];
    }

    /** Planner status of cycle c ("ok" or why it stopped). */
    public String status(int c) {
        return statuses[c];
    }

    /** Chosen plan of cycle c, interleaved x,y [m]; possibly empty (do not modify). */
    public float[] plan(int c) {
        return log != null ? log.plan(c) : orEmpty(livePlans.get(c));
    }

    /**
     * The guide path the planner followed in cycle c, interleaved x,y [m] in the frame of the plans, or null when the
     * run did not record one (then {@link #referencePath} is the stand-in). Do not modify.
     */
    public float[] guide(int c) {
        return log != null ? log.guide(c) : liveGuides.get(c);
    }

    /** Sampled rollouts of cycle c, each interleaved x,y [m] (do not modify). */
    public float[][] rollouts(int c) {
        if (log != null) {
            return log.rollouts(c);
        }
        float[][] r = liveRollouts.get(c);
        return r == null ? NO_POLYLINES : r;
    }

    /** Weights of the sampled rollouts of cycle c (do not modify). */
    public float[] rolloutWeights(int c) {
        return log != null ? log.rolloutWeights(c) : orEmpty(liveWeights.get(c));
    }

    /** Lidar ranges of cycle c [m], or null (do not modify). */
    public float[] scan(int c) {
        return log != null ? log.scan(c) : liveScans.get(c);
    }

    /** Moving obstacles of cycle c as triples x [m], y [m], radius [m] (do not modify). */
    public double[] obstacles(int c) {
        if (log != null) {
            return log.obstacles(c);
        }
        double[] o = liveObstacles.get(c);
        return o == null ? NO_DOUBLES : o;
    }

    /**
     * The moving obstacles the planner was told of in cycle c (tracks), 7 numbers each: id, x [m], y [m], vx [m/s],
     * vy [m/s], radius [m], σ [m], in the planner's frame (do not modify).
     */
    public double[] tracks(int c) {
        if (log != null) {
            return log.tracks(c);
        }
        double[] o = liveTracks.get(c);
        return o == null ? NO_DOUBLES : o;
    }

    /** Whether the robot's state estimate is known for some cycle (it was not given the true state). */
    public boolean hasEstimates() {
        return log != null ? log.hasEstimates() : liveHasEstimates;
    }

    /**
     * The state the robot believed it had in cycle c (its odometry, whose frame is the world frame at the start).
     *
     * @param c the cycle.
     * @return x̂ [m], ŷ [m], θ̂ [rad], v [m/s], ω [rad/s] (do not modify), or null when the robot was given the truth.
     */
    public double[] estimate(int c) {
        return log != null ? log.estimate(c) : liveEstimates.get(c);
    }

    /** Whether the robot built its own map (some cycle has a snapshot of it). */
    public boolean hasKnownMap() {
        return log != null ? log.hasKnownMap() : !liveMaps.isEmpty();
    }

    /**
     * The obstacles the robot had seen by cycle c: the latest snapshot of its map at or before c.
     *
     * @param c the cycle.
     * @return the snapshot (do not modify), or null when the robot was given the map or had none yet.
     */
    public MapSnapshot knownMapAt(int c) {
        if (log != null) {
            return log.knownMapAt(c);
        }
        int lo = 0;
        int hi = liveMapCycles.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (liveMapCycles.get(mid) <= c) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : liveMaps.get(found);
    }

    /** The cycle in effect at time ts [s]: the last one starting at or before it, clamped to the run. */
    public int cycleAt(double ts) {
        if (n == 0 || ts <= t[0]) {
            return 0;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (t[mid] <= ts) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static float[] orEmpty(float[] a) {
        return a == null ? NO_FLOATS : a;
    }

    /**
     * A cycle copied into compact form on the thread that produced it, so that the producer may reuse
     * its arrays and the JavaFX thread only appends.
     */
    static final class Snapshot {
        final double t;
        final double[] state;
        final double[] cmd;
        final double planMs;
        final double latencyMs;
        final boolean overrun;
        final String mode;
        final String status;
        final float[] plan;
        final float[] guide;
        final float[][] rollouts;
        final float[] weights;
        final float[] scan;
        final double[] obstacles;
        final double[] tracks;
        final double[] estimate;
        final MapSnapshot knownMap;

        private Snapshot(CycleRecord r) {
            this.t = r.t();
            this.state = r.state().clone();
            this.cmd = r.cmd().clone();
            this.planMs = r.planMs();
            this.latencyMs = r.latencyMs();
            this.overrun = r.overrun();
            this.mode = r.mode();
            this.status = r.status();
            this.plan = toFloat(r.planXY());
            this.guide = r.guideXY() == null ? null : toFloat(r.guideXY());
            double[][] ro = r.rolloutsXY();
            this.rollouts = new float[ro == null ? 0 : ro.length][];
            for (int k = 0; k < rollouts.length; k++) {
                rollouts[k] = toFloat(ro[k]);
            }
            this.weights = toFloat(r.rolloutWeights());
            this.scan = r.scan() == null ? null : toFloat(r.scan());
            List<? extends MovingDisc> obs = r.obstacles();
            int m = obs == null ? 0 : obs.size();
            this.obstacles = new double[3 * m];
            for (int i = 0; i < m; i++) {
                MovingDisc o = obs.get(i);
                obstacles[3 * i] = o.x();
                obstacles[3 * i + 1] = o.y();
                obstacles[3 * i + 2] = o.radius();
            }
            this.tracks = r.tracks() == null ? NO_DOUBLES : r.tracks().clone();
            this.estimate = r.estimate() == null ? null : r.estimate().clone();
            // a snapshot is made for the log and not changed afterwards; its cell array is shared, not copied
            this.knownMap = r.knownMap();
        }

        static Snapshot of(CycleRecord r) {
            return new Snapshot(r);
        }

        private static float[] toFloat(double[] a) {
            if (a == null) {
                return NO_FLOATS;
            }
            float[] f = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                f[i] = (float) a[i];
            }
            return f;
        }
    }
}
