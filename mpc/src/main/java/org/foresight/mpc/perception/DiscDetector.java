package org.foresight.mpc.perception;

import java.util.Arrays;
import org.foresight.dynamics.world.Lidar;

/**
 * The measurement half of {@link DiscTracker}: turns one scan into disc measurements (centre, radius) from the returns
 * the static map does not explain. Returns are cut into clusters by the gap between neighbouring end points, a
 * cluster is split where two outlines meet, and each piece is measured as a disc (see {@link #detect}): its centre
 * and radius are the circle that best fits its returns, started from its bearings and width; a piece cut short by
 * something in front of it is measured only when it spans a wide enough arc.
 * Not thread-safe; grow-only buffers, so steady-state scans allocate nothing.
 */
final class DiscDetector {
    /** Half-width of the moving mean that smooths a cluster's ranges before it is split [beams]. */
    private static final int SMOOTH_HALF = 2;
    /** Gauss-Newton steps of the circle fit. */
    private static final int FIT_STEPS = 6;
    /** Ridge added to the circle fit's normal equations. */
    private static final double RIDGE = 1e-6;
    /** Least arc a piece cut short must span about its fitted centre to be measured [rad]. */
    static final double CUT_ARC = 1.0;
    /** Least points of a piece cut short to be measured. */
    private static final int CUT_POINTS = 6;
    /** Depth of a split piece's bottom, the points whose bearings give its centre's [m]. */
    private static final double BOTTOM = 0.01;

    private final TrackerConfig config;
    private final Lidar lidar;
    // the discs of the last scan
    private int nc;
    private double[] clx = new double[16];
    private double[] cly = new double[16];
    private double[] clr = new double[16];
    // the last circle fit: centre [m], radius [m]
    private double fitX;
    private double fitY;
    private double fitR;
    // scratch for the points of one cluster
    private double[] px = new double[64];
    private double[] py = new double[64];
    // scratch for splitting a cluster: running range minima from the left and from the right [m]
    private double[] lowLeft = new double[64];
    private double[] lowRight = new double[64];
    private double[] smooth = new double[64];

    DiscDetector(TrackerConfig config, Lidar lidar) {
        this.config = config;
        this.lidar = lidar;
    }

    /** @param j disc of the last scan. @return its centre x [m]. */
    double x(int j) {
        return clx[j];
    }

    /** @param j disc of the last scan. @return its centre y [m]. */
    double y(int j) {
        return cly[j];
    }

    /** @param j disc of the last scan. @return its radius [m]. */
    double r(int j) {
        return clr[j];
    }

    /**
     * Cuts the returns the static map does not explain into clusters, splits each where two outlines meet
     * ({@link #segment}) and measures each piece as a disc. A piece cut short (its outer beam's neighbour is nearer:
     * something in front of it hides part of the disc; or it touches the edge of the field of view) has a bearing and
     * width that would place the centre wrongly: it is measured by its arc alone ({@link #measureCut}), or not at
     * all, and then its track coasts.
     *
     * @param ranges ranges [m], one per beam. Not modified.
     * @param sx     sensor x [m].
     * @param sy     sensor y [m].
     * @param st     sensor heading [rad].
     * @param map    which returns the static map accounts for. Not modified.
     * @return the number of discs measured, readable by {@link #x}, {@link #y}, {@link #r} until the next call.
     */
    int detect(double[] ranges, double sx, double sy, double st, ReturnExplainer map) {
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
                keep = !map.explains(x, y);
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
        return nc;
    }

    /**
     * Cuts the cluster of points a … b (point i is beam first + i) where two convex outlines meet, then measures each
     * piece ({@link #measure}, or {@link #measureCut} when it is cut short). Seen from outside, one disc's ranges
     * fall to a single minimum and rise again; two discs side by side (touching, overlapping, or one partly behind
     * the other within the cluster gap) show a range maximum between two minima. The piece splits at the interior
     * point of greatest prominence
     * <pre>
     *   prom(m) = min(ρ_m − min_{a ≤ i ≤ m} ρ_i,  ρ_m − min_{m ≤ i ≤ b} ρ_i)     (ρ the smoothed ranges)
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
        } else {
            measureCut(a, b - a + 1, sx, sy, near);
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
     * (with seams at both ends, from the wider side). That estimate starts the circle fit ({@link #fit}), whose centre
     * and radius are stored when it converges inside [minRadius, maxRadius]; otherwise the estimate itself.
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
        double cx = sx + (near + r) * Math.cos(mid);
        double cy = sy + (near + r) * Math.sin(mid);
        if (fit(a, np, cx, cy, r)) {
            cx = fitX;
            cy = fitY;
            r = fitR;
        }
        store(cx, cy, r);
    }

    private void store(double cx, double cy, double r) {
        if (nc == clx.length) {
            int cap = 2 * nc;
            clx = Arrays.copyOf(clx, cap);
            cly = Arrays.copyOf(cly, cap);
            clr = Arrays.copyOf(clr, cap);
        }
        clx[nc] = cx;
        cly[nc] = cy;
        clr[nc] = r;
        nc++;
    }

    /**
     * A piece cut short (something in front hides part of the disc, or the edge of the field of view cuts it):
     * its bearings and width say nothing of its centre, but its outline is still an arc of the disc. Measured when a
     * circle fits its points ({@link #fit}, started from a disc as wide as the piece's chord) with a radius in
     * [minRadius, maxRadius] and the piece spans an arc of at least {@value #CUT_ARC} rad about the fitted centre
     * (a shorter arc pins the radius, and with it the centre, too loosely); otherwise its track coasts.
     */
    private void measureCut(int a, int np, double sx, double sy, double near) {
        if (np < Math.max(CUT_POINTS, config.minPoints())) {
            return;
        }
        int b = a + np - 1;
        double a0 = Math.atan2(py[a] - sy, px[a] - sx);
        double a1 = Math.atan2(py[b] - sy, px[b] - sx);
        double mid = a0 + 0.5 * Math.IEEEremainder(a1 - a0, 2 * Math.PI);
        double r0 = 0.5 * Math.hypot(px[b] - px[a], py[b] - py[a]);
        r0 = Math.min(config.maxRadius(), Math.max(config.minRadius(), r0));
        if (!fit(a, np, sx + (near + r0) * Math.cos(mid), sy + (near + r0) * Math.sin(mid), r0)) {
            return;
        }
        double arc = Math.abs(Math.IEEEremainder(Math.atan2(py[b] - fitY, px[b] - fitX)
                - Math.atan2(py[a] - fitY, px[a] - fitX), 2 * Math.PI));
        if (arc >= CUT_ARC) {
            store(fitX, fitY, fitR);
        }
    }

    /**
     * The circle nearest the np points from index a in the least-squares sense, by Gauss-Newton from (cx, cy, r):
     * <pre>
     *   min over (c, r) of Σₖ (|pₖ − c| − r)²,   residual eₖ = |pₖ − c| − r,
     *   ∂eₖ/∂c = −(pₖ − c)/|pₖ − c|,  ∂eₖ/∂r = −1
     *   (JᵀJ) δ = Jᵀe,  (c, r) ← (c, r) − δ          ({@value #FIT_STEPS} steps)
     * </pre>
     * The Hokuyo's 1 cm range noise puts a 0.5 m disc's fitted centre within about a centimetre from any side,
     * where the bearing-and-width estimate of {@link #measure} is biased towards the sensor by the width the
     * outermost beams miss (2–8 cm on DynaBARN's discs).
     *
     * @return whether it converged to a radius in [minRadius, maxRadius]; then {@link #fitX}, {@link #fitY},
     *         {@link #fitR} hold it.
     */
    private boolean fit(int a, int np, double cx, double cy, double r) {
        for (int it = 0; it < FIT_STEPS; it++) {
            double h00 = 0, h01 = 0, h02 = 0, h11 = 0, h12 = 0, h22 = 0, g0 = 0, g1 = 0, g2 = 0;
            for (int i = a; i < a + np; i++) {
                double dx = px[i] - cx;
                double dy = py[i] - cy;
                double d = Math.hypot(dx, dy);
                if (d < 1e-9) {
                    return false;
                }
                double jx = -dx / d;
                double jy = -dy / d;
                double e = d - r;
                h00 += jx * jx;
                h01 += jx * jy;
                h02 -= jx;
                h11 += jy * jy;
                h12 -= jy;
                h22 += 1;
                g0 += jx * e;
                g1 += jy * e;
                g2 -= e;
            }
            // a tiny ridge keeps a degenerate piece (collinear points) solvable; it moves no real fit
            h00 += RIDGE;
            h11 += RIDGE;
            h22 += RIDGE;
            // Cramer's rule on the symmetric 3×3 normal equations, with the first row's cofactors shared
            double c00 = h11 * h22 - h12 * h12;
            double c01 = h01 * h22 - h12 * h02;
            double c02 = h01 * h12 - h11 * h02;
            double det = h00 * c00 - h01 * c01 + h02 * c02;
            if (!(Math.abs(det) > 1e-12)) {
                return false;
            }
            double d0 = (g0 * c00 - h01 * (g1 * h22 - h12 * g2) + h02 * (g1 * h12 - h11 * g2)) / det;
            double d1 = (h00 * (g1 * h22 - h12 * g2) - g0 * c01 + h02 * (h01 * g2 - g1 * h02)) / det;
            double d2 = (h00 * (h11 * g2 - g1 * h12) - h01 * (h01 * g2 - g1 * h02) + g0 * c02) / det;
            cx -= d0;
            cy -= d1;
            r -= d2;
            if (!Double.isFinite(r)) {
                return false;
            }
        }
        if (r < config.minRadius() || r > config.maxRadius()) {
            return false;
        }
        fitX = cx;
        fitY = cy;
        fitR = r;
        return true;
    }
}
