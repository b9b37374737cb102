package org.foresight.mpc.loop;

import org.foresight.dynamics.sim.SimConfig;
import org.foresight.dynamics.world.Footprint;

/**
 * How {@link EpisodeRunner} runs one closed-loop episode.
 *
 * @param sim             the simulator's periods, timeout, seed, noise, lidar.
 * @param footprint       the robot's footprint (collision in the simulator, inflation of the guide grid).
 * @param recordRollouts  rollouts logged per cycle (the heaviest), ≥ 0.
 * @param replanPeriod    the guide path is re-planned from the robot's pose this often [s], &gt; 0.
 * @param guideMargin     extra inflation of the guide grid beyond the footprint's inradius [m], ≥ 0.
 */
public record EpisodeConfig(SimConfig sim, Footprint footprint, int recordRollouts, double replanPeriod,
                            double guideMargin) {

    /** Validates the fields. */
    public EpisodeConfig {
        if (sim == null || footprint == null) {
            throw new IllegalArgumentException("episode config needs a sim config and a footprint");
        }
        if (recordRollouts < 0) {
            throw new IllegalArgumentException("recordRollouts must be >= 0, got " + recordRollouts);
        }
        if (!(replanPeriod > 0)) {
            throw new IllegalArgumentException("replanPeriod must be > 0 s, got " + replanPeriod);
        }
        if (!(guideMargin >= 0)) {
            throw new IllegalArgumentException("guideMargin must be >= 0 m, got " + guideMargin);
        }
    }

    /**
     * Defaults: {@link SimConfig#defaults}, the Jackal footprint, 32 logged rollouts, guide re-planned
     * every 1 s with 0.05 m margin.
     *
     * @param seed simulator seed.
     * @return the defaults.
     */
    public static EpisodeConfig defaults(long seed) {
        return new EpisodeConfig(SimConfig.defaults(seed), Footprint.JACKAL, 32, 1.0, 0.05);
    }

    /** @param n rollouts to log per cycle. @return a copy with it changed. */
    public EpisodeConfig withRecordRollouts(int n) {
        return new EpisodeConfig(sim, footprint, n, replanPeriod, guideMargin);
    }
}
