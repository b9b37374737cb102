package org.foresight.mpc.perception;

import java.util.Arrays;
import org.foresight.dynamics.world.Lidar;

/**
 * Tracks moving discs from lidar scans against a known static map: the returns the map does not explain are
 * cut into clusters, each cluster measures a disc, and each disc is followed by a constant-velocity Kalman
 * filter. Tracks are born unconfirmed and reported after {@link TrackerConfig#confirmHits} matches; they die
 * after {@link TrackerConfig#maxCoast} without one ({@link TrackerConfig#hiddenCoast} while the prediction lies
 * outside the lidar's field of view or range). A DynaBARN obstacle's loop-end jump (~20 m) falls outside
 * every gate: its track dies and a new one is born where it reappears.
 *
 * <pre>
 * cluster → disc: û the bisector of the first and last returns' bearings, n the nearest return's distance
 *   along û, w the half-width across û;  r̂ = max(r_min, w) (no disc when w &gt; r_max),  centre = sensor + (n + r̂)·û
 * per axis, state (p, v): a constant-velocity Kalman filter ({@link TrackFilters})
 * association: greedy nearest pairs (prediction, cluster) within the gate, closest first
 * turn rate and tangential acceleration of a track, from its filtered velocity v̂ before and after each scan
 * (Δt apart), low-passed with time constant τ_m = {@value #MOTION_TIME} s (α = min(1, Δt/τ_m)):
 *   ω ← ω + α·(atan2(v̂₀ × v̂₁, v̂₀ · v̂₁)/Δt − ω),   a ← a + α·((|v̂₁| − |v̂₀|)/Δt − a)
 *   (the direction change counts only when both speeds exceed {@value #MOTION_MIN_SPEED} m/s)
 * </pre>
 * Not thread-safe; one per episode. Grow-only buffers: steady-state updates allocate nothing.
 */
public final class DiscTracker {
    /** Standard deviation of a new track's velocity [m/s]. */
    private static final double VELOCITY_PRIOR = 2.0;
    /** Time constant of the turn-rate and acceleration low-pass [s]. */
    static final double MOTION_TIME = 0.4;
    /** Speed below which a track's direction change is not counted as a turn [m/s]. */
    static final double MOTION_MIN_SPEED = 0.3;

    private final TrackerConfig config;
    private final Lidar lidar;
    // clusters of the current scan
    private final DiscDetector detector;
    /** The rule of a known map: within staticTolerance of an obstacle. */
    private final GridExplainer gridExplainer;
    /** Discs of the current scan: count, and which were matched to a track. */
    private int nc;
    private boolean[] clUsed = new boolean[16];
    // tracks: the Kalman filters (position, velocity, covariance per axis), then per track
    private int nt;
    private final TrackFilters kf = new TrackFilters(16);
    private double[] tr = new double[16];
    private int[] hits = new int[16];
    private double[] lastSeen = new double[16];
    private boolean[] trUsed = new boolean[16];
    // per track: identity, birth position [m] and time [s], farthest distance from the birth position [m]
    private long[] ids = new long[16];
    private double[] bx = new double[16];
    private double[] by = new double[16];
    private double[] bt = new double[16];
    private double[] farthest = new double[16];
    // per track: velocity before this scan [m/s], low-passed turn rate [rad/s] and tangential acceleration [m/s²]
    private double[] pvx = new double[16];
    private double[] pvy = new double[16];
    private double[] tw = new double[16];
    private double[] ta = new double[16];
    private double time = Double.NaN;
    private long born;

    /**
     * @param config settings.
     * @param lidar  the lidar whose scans are given (its beam angles). Not modified.
     */
    public DiscTracker(TrackerConfig config, Lidar lidar) {
        if (config == null || lidar == null) {
            throw new IllegalArgumentException("a disc tracker needs its config and the lidar");
        }
        this.config = config;
        this.lidar = lidar;
        this.detector = new DiscDetector(config, lidar);
        this.gridExplainer = new GridExplainer(config.staticTolerance());
    }

    /** Forgets every track. */
    public void reset() {
        nt = 0;
        time = Double.NaN;
        born = 0;
    }

    /** @return tracks born since the start or the last {@link #reset} (confirmed or not). */
    public long births() {
        return born;
    }

    /**
     * One scan: predicts the tracks to {@code t}, clusters the returns the static map does not explain,
     * associates, updates, gives birth and death.
     *
     * @param t         scan time [s], not before the previous scan's.
     * @param ranges    ranges [m], one per beam of the lidar. Not modified.
     * @param sx        sensor x [m] (planning frame).
     * @param sy        sensor y [m].
     * @param stheta    sensor heading [rad].
     * @param staticMap the static map's distance grid: a return within {@link TrackerConfig#staticTolerance} of an
     *                  obstacle is the map's. Not modified.
     */
    public void update(double t, double[] ranges, double sx, double sy, double stheta, DistanceGrid staticMap) {
        update(t, ranges, sx, sy, stheta, gridExplainer.of(staticMap));
    }

    /**
     * {@link #update(double, double[], double, double, double, DistanceGrid)} with another rule for which returns
     * the static map accounts for (e.g. {@link SettledCells} over the robot's own map).
     *
     * @param t         scan time [s], not before the previous scan's.
     * @param ranges    ranges [m], one per beam of the lidar. Not modified.
     * @param sx        sensor x [m] (planning frame).
     * @param sy        sensor y [m].
     * @param stheta    sensor heading [rad].
     * @param staticMap which returns are the static map's. Not modified.
     */
    public void update(double t, double[] ranges, double sx, double sy, double stheta, ReturnExplainer staticMap) {
        double dt = Double.isNaN(time) ? 0.0 : t - time;
        if (dt < 0) {
            throw new IllegalArgumentException("scan time " + t + " s is before the previous scan's " + time + " s");
        }
        time = t;
        for (int i = 0; i < nt; i++) {
            pvx[i] = kf.vx[i];
            pvy[i] = kf.vy[i];
            kf.predict(i, dt, config.accelNoise());
        }
        nc = detector.detect(ranges, sx, sy, stheta, staticMap);
        if (clUsed.length < nc) {
            clUsed = new boolean[Math.max(nc, 2 * clUsed.length)];
        }
        Arrays.fill(clUsed, 0, nc, false);
        associate();
        if (dt > 0) {
            double alpha = Math.min(1.0, dt / MOTION_TIME);
            for (int i = 0; i < nt; i++) {
                double w = MovingDiscs.turnRate(pvx[i], pvy[i], kf.vx[i], kf.vy[i], dt, MOTION_MIN_SPEED);
                double a = (Math.hypot(kf.vx[i], kf.vy[i]) - Math.hypot(pvx[i], pvy[i])) / dt;
                tw[i] += alpha * (w - tw[i]);
                ta[i] += alpha * (a - ta[i]);
            }
        }
        // death: unmatched for too long, longer where no scan can see it (compacting keeps the survivors in order)
        int w = 0;
        double halfFov = 0.5 * lidar.config().fieldOfView();
        double range = lidar.config().maxRange();
        for (int i = 0; i < nt; i++) {
            double unseen = t - lastSeen[i];
            boolean alive = unseen <= config.maxCoast();
            if (!alive && unseen <= config.hiddenCoast()) {
                // not fully in view: a cluster cut by the edge of the field of view is measured only by a wide enough arc
                double dist = Math.hypot(kf.x[i] - sx, kf.y[i] - sy);
                double bearing = Math.IEEEremainder(Math.atan2(kf.y[i] - sy, kf.x[i] - sx) - stheta, 2 * Math.PI);
                double half = dist > tr[i] ? Math.asin(tr[i] / dist) : Math.PI;
                alive = Math.abs(bearing) > halfFov - half || dist > range;
            }
            if (alive) {
                move(i, w++);
            }
        }
        nt = w;
        // birth
        for (int j = 0; j < nc; j++) {
            if (!clUsed[j]) {
                birth(j, t);
            }
        }
    }

    /**
     * The confirmed tracks as discs: position [m], velocity [m/s], radius [m].
     *
     * @param out (Output) cleared and filled. Modified.
     * @return out.
     */
    public MovingDiscs tracks(MovingDiscs out) {
        out.clear();
        for (int i = 0; i < nt; i++) {
            if (hits[i] >= config.confirmHits()) {
                out.add(kf.x[i], kf.y[i], kf.vx[i], kf.vy[i], tr[i], ids[i], trackSigma(i), Math.sqrt(0.5 * (kf.vv[i] + kf.wv[i])));
                out.setTurnRate(out.count() - 1, tw[i]);
                out.setAcceleration(out.count() - 1, ta[i]);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ every live track, confirmed or not

    /** @return the live tracks (confirmed or tentative), indexed 0 … count − 1 until the next update. */
    public int trackCount() {
        return nt;
    }

    /** @param i track in [0, trackCount()). @return its identity: the n-th track born since the reset. */
    public long trackId(int i) {
        return ids[i];
    }

    /** @param i track. @return whether it has been matched {@link TrackerConfig#confirmHits} times. */
    public boolean confirmed(int i) {
        return hits[i] >= config.confirmHits();
    }

    /** @param i track. @return centre x [m] at the last scan. */
    public double trackX(int i) {
        return kf.x[i];
    }

    /** @param i track. @return centre y [m] at the last scan. */
    public double trackY(int i) {
        return kf.y[i];
    }

    /** @param i track. @return velocity x [m/s]. */
    public double trackVx(int i) {
        return kf.vx[i];
    }

    /** @param i track. @return velocity y [m/s]. */
    public double trackVy(int i) {
        return kf.vy[i];
    }

    /** @param i track. @return turn rate of its filtered velocity, low-passed (class comment) [rad/s]. */
    public double trackTurnRate(int i) {
        return tw[i];
    }

    /** @param i track. @return tangential acceleration of its filtered velocity, low-passed [m/s²]. */
    public double trackAcceleration(int i) {
        return ta[i];
    }

    /** @param i track. @return radius [m]. */
    public double trackRadius(int i) {
        return tr[i];
    }

    /** @param i track. @return position standard deviation, √((σ²ₓ + σ²ᵧ)/2) [m]. */
    public double trackSigma(int i) {
        return Math.sqrt(0.5 * (kf.xx[i] + kf.yy[i]));
    }

    /** @param i track. @return time since its birth at the last scan [s]. */
    public double trackAge(int i) {
        return time - bt[i];
    }

    /** @param i track. @return time since its last match at the last scan (0: matched by it) [s]. */
    public double trackUnseen(int i) {
        return time - lastSeen[i];
    }

    /** @param i track. @return the farthest its filtered centre has been from where it was born [m]. */
    public double trackTravel(int i) {
        return farthest[i];
    }

    /** Greedy nearest-pair association within the gate: repeatedly the closest free (track, cluster) pair. */
    private void associate() {
        for (int i = 0; i < nt; i++) {
            trUsed[i] = false;
        }
        double g2 = config.gate() * config.gate();
        while (true) {
            double best = g2;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < nt; i++) {
                if (trUsed[i]) {
                    continue;
                }
                for (int j = 0; j < nc; j++) {
                    if (clUsed[j]) {
                        continue;
                    }
                    double dx = detector.x(j) - kf.x[i];
                    double dy = detector.y(j) - kf.y[i];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < best) {
                        best = d2;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                return;
            }
            trUsed[bi] = true;
            clUsed[bj] = true;
            kf.correct(bi, detector.x(bj), detector.y(bj), config.measurementStd() * config.measurementStd());
            farthest[bi] = Math.max(farthest[bi], Math.hypot(kf.x[bi] - bx[bi], kf.y[bi] - by[bi]));
            tr[bi] = 0.7 * tr[bi] + 0.3 * detector.r(bj);
            hits[bi]++;
            lastSeen[bi] = time;
        }
    }

    /** A new track at cluster j, at rest with a wide velocity prior (2 m/s σ). */
    private void birth(int j, double t) {
        if (nt == kf.x.length) {
            grow(2 * nt);
        }
        int i = nt++;
        double rr = config.measurementStd() * config.measurementStd();
        kf.start(i, detector.x(j), detector.y(j), rr, VELOCITY_PRIOR * VELOCITY_PRIOR);
        tr[i] = detector.r(j);
        hits[i] = 1;
        lastSeen[i] = t;
        ids[i] = born;
        bx[i] = detector.x(j);
        by[i] = detector.y(j);
        bt[i] = t;
        farthest[i] = 0;
        tw[i] = 0;
        ta[i] = 0;
        born++;
    }

    private void move(int from, int to) {
        if (from == to) {
            return;
        }
        kf.move(from, to);
        tr[to] = tr[from];
        hits[to] = hits[from];
        lastSeen[to] = lastSeen[from];
        ids[to] = ids[from];
        bx[to] = bx[from];
        by[to] = by[from];
        bt[to] = bt[from];
        farthest[to] = farthest[from];
        tw[to] = tw[from];
        ta[to] = ta[from];
    }

    private void grow(int cap) {
        kf.grow(cap);
        tr = Arrays.copyOf(tr, cap);
        hits = Arrays.copyOf(hits, cap);
        lastSeen = Arrays.copyOf(lastSeen, cap);
        trUsed = Arrays.copyOf(trUsed, cap);
        ids = Arrays.copyOf(ids, cap);
        bx = Arrays.copyOf(bx, cap);
        by = Arrays.copyOf(by, cap);
        bt = Arrays.copyOf(bt, cap);
        farthest = Arrays.copyOf(farthest, cap);
        pvx = Arrays.copyOf(pvx, cap);
        pvy = Arrays.copyOf(pvy, cap);
        tw = Arrays.copyOf(tw, cap);
        ta = Arrays.copyOf(ta, cap);
    }
}
