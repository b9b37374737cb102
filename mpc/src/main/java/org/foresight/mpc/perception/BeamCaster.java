package org.foresight.mpc.perception;

import java.util.Arrays;
import org.foresight.dynamics.world.LidarConfig;

/**
 * Casts the beams of a lidar scan through a {@link LogOddsGrid}: which cells each beam passes through (free
 * evidence) and which cell it ends in (the hit), each cell updated at most once per scan.
 *
 * <h2>Inverse sensor model</h2>
 * The sensor sits at p = (px, py) [m] with heading θ; beam i points along d_i = (cos(θ + α_i), sin(θ + α_i)),
 * α_i = −FOV/2 + i·FOV/(N − 1) [rad], and returns range r_i [m]:
 * <pre>
 *   cells p + t·d_i passes through, 0 ≤ t &lt; r_i     L ← clamp(L + logOddsMiss)   (free evidence)
 *   the cell of p + (r_i + nudge)·d_i, r_i &lt; max     L ← clamp(L + logOddsHit)    (the hit)
 *   the end cell, r_i ≥ max (max-range return)       L ← clamp(L + logOddsMiss)   (free to the range, no hit)
 *   r_i &lt; minRange or NaN                           beam dropped
 * </pre>
 * <b>Per-scan dedup, hit beats miss:</b> each cell carries the stamp of the last scan that updated it; the hit cells
 * are stamped first, so a miss of another beam of the same scan cannot free them, and every other cell gets at
 * most one miss however many beams cross it (the cells next to the sensor). The result does not depend on beam
 * order. The parts of a beam outside the map rectangle are ignored (a hit outside marks nothing).
 * Reference: J. Amanatides, A. Woo, "A Fast Voxel Traversal Algorithm for Ray Tracing", Eurographics 1987.
 *
 * <p>No allocation per scan once the beam table of a lidar layout is built (the first scan, or a different
 * {@link LidarConfig}). Not thread-safe.
 */
final class BeamCaster {
    /**
     * A return's end point lies on the obstacle's surface, often exactly on a cell edge; it is nudged this far along
     * the beam [m] so it lands in the obstacle's cell, not in the free cell in front of it.
     */
    private static final double HIT_NUDGE = 1e-6;

    private final LogOddsGrid grid;
    private final int sx;
    private final int sy;
    private final double res;
    private final double ox;
    private final double oy;
    private final double invRes;
    private final double minRange;
    private final float hit;
    private final float miss;

    /** Per cell, the last scan that updated it; {@code scan} counts scans (0 = none yet). */
    private final int[] stamp;
    private int scan;

    // Beam table, rebuilt only when the lidar layout changes.
    private LidarConfig beamsFor;
    private double[] cosA = new double[0];
    private double[] sinA = new double[0];
    private int[] hitCells = new int[0];

    /**
     * @param config geometry, minimum range [m] and hit/miss log-odds; must be the one {@code grid} was built with.
     * @param grid   the grid the beams update; kept.
     */
    BeamCaster(LidarMapConfig config, LogOddsGrid grid) {
        this.grid = grid;
        this.sx = config.sizeX();
        this.sy = config.sizeY();
        this.res = config.resolution();
        this.ox = config.originX();
        this.oy = config.originY();
        this.invRes = 1.0 / res;
        this.minRange = config.minRange();
        this.hit = (float) config.logOddsHit();
        this.miss = (float) config.logOddsMiss();
        this.stamp = new int[sx * sy];
    }

    /**
     * Casts one scan into the grid (between the grid's {@link LogOddsGrid#beginScan()} and
     * {@link LogOddsGrid#endScan()}). No allocation, except building the beam table on the first scan of a layout.
     *
     * @param ranges ranges [m], length ≥ lidar.beams(). Not modified.
     * @param lidar  the beam layout the ranges were taken with.
     * @param px     sensor x [m].
     * @param py     sensor y [m].
     * @param c      cos θ of the sensor heading θ.
     * @param s      sin θ of the sensor heading θ.
     */
    void cast(double[] ranges, LidarConfig lidar, double px, double py, double c, double s) {
        cast(ranges, null, lidar, px, py, c, s);
    }

    /**
     * As {@link #cast(double[], LidarConfig, double, double, double, double)}, with beams that free the cells they
     * pass through and their end cell but mark no hit: a return held out of the map (a moving obstacle's).
     *
     * @param noHit per beam, whether its return is held out (free evidence to its range, no hit); null: none.
     *              Not modified.
     */
    void cast(double[] ranges, boolean[] noHit, LidarConfig lidar, double px, double py, double c, double s) {
        if (lidar != beamsFor && !lidar.equals(beamsFor)) {
            buildBeams(lidar);
        }
        scan++;
        if (scan == 0) { // wrapped after 2³² scans: clear the stamps so no cell looks already updated
            Arrays.fill(stamp, 0);
            scan = 1;
        }
        castBeams(ranges, noHit, lidar.beams(), lidar.maxRange(), px, py, c, s);
    }

    /**
     * Free evidence for the cells whose centres lie within radius r [m] of (x, y) [m] and that no beam of this
     * scan updated: the cells a moving obstacle stands on, so that returns integrated before it was tracked leave
     * no ghost. Call after {@link #cast} within the same scan. No allocation.
     */
    void clearDisc(double x, double y, double r) {
        if (!(r > 0)) {
            return;
        }
        final int cur = scan;
        int ix0 = Math.max(0, (int) Math.floor((x - r - ox) * invRes));
        int ix1 = Math.min(sx - 1, (int) Math.floor((x + r - ox) * invRes));
        int iy0 = Math.max(0, (int) Math.floor((y - r - oy) * invRes));
        int iy1 = Math.min(sy - 1, (int) Math.floor((y + r - oy) * invRes));
        double r2 = r * r;
        for (int ix = ix0; ix <= ix1; ix++) {
            double ex = ox + (ix + 0.5) * res - x;
            for (int iy = iy0; iy <= iy1; iy++) {
                double ey = oy + (iy + 0.5) * res - y;
                int cell = ix * sy + iy;
                if (ex * ex + ey * ey <= r2 && stamp[cell] != cur) {
                    stamp[cell] = cur;
                    grid.apply(cell, miss);
                }
            }
        }
    }

    /** (cos α_i, sin α_i) of every beam, α_i = −FOV/2 + i·FOV/(N − 1) (0 for a single beam). Allocates. */
    private void buildBeams(LidarConfig lidar) {
        int n = lidar.beams();
        cosA = new double[n];
        sinA = new double[n];
        hitCells = new int[n];
        for (int i = 0; i < n; i++) {
            double a = n == 1 ? 0.0 : -0.5 * lidar.fieldOfView() + i * lidar.fieldOfView() / (n - 1);
            cosA[i] = Math.cos(a);
            sinA[i] = Math.sin(a);
        }
        beamsFor = lidar;
    }

    /**
     * Beam direction d = R(θ)·(cos α_i, sin α_i) = (c·cos α_i − s·sin α_i, s·cos α_i + c·sin α_i); the hit cell
     * holds p + (r + nudge)·d.
     * Pass 1 stamps the hit cells (so no beam of this scan frees them), pass 2 traverses every beam and applies
     * one miss to each not-yet-stamped cell, pass 3 applies the hits.
     */
    private void castBeams(double[] ranges, boolean[] noHit, int beams, double maxRange, double px, double py, double c,
                           double s) {
        final int cur = scan;
        int hits = 0;
        for (int i = 0; i < beams; i++) {
            double r = ranges[i];
            if (!(r >= minRange) || !(r < maxRange) || (noHit != null && noHit[i])) {
                continue;
            }
            double dx = c * cosA[i] - s * sinA[i];
            double dy = s * cosA[i] + c * sinA[i];
            double t = r + HIT_NUDGE;
            int ix = (int) Math.floor((px + t * dx - ox) * invRes);
            int iy = (int) Math.floor((py + t * dy - oy) * invRes);
            if (ix < 0 || iy < 0 || ix >= sx || iy >= sy) {
                continue;
            }
            int cell = ix * sy + iy;
            if (stamp[cell] != cur) {
                stamp[cell] = cur;
                hitCells[hits++] = cell;
            }
        }
        for (int i = 0; i < beams; i++) {
            double r = ranges[i];
            if (!(r >= minRange)) {
                continue;
            }
            boolean isHit = r < maxRange && (noHit == null || !noHit[i]);
            if (r >= maxRange) {
                r = maxRange;
            }
            double dx = c * cosA[i] - s * sinA[i];
            double dy = s * cosA[i] + c * sinA[i];
            traverse(px, py, dx, dy, r, isHit, cur);
        }
        for (int h = 0; h < hits; h++) {
            int cell = hitCells[h];
            grid.apply(cell, hit);
        }
    }

    /**
     * Frees the cells along p + t·d, t ∈ [0, r], clipped to the map rectangle (slab method:
     * t ∈ [max over axes of min(t_a, t_b), min over axes of max(t_a, t_b)], t_a = (x0 − p)/d, t_b = (x1 − p)/d);
     * the end cell too unless the beam hit there (pass 1 stamped it). The walk is forced to end in the end cell:
     * each step moves one cell towards it along x or y, chosen by the Amanatides–Woo boundary distances
     * tMax (t of the next cell edge crossed on that axis), advanced by tDelta = res/|d| per step.
     */
    private void traverse(double px, double py, double dx, double dy, double r, boolean isHit, int cur) {
        double x1 = ox + sx * res;
        double y1 = oy + sy * res;
        double tEnter = 0.0;
        double tExit = r;
        if (dx != 0.0) {
            double ta = (ox - px) / dx;
            double tb = (x1 - px) / dx;
            tEnter = Math.max(tEnter, Math.min(ta, tb));
            tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (px < ox || px >= x1) {
            return;
        }
        if (dy != 0.0) {
            double ta = (oy - py) / dy;
            double tb = (y1 - py) / dy;
            tEnter = Math.max(tEnter, Math.min(ta, tb));
            tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (py < oy || py >= y1) {
            return;
        }
        if (tEnter > tExit) {
            return;
        }
        int ix = clampX((int) Math.floor((px + tEnter * dx - ox) * invRes));
        int iy = clampY((int) Math.floor((py + tEnter * dy - oy) * invRes));
        // The end cell: the cell of the end point when it lies in the map, else the cell where the beam leaves it.
        double tEnd = isHit ? r + HIT_NUDGE : r; // as pass 1 computed the hit cell
        int ex = (int) Math.floor((px + tEnd * dx - ox) * invRes);
        int ey = (int) Math.floor((py + tEnd * dy - oy) * invRes);
        boolean endInside = ex >= 0 && ey >= 0 && ex < sx && ey < sy;
        if (!endInside) {
            ex = clampX((int) Math.floor((px + tExit * dx - ox) * invRes));
            ey = clampY((int) Math.floor((py + tExit * dy - oy) * invRes));
        }
        int stepX = ex > ix ? 1 : -1;
        int stepY = ey > iy ? 1 : -1;
        double tMaxX = dx != 0.0 ? (ox + (ix + (dx > 0 ? 1 : 0)) * res - px) / dx : Double.POSITIVE_INFINITY;
        double tMaxY = dy != 0.0 ? (oy + (iy + (dy > 0 ? 1 : 0)) * res - py) / dy : Double.POSITIVE_INFINITY;
        double tDeltaX = dx != 0.0 ? res / Math.abs(dx) : Double.POSITIVE_INFINITY;
        double tDeltaY = dy != 0.0 ? res / Math.abs(dy) : Double.POSITIVE_INFINITY;
        final int[] st = stamp;
        final float m = miss;
        int cell = ix * sy + iy;
        int cellStepX = stepX * sy;
        while (ix != ex || iy != ey) {
            if (st[cell] != cur) {
                st[cell] = cur;
                grid.apply(cell, m);
            }
            boolean moveX = iy == ey || (ix != ex && tMaxX < tMaxY);
            if (moveX) {
                ix += stepX;
                cell += cellStepX;
                tMaxX += tDeltaX;
            } else {
                iy += stepY;
                cell += stepY;
                tMaxY += tDeltaY;
            }
        }
        if (st[cell] != cur && !(isHit && endInside)) {
            st[cell] = cur;
            grid.apply(cell, m);
        }
    }

    private int clampX(int ix) {
        return ix < 0 ? 0 : (ix >= sx ? sx - 1 : ix);
    }

    private int clampY(int iy) {
        return iy < 0 ? 0 : (iy >= sy ? sy - 1 : iy);
    }
}
