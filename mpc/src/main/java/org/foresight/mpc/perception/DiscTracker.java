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
 * per axis, state (p, v):  F = [1 Δt; 0 1],  Q = q·[Δt³/3 Δt²/2; Δt²/2 Δt],  H = [1 0],  R = σ²
 *   predict x ← F x, P ← F P Fᵀ + Q;  update K = P Hᵀ / (H P Hᵀ + R), x ← x + K (z − H x), P ← (I − K H) P
 * association: greedy nearest pairs (prediction, cluster) within the gate, closest first
 * </pre>
 * Not thread-safe; one per episode. Grow-only buffers: steady-state updates allocate nothing.
 */
public final class DiscTracker {
    /** Half-width of the moving mean that smooths a cluster's ranges before it is split [beams]. */
    private static final int SMOOTH_HALF = 2;
    /** Depth of a split piece's bottom, the points whose bearings give its centre's [m]. */
    private static final double BOTTOM = 0.01;
    /** Standard deviation of a new track's velocity [m/s]. */
    private static final double VELOCITY_PRIOR = 2.0;

    private final TrackerConfig config;
    private final Lidar lidar;
    // clusters of the current scan
    private int nc;
    private double[] clx = new double[16];
    private double[] cly = new double[16];
    private double[] clr = new double[16];
    private boolean[] clUsed = new boolean[16];
    // scratch for the points of one cluster
    private double[] px = new double[64];
    private double[] py = new double[64];
    // scratch for splitting a cluster: running range minima from the left and from the right [m]
    private double[] lowLeft = new double[64];
    private double[] lowRight = new double[64];
    private double[] smooth = new double[64];
    // tracks: per axis (p, v) and covariance (pp, pv, vv)
    private int nt;
    private double[] tx = new double[16];
    private double[] tvx = new double[16];
    private double[] ty = new double[16];
    private double[] tvy = new double[16];
    private double[] txx = new double[16];
    private double[] txv = new double[16];
    private double[] tvv = new double[16];
    private double[] tyy = new double[16];
    private double[] tyv = new double[16];
    private double[] twv = new double[16];
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
     * @param staticMap the static map's distance grid. Not modified.
     */
    public void update(double t, double[] ranges, double sx, double sy, double stheta, DistanceGrid staticMap) {
        double dt = Double.isNaN(time) ? 0.0 : t - time;
        if (dt < 0) {
            throw new IllegalArgumentException("scan time " + t + " s is before the previous scan's " + time + " s");
        }
        time = t;
        for (int i = 0; i < nt; i++) {
            predict(i, dt);
        }
        cluster(ranges, sx, sy, stheta, staticMap);
        associate();
        // death: unmatched for too long, longer where no scan can see it (compacting keeps the survivors in order)
        int w = 0;
        double halfFov = 0.5 * lidar.config().fieldOfView();
        double range = lidar.config().maxRange();
        for (int i = 0; i < nt; i++) {
            double unseen = t - lastSeen[i];
            boolean alive = unseen <= config.maxCoast();
            if (!alive && unseen <= config.hiddenCoast()) {
                // not fully in view: a cluster cut by the edge of the field of view is not measured
                double dist = Math.hypot(tx[i] - sx, ty[i] - sy);
                double bearing = Math.IEEEremainder(Math.atan2(ty[i] - sy, tx[i] - sx) - stheta, 2 * Math.PI);
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
                out.add(tx[i], ty[i], tvx[i], tvy[i], tr[i], ids[i], trackSigma(i));
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
        return tx[i];
    }

    /** @param i track. @return centre y [m] at the last scan. */
    public double trackY(int i) {
        return ty[i];
    }

    /** @param i track. @return velocity x [m/s]. */
    public double trackVx(int i) {
        return tvx[i];
    }

    /** @param i track. @return velocity y [m/s]. */
    public double trackVy(int i) {
        return tvy[i];
    }

    /** @param i track. @return radius [m]. */
    public double trackRadius(int i) {
        return tr[i];
    }

    /** @param i track. @return position standard deviation, √((σ²ₓ + σ²ᵧ)/2) [m]. */
    public double trackSigma(int i) {
        return Math.sqrt(0.5 * (txx[i] + tyy[i]));
    }

    /** @param i track. @return time since its birth at the last scan [s]. */
    public double trackAge(int i) {
        return time - bt[i];
    }

    /** @param i track. @return the farthest its filtered centre has been from where it was born [m]. */
    public double trackTravel(int i) {
        return farthest[i];
    }

    /**
     * Cuts the returns the static map does not explain into clusters, splits each where two outlines meet
     * ({@link #segment}) and measures each piece as a disc. A piece cut short (its outer beam's neighbour is nearer:
     * something in front of it hides part of the disc; or it touches the edge of the field of view) is not measured:
     * its bearing and width would place the centre wrongly, so its track coasts.
     */
    private void cluster(double[] ranges, double sx, double sy, double st, DistanceGrid map) {
        nc = 0;
        int np = 0;
        int first = -1;
        double max = lidar.config().maxRange();
        int n = lidar.config().beams();
        double lastX = 0;
        double lastY = 0;
        for (int b = 0; b <= n; b++) {
            boolean keep = false;
            double x = 0;
            double y = 0;
            if (b < n && ranges[b] < max - 1e-6) {
                double a = st + lidar.beamAngle(b);
                x = sx + ranges[b] * Math.cos(a);
                y = sy + ranges[b] * Math.sin(a);
                keep = map.distance(x, y) > config.staticTolerance();
            }
            boolean joins = keep && np > 0 && Math.hypot(x - lastX, y - lastY) <= config.clusterGap();
            if (np > 0 && !joins) {
                segment(0, np - 1, false, false, first, ranges, n, sx, sy);
                np = 0;
            }
            if (keep) {
                if (np == px.length) {
                    px = Arrays.copyOf(px, 2 * np);
                    py = Arrays.copyOf(py, 2 * np);
                    lowLeft = Arrays.copyOf(lowLeft, 2 * np);
                    lowRight = Arrays.copyOf(lowRight, 2 * np);
                    smooth = Arrays.copyOf(smooth, 2 * np);
                }
                if (np == 0) {
                    first = b;
                }
                px[np] = x;
                py[np] = y;
                np++;
                lastX = x;
                lastY = y;
            }
        }
    }

    /**
     * Cuts the cluster of points a … b (point i is beam first + i) where two convex outlines meet, then measures each
     * piece that is not cut short. Seen from outside, one disc's ranges fall to a single minimum and rise again; two
     * discs side by side (touching, overlapping, or one partly behind the other within the cluster gap) show a range
     * maximum between two minima. The piece splits at the interior point of greatest prominence
     * <pre>
     *   prom(m) = min(ρ_m − min_{a ≤ i ≤ m} ρ_i,  ρ_m − min_{m ≤ i ≤ b} ρ_i)     (ρ the ranges)
     *   prom(m*) &gt; splitProminence  ⇒  segment(a, m* − 1), segment(m* + 1, b)
     * </pre>
     * (the point m* itself, the seam, goes to neither). A piece is cut short when the beam beyond either end (beyond a
     * seam: the seam or the other piece's last return) is nearer than its nearest return (something in front hides
     * part of it), or an end is the edge of the field of view.
     */
    private void segment(int a, int b, boolean seamA, boolean seamB, int first, double[] ranges, int n, double sx,
                         double sy) {
        double p = config.splitProminence();
        smooth(a, b, first, ranges);
        if (b - a >= 2 && p > 0) {
            double low = Double.POSITIVE_INFINITY;
            for (int i = a; i <= b; i++) {
                low = Math.min(low, smooth[i]);
                lowLeft[i] = low;
            }
            low = Double.POSITIVE_INFINITY;
            for (int i = b; i >= a; i--) {
                low = Math.min(low, smooth[i]);
                lowRight[i] = low;
            }
            int best = -1;
            double prom = p;
            for (int m = a + 1; m < b; m++) {
                double r = smooth[m];
                double e = Math.min(r - lowLeft[m], r - lowRight[m]);
                if (e > prom) {
                    prom = e;
                    best = m;
                }
            }
            if (best >= 0) {
                segment(a, best - 1, seamA, true, first, ranges, n, sx, sy);
                segment(best + 1, b, true, seamB, first, ranges, n, sx, sy);
                return;
            }
        }
        double near = Double.POSITIVE_INFINITY;
        for (int i = a; i <= b; i++) {
            near = Math.min(near, ranges[first + i]);
        }
        int lo = first + a;
        int hi = first + b;
        // beyond a seam, the last return of the neighbouring piece decides (is that outline in front of this one?)
        double before = lo == 0 ? 0 : (seamA ? Math.min(ranges[lo - 1], ranges[lo - 2]) : ranges[lo - 1]);
        double after = hi == n - 1 ? 0 : (seamB ? Math.min(ranges[hi + 1], ranges[hi + 2]) : ranges[hi + 1]);
        boolean cut = lo == 0 || hi == n - 1 || before < near || after < near;
        if (!cut) {
            measure(a, b - a + 1, seamA, seamB, sx, sy);
        }
    }

    /**
     * ρ̄ᵢ = mean of the ranges of points max(a, i − 2) … min(b, i + 2), into {@link #smooth}: the 5-beam mean takes
     * the lidar's noise down √5-fold, so that a range maximum of noise on a single disc's flat bottom is no seam.
     */
    private void smooth(int a, int b, int first, double[] ranges) {
        for (int i = a; i <= b; i++) {
            int lo = Math.max(a, i - SMOOTH_HALF);
            int hi = Math.min(b, i + SMOOTH_HALF);
            double sum = 0;
            for (int j = lo; j <= hi; j++) {
                sum += ranges[first + j];
            }
            smooth[i] = sum / (hi - lo + 1);
        }
    }

    /**
     * Measures the disc of the np points from index a of px, py (in beam order, seen from the sensor at sx, sy) and
     * stores it. A whole outline: the centre lies on the bisector û of the piece's first and last bearings (a disc's
     * outline subtends an angle symmetric about its centre's bearing), r̂ (the half-width across û) beyond the nearest
     * return. A piece that ends at a seam (its outline runs into another's) has a biased bisector; the nearest point
     * of a disc lies on the line from the sensor to its centre, so û is the mean bearing of the piece's bottom (the
     * points whose smoothed range {@link #smooth} is within {@value #BOTTOM} m of its least), and r̂ comes from the
     * free end, a tangent at angle α from û:
     * <pre>
     *   sin α = r / d,  n = d − r  ⇒  r̂ = n·sin α / (1 − sin α)       (n the nearest smoothed range)
     * </pre>
     * (with seams at both ends, from the wider side).
     */
    private void measure(int a, int np, boolean seamA, boolean seamB, double sx, double sy) {
        if (np < config.minPoints()) {
            return;
        }
        double a0 = Math.atan2(py[a] - sy, px[a] - sx);
        double a1 = Math.atan2(py[a + np - 1] - sy, px[a + np - 1] - sx);
        double da = Math.IEEEremainder(a1 - a0, 2 * Math.PI);
        double mid = a0 + 0.5 * da;
        double near = Double.POSITIVE_INFINITY;
        double r;
        if (seamA || seamB) {
            double low = Double.POSITIVE_INFINITY;
            for (int i = a; i < a + np; i++) {
                low = Math.min(low, smooth[i]);
            }
            double sum = 0;
            int count = 0;
            for (int i = a; i < a + np; i++) {
                if (smooth[i] <= low + BOTTOM) {
                    sum += Math.IEEEremainder(Math.atan2(py[i] - sy, px[i] - sx) - a0, 2 * Math.PI);
                    count++;
                }
            }
            mid = a0 + sum / count;
            double toA = Math.abs(Math.IEEEremainder(a0 - mid, 2 * Math.PI));
            double toB = Math.abs(Math.IEEEremainder(a1 - mid, 2 * Math.PI));
            double alpha = seamA == seamB ? Math.max(toA, toB) : (seamA ? toB : toA);
            double sin = Math.min(0.95, Math.sin(Math.min(alpha, 0.5 * Math.PI)));
            near = low;
            r = Math.max(config.minRadius(), low * sin / (1 - sin));
            if (r > config.maxRadius()) {
                return;
            }
        } else {
            double ux = Math.cos(mid);
            double uy = Math.sin(mid);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = a; i < a + np; i++) {
                double ex = px[i] - sx;
                double ey = py[i] - sy;
                near = Math.min(near, ex * ux + ey * uy);
                double across = -ex * uy + ey * ux;
                lo = Math.min(lo, across);
                hi = Math.max(hi, across);
            }
            double half = 0.5 * (hi - lo);
            if (half > config.maxRadius()) {
                return; // too wide for a disc
            }
            r = Math.max(config.minRadius(), half);
        }
        if (nc == clx.length) {
            int cap = 2 * nc;
            clx = Arrays.copyOf(clx, cap);
            cly = Arrays.copyOf(cly, cap);
            clr = Arrays.copyOf(clr, cap);
            clUsed = Arrays.copyOf(clUsed, cap);
        }
        clx[nc] = sx + (near + r) * Math.cos(mid);
        cly[nc] = sy + (near + r) * Math.sin(mid);
        clr[nc] = r;
        clUsed[nc] = false;
        nc++;
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
                    double dx = clx[j] - tx[i];
                    double dy = cly[j] - ty[i];
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
            correct(bi, clx[bj], cly[bj]);
            farthest[bi] = Math.max(farthest[bi], Math.hypot(tx[bi] - bx[bi], ty[bi] - by[bi]));
            tr[bi] = 0.7 * tr[bi] + 0.3 * clr[bj];
            hits[bi]++;
            lastSeen[bi] = time;
        }
    }

    /** Constant-velocity prediction over dt on both axes (see class comment). */
    private void predict(int i, double dt) {
        if (dt == 0) {
            return;
        }
        double q = config.accelNoise();
        double q11 = q * dt * dt * dt / 3;
        double q12 = q * dt * dt / 2;
        double q22 = q * dt;
        tx[i] += tvx[i] * dt;
        ty[i] += tvy[i] * dt;
        // P ← F P Fᵀ + Q with F = [1 dt; 0 1]
        double pp = txx[i] + 2 * dt * txv[i] + dt * dt * tvv[i] + q11;
        double pv = txv[i] + dt * tvv[i] + q12;
        txx[i] = pp;
        txv[i] = pv;
        tvv[i] += q22;
        pp = tyy[i] + 2 * dt * tyv[i] + dt * dt * twv[i] + q11;
        pv = tyv[i] + dt * twv[i] + q12;
        tyy[i] = pp;
        tyv[i] = pv;
        twv[i] += q22;
    }

    /** Kalman update of both axes with a measured centre (zx, zy). */
    private void correct(int i, double zx, double zy) {
        double rr = config.measurementStd() * config.measurementStd();
        // x axis
        double s = txx[i] + rr;
        double k1 = txx[i] / s;
        double k2 = txv[i] / s;
        double e = zx - tx[i];
        tx[i] += k1 * e;
        tvx[i] += k2 * e;
        double pp = (1 - k1) * txx[i];
        double pv = (1 - k1) * txv[i];
        tvv[i] -= k2 * txv[i];
        txx[i] = pp;
        txv[i] = pv;
        // y axis
        s = tyy[i] + rr;
        k1 = tyy[i] / s;
        k2 = tyv[i] / s;
        e = zy - ty[i];
        ty[i] += k1 * e;
        tvy[i] += k2 * e;
        pp = (1 - k1) * tyy[i];
        pv = (1 - k1) * tyv[i];
        twv[i] -= k2 * tyv[i];
        tyy[i] = pp;
        tyv[i] = pv;
    }

    /** A new track at cluster j, at rest with a wide velocity prior (2 m/s σ). */
    private void birth(int j, double t) {
        if (nt == tx.length) {
            grow(2 * nt);
        }
        int i = nt++;
        double rr = config.measurementStd() * config.measurementStd();
        tx[i] = clx[j];
        ty[i] = cly[j];
        tvx[i] = 0;
        tvy[i] = 0;
        txx[i] = rr;
        tyy[i] = rr;
        txv[i] = 0;
        tyv[i] = 0;
        tvv[i] = VELOCITY_PRIOR * VELOCITY_PRIOR;
        twv[i] = VELOCITY_PRIOR * VELOCITY_PRIOR;
        tr[i] = clr[j];
        hits[i] = 1;
        lastSeen[i] = t;
        ids[i] = born;
        bx[i] = clx[j];
        by[i] = cly[j];
        bt[i] = t;
        farthest[i] = 0;
        born++;
    }

    private void move(int from, int to) {
        if (from == to) {
            return;
        }
        tx[to] = tx[from];
        ty[to] = ty[from];
        tvx[to] = tvx[from];
        tvy[to] = tvy[from];
        txx[to] = txx[from];
        txv[to] = txv[from];
        tvv[to] = tvv[from];
        tyy[to] = tyy[from];
        tyv[to] = tyv[from];
        twv[to] = twv[from];
        tr[to] = tr[from];
        hits[to] = hits[from];
        lastSeen[to] = lastSeen[from];
        ids[to] = ids[from];
        bx[to] = bx[from];
        by[to] = by[from];
        bt[to] = bt[from];
        farthest[to] = farthest[from];
    }

    private void grow(int cap) {
        tx = Arrays.copyOf(tx, cap);
        ty = Arrays.copyOf(ty, cap);
        tvx = Arrays.copyOf(tvx, cap);
        tvy = Arrays.copyOf(tvy, cap);
        txx = Arrays.copyOf(txx, cap);
        txv = Arrays.copyOf(txv, cap);
        tvv = Arrays.copyOf(tvv, cap);
        tyy = Arrays.copyOf(tyy, cap);
        tyv = Arrays.copyOf(tyv, cap);
        twv = Arrays.copyOf(twv, cap);
        tr = Arrays.copyOf(tr, cap);
        hits = Arrays.copyOf(hits, cap);
        lastSeen = Arrays.copyOf(lastSeen, cap);
        trUsed = Arrays.copyOf(trUsed, cap);
        ids = Arrays.copyOf(ids, cap);
        bx = Arrays.copyOf(bx, cap);
        by = Arrays.copyOf(by, cap);
        bt = Arrays.copyOf(bt, cap);
        farthest = Arrays.copyOf(farthest, cap);
    }
}
