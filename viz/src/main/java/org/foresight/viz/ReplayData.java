package org.foresight.viz;

import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.log.MapSnapshot;
import org.foresight.dynamics.log.RunFiles;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
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

    /** The per-cycle series. */
    private final CycleColumns cols;
    /** The recorded run, or null for a live one. */
    private final RunLog log;
    /** The live run's geometry, or null for a recorded one. */
    private final LiveGeometry liveGeometry;
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
        this.cols = new CycleColumns(log);
        this.outcome = log.outcome();
        this.liveGeometry = null;
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
        cols = new CycleColumns(256);
        liveGeometry = new LiveGeometry();
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
        append(CycleSnapshot.of(r));
    }

    /** Appends a cycle already copied into compact form (see {@link CycleSnapshot}). */
    void append(CycleSnapshot s) {
        if (!live) {
            throw new IllegalStateException("cannot append to a recorded run");
        }
        liveGeometry.add(cols.n, s);
        cols.append(s);
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
        return cols.n;
    }

    /** Outcome of the run ("SUCCESS", "COLLISION", "TIMEOUT", "RUNNING", …). */
    public String outcome() {
        return outcome;
    }

    /** Start time of cycle c [s]. */
    public double time(int c) {
        return cols.t[c];
    }

    /** Duration covered by the run: time of the last cycle [s] (0 when empty). */
    public double endTime() {
        return cols.n == 0 ? 0.0 : cols.t[cols.n - 1];
    }

    /** Robot x at cycle c [m]. */
    public double x(int c) {
        return cols.x[c];
    }

    /** Robot y at cycle c [m]. */
    public double y(int c) {
        return cols.y[c];
    }

    /** Robot heading at cycle c [rad]. */
    public double theta(int c) {
        return cols.theta[c];
    }

    /** Measured forward speed at cycle c [m/s]. */
    public double v(int c) {
        return cols.v[c];
    }

    /** Measured yaw rate at cycle c [rad/s]. */
    public double omega(int c) {
        return cols.omega[c];
    }

    /** Commanded forward speed at cycle c [m/s]. */
    public double cmdV(int c) {
        return cols.cmdV[c];
    }

    /** Commanded yaw rate at cycle c [rad/s]. */
    public double cmdOmega(int c) {
        return cols.cmdOmega[c];
    }

    /**
     * Planning time of cycle c [ms]; NaN when no plan started in it (status "busy": the planner was still
     * computing an earlier plan whose latency is charged to the robot).
     */
    public double planMs(int c) {
        return cols.planMs[c];
    }

    /**
     * Latency charged to the plan started in cycle c [ms]: from its measurement until its command reached
     * the wheels; NaN when no plan started; 0 for runs logged without latency.
     */
    public double latencyMs(int c) {
        return cols.latencyMs[c];
    }

    /** Whether cycle c ended with the planner still computing past its deadline (an overrun). */
    public boolean overrun(int c) {
        return cols.overrun[c];
    }

    /** Planner mode of cycle c. */
    public String mode(int c) {
        return cols.modes[c];
    }

    /** Planner status of cycle c ("ok" or why it stopped). */
    public String status(int c) {
        return cols.statuses[c];
    }

    /** Chosen plan of cycle c, interleaved x,y [m]; possibly empty (do not modify). */
    public float[] plan(int c) {
        return log != null ? log.plan(c) : orEmpty(liveGeometry.plan(c));
    }

    /**
     * The guide path the planner followed in cycle c, interleaved x,y [m] in the frame of the plans, or null when the
     * run did not record one (then {@link #referencePath} is the stand-in). Do not modify.
     */
    public float[] guide(int c) {
        return log != null ? log.guide(c) : liveGeometry.guide(c);
    }

    /** Sampled rollouts of cycle c, each interleaved x,y [m] (do not modify). */
    public float[][] rollouts(int c) {
        if (log != null) {
            return log.rollouts(c);
        }
        float[][] r = liveGeometry.rollouts(c);
        return r == null ? NO_POLYLINES : r;
    }

    /** Weights of the sampled rollouts of cycle c (do not modify). */
    public float[] rolloutWeights(int c) {
        return log != null ? log.rolloutWeights(c) : orEmpty(liveGeometry.weights(c));
    }

    /** Lidar ranges of cycle c [m], or null (do not modify). */
    public float[] scan(int c) {
        return log != null ? log.scan(c) : liveGeometry.scan(c);
    }

    /** Moving obstacles of cycle c as triples x [m], y [m], radius [m] (do not modify). */
    public double[] obstacles(int c) {
        if (log != null) {
            return log.obstacles(c);
        }
        double[] o = liveGeometry.obstacles(c);
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
        double[] o = liveGeometry.tracks(c);
        return o == null ? NO_DOUBLES : o;
    }

    /** Whether the robot's state estimate is known for some cycle (it was not given the true state). */
    public boolean hasEstimates() {
        return log != null ? log.hasEstimates() : liveGeometry.hasEstimates();
    }

    /**
     * The state the robot believed it had in cycle c (its odometry, whose frame is the world frame at the start).
     *
     * @param c the cycle.
     * @return x̂ [m], ŷ [m], θ̂ [rad], v [m/s], ω [rad/s] (do not modify), or null when the robot was given the truth.
     */
    public double[] estimate(int c) {
        return log != null ? log.estimate(c) : liveGeometry.estimate(c);
    }

    /** Whether the robot built its own map (some cycle has a snapshot of it). */
    public boolean hasKnownMap() {
        return log != null ? log.hasKnownMap() : liveGeometry.hasKnownMap();
    }

    /**
     * The obstacles the robot had seen by cycle c: the latest snapshot of its map at or before c.
     *
     * @param c the cycle.
     * @return the snapshot (do not modify), or null when the robot was given the map or had none yet.
     */
    public MapSnapshot knownMapAt(int c) {
        return log != null ? log.knownMapAt(c) : liveGeometry.knownMapAt(c);
    }

    /** The cycle in effect at time ts [s]: the last one starting at or before it, clamped to the run. */
    public int cycleAt(double ts) {
        int n = cols.n;
        double[] t = cols.t;
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
}
