package org.foresight.dynamics.sim;

import org.foresight.dynamics.world.LidarConfig;

/**
 * Simulator settings.
 *
 * @param physicsDt    physics integration step [s], &gt; 0, dividing {@code controlDt} (default 0.005 s).
 * @param controlDt    control period: how long each command is held [s] (default 0.05 s).
 * @param timeout      episode time limit [s] (default 100 s, as BARN).
 * @param seed         seed of the process noise and lidar noise.
 * @param processNoise whether the robot's process noise (its {@code JackalParams}) is applied.
 * @param lidar        lidar to simulate each control period, or null for none.
 * @param lidarOffset  where the lidar sits along the robot's forward axis, from its centre [m] (the Jackal's
 *                     Hokuyo: −0.065, behind the centre); scans are taken from that point of the true pose.
 * @param odometry     how the robot's own state estimate errs ({@link Odometry}), or null: no estimate kept.
 */
public record SimConfig(double physicsDt, double controlDt, double timeout, long seed, boolean processNoise,
                        LidarConfig lidar, double lidarOffset, OdometryConfig odometry) {
    /** The Jackal's lidar mount: 0.065 m behind the centre [m]. */
    public static final double JACKAL_LIDAR_OFFSET = -0.065;

    /** Validates the periods. */
    public SimConfig {
        if (!(physicsDt > 0) || !(controlDt > 0)) {
            throw new IllegalArgumentException("physicsDt and controlDt must be > 0 s, got " + physicsDt + " s, "
                    + controlDt + " s");
        }
        double ratio = controlDt / physicsDt;
        if (Math.abs(ratio - Math.rint(ratio)) > 1e-9 || ratio < 1) {
            throw new IllegalArgumentException("controlDt (" + controlDt + " s) must be a whole multiple of physicsDt ("
                    + physicsDt + " s)");
        }
        if (!(timeout > 0)) {
            throw new IllegalArgumentException("timeout must be > 0 s, got " + timeout);
        }
        if (!Double.isFinite(lidarOffset)) {
            throw new IllegalArgumentException("lidarOffset must be finite, got " + lidarOffset);
        }
    }

    /** 5 ms physics, 50 ms control, 100 s timeout, process noise on, no lidar (mount 0.065 m behind), no odometry. */
    public static SimConfig defaults(long seed) {
        return new SimConfig(0.005, 0.05, 100.0, seed, true, null, JACKAL_LIDAR_OFFSET, null);
    }

    /** Physics steps per control period. */
    public int substeps() {
        return (int) Math.rint(controlDt / physicsDt);
    }

    /** A copy with another lidar (null for none). */
    public SimConfig withLidar(LidarConfig newLidar) {
        return new SimConfig(physicsDt, controlDt, timeout, seed, processNoise, newLidar, lidarOffset, odometry);
    }

    /** A copy with process noise on or off. */
    public SimConfig withProcessNoise(boolean on) {
        return new SimConfig(physicsDt, controlDt, timeout, seed, on, lidar, lidarOffset, odometry);
    }

    /** A copy with another timeout [s]. */
    public SimConfig withTimeout(double seconds) {
        return new SimConfig(physicsDt, controlDt, seconds, seed, processNoise, lidar, lidarOffset, odometry);
    }

    /** A copy with another odometry model (null: no estimate). */
    public SimConfig withOdometry(OdometryConfig newOdometry) {
        return new SimConfig(physicsDt, controlDt, timeout, seed, processNoise, lidar, lidarOffset, newOdometry);
    }

    /** A copy with the lidar at another place along the forward axis [m]. */
    public SimConfig withLidarOffset(double offset) {
        return new SimConfig(physicsDt, controlDt, timeout, seed, processNoise, lidar, offset, odometry);
    }
}
