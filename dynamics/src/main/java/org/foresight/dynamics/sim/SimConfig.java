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
 */
public record SimConfig(double physicsDt, double controlDt, double timeout, long seed, boolean processNoise,
                        LidarConfig lidar) {
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
    }

    /** 5 ms physics, 50 ms control, 100 s timeout, process noise on, no lidar. */
    public static SimConfig defaults(long seed) {
        return new SimConfig(0.005, 0.05, 100.0, seed, true, null);
    }

    /** Physics steps per control period. */
    public int substeps() {
        return (int) Math.rint(controlDt / physicsDt);
    }

    /** A copy with another lidar (null for none). */
    public SimConfig withLidar(LidarConfig newLidar) {
        return new SimConfig(physicsDt, controlDt, timeout, seed, processNoise, newLidar);
    }

    /** A copy with process noise on or off. */
    public SimConfig withProcessNoise(boolean on) {
        return new SimConfig(physicsDt, controlDt, timeout, seed, on, lidar);
    }

    /** A copy with another timeout [s]. */
    public SimConfig withTimeout(double seconds) {
        return new SimConfig(physicsDt, controlDt, seconds, seed, processNoise, lidar);
    }
}
