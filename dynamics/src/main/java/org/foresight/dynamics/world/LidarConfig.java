package org.foresight.dynamics.world;

/**
 * Configuration of the simulated 2D lidar.
 *
 * @param beams       number of beams, ≥ 1.
 * @param fieldOfView angular span centred on the heading [rad], in (0, 2π].
 * @param maxRange    maximum range [m], &gt; 0; returned when a beam hits nothing.
 * @param noiseStd    standard deviation of additive Gaussian range noise [m], ≥ 0 (applied only by
 *                    {@link Lidar#scan(OccupancyGrid, java.util.List, double, double, double, double[],
 *                    java.util.random.RandomGenerator)}).
 */
public record LidarConfig(int beams, double fieldOfView, double maxRange, double noiseStd) {
    /** 720 beams over 270°, 30 m, no noise (Jackal's Hokuyo UST-10LX class of sensor). */
    public static final LidarConfig DEFAULT = new LidarConfig(720, Math.toRadians(270.0), 30.0, 0.0);

    /**
     * The BARN harness's lidar, a Hokuyo UST-10LX: 720 beams over 270°, 30 m, Gaussian range noise σ = 1 cm
     * (its 0.1 m minimum range and the mount 0.065 m behind the centre are the map's and the simulator's).
     */
    public static final LidarConfig HOKUYO_UST10LX = new LidarConfig(720, Math.toRadians(270.0), 30.0, 0.01);

    /** Validates every field. */
    public LidarConfig {
        if (beams < 1) {
            throw new IllegalArgumentException("lidar beams must be ≥ 1: " + beams);
        }
        if (!(fieldOfView > 0) || fieldOfView > 2 * Math.PI + 1e-12) {
            throw new IllegalArgumentException("lidar field of view [rad] must be in (0, 2π]: " + fieldOfView);
        }
        if (!(maxRange > 0) || !Double.isFinite(maxRange)) {
            throw new IllegalArgumentException("lidar max range [m] must be finite and > 0: " + maxRange);
        }
        if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
            throw new IllegalArgumentException("lidar noise std [m] must be finite and ≥ 0: " + noiseStd);
        }
    }
}
