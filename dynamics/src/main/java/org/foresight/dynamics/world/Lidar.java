package org.foresight.dynamics.world;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Simulated 2D lidar by ray casting: Amanatides–Woo grid traversal against occupied squares, then exact
 * ray–disc intersection against moving obstacles; the range is the nearest hit, or maxRange when nothing is hit
 * within it.
 *
 * <pre>
 * beam i direction  α_i = −FOV/2 + i·FOV/(N − 1)   relative to the heading (α = 0 when N = 1)
 * grid hit          t at which the ray enters the first occupied cell (0 when it starts inside one)
 * disc hit          smallest t ≥ 0 with ‖p + t·d − c‖ = r  (0 when p is inside the disc)
 * </pre>
 *
 * Reference: J. Amanatides, A. Woo, "A Fast Voxel Traversal Algorithm for Ray Tracing", Eurographics 1987.
 *
 * <p>Immutable; {@code scan} allocates nothing and is thread-safe.
 */
public final class Lidar {
    private final LidarConfig config;
    private final double[] cosA;
    private final double[] sinA;
    private final double[] angle;

    /** @param config beam layout, range and noise. */
    public Lidar(LidarConfig config) {
        this.config = config;
        int n = config.beams();
        cosA = new double[n];
        sinA = new double[n];
        angle = new double[n];
        for (int i = 0; i < n; i++) {
            double a = n == 1 ? 0.0 : -0.5 * config.fieldOfView() + i * config.fieldOfView() / (n - 1);
            angle[i] = a;
            cosA[i] = Math.cos(a);
            sinA[i] = Math.sin(a);
        }
    }

    /** @return the configuration. */
    public LidarConfig config() {
        return config;
    }

    /**
     * @param beam beam index in [0, beams).
     * @return the beam's angle relative to the heading [rad], counter-clockwise.
     */
    public double beamAngle(int beam) {
        return angle[beam];
    }

    /**
     * Noise-free scan.
     *
     * @param grid      static obstacles. Not modified.
     * @param obstacles moving discs at their current positions. Not modified.
     * @param x         sensor x [m].
     * @param y         sensor y [m].
     * @param theta     sensor heading [rad].
     * @param rangesOut (Output) length ≥ beams: range of each beam [m], in [0, maxRange]. Modified.
     */
    public void scan(OccupancyGrid grid, List<? extends MovingDisc> obstacles, double x, double y, double theta,
                     double[] rangesOut) {
        checkOut(rangesOut);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        for (int i = 0; i < cosA.length; i++) {
            double dx = c * cosA[i] - s * sinA[i];
            double dy = s * cosA[i] + c * sinA[i];
            rangesOut[i] = castRay(grid, obstacles, x, y, dx, dy, config.maxRange());
        }
    }

    /**
     * Scan with additive Gaussian noise N(0, noiseStd²) on every beam that hit something, clamped to
     * [0, maxRange]; beams that hit nothing still read maxRange.
     *
     * @param grid      static obstacles. Not modified.
     * @param obstacles moving discs at their current positions. Not modified.
     * @param x         sensor x [m].
     * @param y         sensor y [m].
     * @param theta     sensor heading [rad].
     * @param rangesOut (Output) length ≥ beams: range of each beam [m]. Modified.
     * @param rng       noise source (advanced by one Gaussian per hit beam). Modified.
     */
    public void scan(OccupancyGrid grid, List<? extends MovingDisc> obstacles, double x, double y, double theta,
                     double[] rangesOut, RandomGenerator rng) {
        scan(grid, obstacles, x, y, theta, rangesOut);
        double sd = config.noiseStd();
        if (sd == 0.0) {
            return;
        }
        double max = config.maxRange();
        for (int i = 0; i < cosA.length; i++) {
            if (rangesOut[i] < max) {
                rangesOut[i] = Math.min(max, Math.max(0.0, rangesOut[i] + sd * rng.nextGaussian()));
            }
        }
    }

    private void checkOut(double[] rangesOut) {
        if (rangesOut.length < cosA.length) {
            throw new IllegalArgumentException("rangesOut length " + rangesOut.length + " < beams " + cosA.length);
        }
    }

    /**
     * Distance along the unit direction (dx, dy) from (ox, oy) to the nearest obstacle, or maxRange.
     *
     * @return range [m] in [0, maxRange].
     */
    static double castRay(OccupancyGrid grid, List<? extends MovingDisc> obstacles, double ox, double oy, double dx,
                          double dy, double maxRange) {
        double best = Math.min(maxRange, castGrid(grid, ox, oy, dx, dy, maxRange));
        for (int k = 0, n = obstacles.size(); k < n; k++) {
            MovingDisc o = obstacles.get(k);
            // |f + t d|² = r², f = p − c:  t² + 2(f·d)t + (f·f − r²) = 0
            double fx = ox - o.x();
            double fy = oy - o.y();
            double b = fx * dx + fy * dy;
            double cc = fx * fx + fy * fy - o.radius() * o.radius();
            if (cc <= 0.0) {
                return 0.0; // inside the disc
            }
            double disc = b * b - cc;
            if (disc < 0.0 || b >= 0.0) {
                continue; // misses, or the disc is behind
            }
            double t = -b - Math.sqrt(disc);
            if (t < best) {
                best = t;
            }
        }
        return best;
    }

    /** Amanatides–Woo traversal; returns the entry distance of the first occupied cell, or +∞. */
    private static double castGrid(OccupancyGrid grid, double ox, double oy, double dx, double dy, double maxRange) {
        double res = grid.resolution();
        double x0 = grid.originX();
        double y0 = grid.originY();
        double x1 = x0 + grid.sizeX() * res;
        double y1 = y0 + grid.sizeY() * res;
        // Clip the ray [0, maxRange] to the grid rectangle (slab method); outside the grid is free.
        double tEnter = 0.0;
        double tExit = maxRange;
        if (dx != 0.0) {
            double ta = (x0 - ox) / dx;
            double tb = (x1 - ox) / dx;
            tEnter = Math.max(tEnter, Math.min(ta, tb));
            tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (ox < x0 || ox >= x1) {
            return Double.POSITIVE_INFINITY;
        }
        if (dy != 0.0) {
            double ta = (y0 - oy) / dy;
            double tb = (y1 - oy) / dy;
            tEnter = Math.max(tEnter, Math.min(ta, tb));
            tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (oy < y0 || oy >= y1) {
            return Double.POSITIVE_INFINITY;
        }
        if (tEnter > tExit) {
            return Double.POSITIVE_INFINITY;
        }
        double px = ox + tEnter * dx;
        double py = oy + tEnter * dy;
        int ix = Math.min(Math.max(grid.cellX(px), 0), grid.sizeX() - 1);
        int iy = Math.min(Math.max(grid.cellY(py), 0), grid.sizeY() - 1);
        int stepX = dx > 0 ? 1 : -1;
        int stepY = dy > 0 ? 1 : -1;
        double tMaxX = dx != 0.0 ? (x0 + (ix + (dx > 0 ? 1 : 0)) * res - ox) / dx : Double.POSITIVE_INFINITY;
        double tMaxY = dy != 0.0 ? (y0 + (iy + (dy > 0 ? 1 : 0)) * res - oy) / dy : Double.POSITIVE_INFINITY;
        double tDeltaX = dx != 0.0 ? res / Math.abs(dx) : Double.POSITIVE_INFINITY;
        double tDeltaY = dy != 0.0 ? res / Math.abs(dy) : Double.POSITIVE_INFINITY;
        double t = tEnter;
        int nx = grid.sizeX();
        int ny = grid.sizeY();
        while (t <= tExit) {
            if (grid.isOccupied(ix, iy)) {
                return t;
            }
            if (tMaxX < tMaxY) {
                t = tMaxX;
                tMaxX += tDeltaX;
                ix += stepX;
                if (ix < 0 || ix >= nx) {
                    break;
                }
            } else {
                t = tMaxY;
                tMaxY += tDeltaY;
                iy += stepY;
                if (iy < 0 || iy >= ny) {
                    break;
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
