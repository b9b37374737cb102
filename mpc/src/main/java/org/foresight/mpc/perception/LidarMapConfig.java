package org.foresight.mpc.perception;

import org.foresight.dynamics.world.OccupancyGrid;

/**
 * Settings of a {@link LidarMap}: the grid's geometry, where the lidar sits on the robot, the log-odds sensor
 * model and how far the signed distance field reaches. Log-odds L = ln(p / (1 − p)); L = 0 is p = ½.
 *
 * @param resolution        cell edge [m], finite and &gt; 0 (the issue asks for no coarser than 0.05 m).
 * @param originX           world x of the grid's lower-left corner [m], finite.
 * @param originY           world y of the grid's lower-left corner [m], finite.
 * @param width             extent along x [m], finite; the grid has ⌈width/resolution⌉ ≥ 2 cells along x.
 * @param height            extent along y [m], finite; ⌈height/resolution⌉ ≥ 2 cells along y.
 * @param sensorOffset      where the lidar sits along the robot's heading, from the robot's origin [m], finite
 *                          (the Jackal's Hokuyo: −0.065, i.e. 0.065 m behind the centre).
 * @param minRange          shortest valid return [m], ≥ 0; shorter (and NaN, negative) returns are dropped.
 * @param logOddsHit        added to the cell a beam ends in [log-odds], finite and &gt; 0.
 * @param logOddsMiss       added to each cell a beam passes through [log-odds], finite and &lt; 0.
 * @param logOddsMin        lower clamp [log-odds], finite and &lt; occupiedThreshold.
 * @param logOddsMax        upper clamp [log-odds], finite and &gt; occupiedThreshold.
 * @param occupiedThreshold an observed cell is occupied when its log-odds exceed this [log-odds], finite.
 * @param sdfReach          the distance field is exact up to this distance and capped at ±sdfReach beyond [m],
 *                          finite, ≥ resolution. It must exceed everything a critic looks at (the default
 *                          obstacle critic needs ≈ 0.7 m: √2·0.14 m circle offset + 0.26 m radius + 0.25 m margin).
 */
public record LidarMapConfig(double resolution, double originX, double originY, double width, double height,
                             double sensorOffset, double minRange, double logOddsHit, double logOddsMiss,
                             double logOddsMin, double logOddsMax, double occupiedThreshold, double sdfReach) {
    /** Largest grid accepted [cells]. */
    public static final long MAX_CELLS = 50_000_000L;
    /** Default cell edge [m]. */
    public static final double DEFAULT_RESOLUTION = 0.05;
    /** The Jackal's Hokuyo UST-10LX sits 0.065 m behind the robot's centre [m]. */
    public static final double JACKAL_SENSOR_OFFSET = -0.065;

    /**
     * The default: 0.05 m cells over the BARN grid's bounds (x ∈ [−7.5, 3.0], y ∈ [−1.5, 16.5], 210 × 360 cells),
     * the Hokuyo 0.065 m behind the centre, returns below 0.1 m dropped, OctoMap's sensor model (hit p = 0.7 →
     * +0.847, miss p = 0.4 → −0.405, clamp p ∈ [0.12, 0.97] → [−1.992, 3.476], occupied above p = ½) and a 1.5 m
     * distance reach.
     */
    public static final LidarMapConfig DEFAULT = new LidarMapConfig(DEFAULT_RESOLUTION, -7.5, -1.5, 10.5, 18.0,
            JACKAL_SENSOR_OFFSET, 0.1, logit(0.7), logit(0.4), logit(0.12), logit(0.97), 0.0, 1.5);

    /** Validates every field; the message names the field and its unit. */
    public LidarMapConfig {
        if (!(resolution > 0) || !Double.isFinite(resolution)) {
            throw new IllegalArgumentException("lidar map resolution [m] must be finite and > 0: " + resolution);
        }
        finite("originX", "m", originX);
        finite("originY", "m", originY);
        finite("width", "m", width);
        finite("height", "m", height);
        if (cells(width, resolution) < 2) {
            throw new IllegalArgumentException("lidar map width [m] must span at least 2 cells of " + resolution
                    + " m: " + width);
        }
        if (cells(height, resolution) < 2) {
            throw new IllegalArgumentException("lidar map height [m] must span at least 2 cells of " + resolution
                    + " m: " + height);
        }
        if (cells(width, resolution) * cells(height, resolution) > MAX_CELLS) {
            throw new IllegalArgumentException("lidar map width × height [m] is too large for resolution " + resolution
                    + " m: " + width + " × " + height + " exceeds " + MAX_CELLS + " cells");
        }
        finite("sensorOffset", "m", sensorOffset);
        if (!(minRange >= 0) || !Double.isFinite(minRange)) {
            throw new IllegalArgumentException("lidar map minRange [m] must be finite and ≥ 0: " + minRange);
        }
        if (!(logOddsHit > 0) || !Double.isFinite(logOddsHit)) {
            throw new IllegalArgumentException("lidar map logOddsHit [log-odds] must be finite and > 0: " + logOddsHit);
        }
        if (!(logOddsMiss < 0) || !Double.isFinite(logOddsMiss)) {
            throw new IllegalArgumentException("lidar map logOddsMiss [log-odds] must be finite and < 0: " + logOddsMiss);
        }
        finite("occupiedThreshold", "log-odds", occupiedThreshold);
        if (!(logOddsMin < occupiedThreshold) || !Double.isFinite(logOddsMin)) {
            throw new IllegalArgumentException("lidar map logOddsMin [log-odds] must be finite and < occupiedThreshold ("
                    + occupiedThreshold + "): " + logOddsMin);
        }
        if (!(logOddsMax > occupiedThreshold) || !Double.isFinite(logOddsMax)) {
            throw new IllegalArgumentException("lidar map logOddsMax [log-odds] must be finite and > occupiedThreshold ("
                    + occupiedThreshold + "): " + logOddsMax);
        }
        if (!(sdfReach >= resolution) || !Double.isFinite(sdfReach)) {
            throw new IllegalArgumentException("lidar map sdfReach [m] must be finite and ≥ resolution (" + resolution
                    + " m): " + sdfReach);
        }
    }

    /**
     * The default sensor model and reach over the bounds of a grid (e.g. a world's, so the map covers what the
     * world could hold), at the default 0.05 m.
     *
     * @param bounds grid whose rectangle to cover. Not modified; only its geometry is read.
     * @return the configuration.
     */
    public static LidarMapConfig covering(OccupancyGrid bounds) {
        return DEFAULT.withExtent(bounds.originX(), bounds.originY(), bounds.sizeX() * bounds.resolution(),
                bounds.sizeY() * bounds.resolution());
    }

    /** @param r cell edge [m]. @return a copy with the resolution changed. */
    public LidarMapConfig withResolution(double r) {
        return new LidarMapConfig(r, originX, originY, width, height, sensorOffset, minRange, logOddsHit, logOddsMiss,
                logOddsMin, logOddsMax, occupiedThreshold, sdfReach);
    }

    /**
     * @param ox origin x [m]. @param oy origin y [m]. @param w width [m]. @param h height [m].
     * @return a copy covering that rectangle.
     */
    public LidarMapConfig withExtent(double ox, double oy, double w, double h) {
        return new LidarMapConfig(resolution, ox, oy, w, h, sensorOffset, minRange, logOddsHit, logOddsMiss,
                logOddsMin, logOddsMax, occupiedThreshold, sdfReach);
    }

    /** @param offset lidar position along the heading from the robot's origin [m]. @return a copy. */
    public LidarMapConfig withSensorOffset(double offset) {
        return new LidarMapConfig(resolution, originX, originY, width, height, offset, minRange, logOddsHit,
                logOddsMiss, logOddsMin, logOddsMax, occupiedThreshold, sdfReach);
    }

    /** @param reach distance field reach [m]. @return a copy. */
    public LidarMapConfig withSdfReach(double reach) {
        return new LidarMapConfig(resolution, originX, originY, width, height, sensorOffset, minRange, logOddsHit,
                logOddsMiss, logOddsMin, logOddsMax, occupiedThreshold, reach);
    }

    /** @return cells along x, ⌈width/resolution⌉ (a width within 10⁻⁹ cell of a multiple is not rounded up). */
    public int sizeX() {
        return (int) cells(width, resolution);
    }

    /** @return cells along y, ⌈height/resolution⌉. */
    public int sizeY() {
        return (int) cells(height, resolution);
    }

    private static long cells(double extent, double res) {
        double n = Math.ceil(extent / res - 1e-9);
        return n > MAX_CELLS ? MAX_CELLS + 1 : (long) Math.max(n, 0.0);
    }

    private static void finite(String name, String unit, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("lidar map " + name + " [" + unit + "] must be finite: " + v);
        }
    }

    /** L = ln(p / (1 − p)). */
    private static double logit(double p) {
        return Math.log(p / (1.0 - p));
    }
}
