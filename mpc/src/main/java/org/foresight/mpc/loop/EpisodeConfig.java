package org.foresight.mpc.loop;

import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.sim.RobotPhysics;
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
 * @param stuckTime       if the robot moves less than {@link EpisodeRunner#STUCK_DISTANCE} in this long, the
 *                        guide is re-planned wide (see {@link org.foresight.mpc.path.GuidePlanner}) [s], &gt; 0.
 * @param warmupCycles    planning cycles run on the start state before the episode and then discarded
 *                        ({@link org.foresight.mpc.Planner#reset()} follows), ≥ 0: the JIT compiles the
 *                        planner's hot loops first, so the logged planning times are those of the compiled
 *                        code rather than of the interpreter. The episode itself is the same either way.
 * @param plant           the simulated robot (checked by {@link RobotPhysics#checkPlant}): the Jackal or any
 *                        model whose state begins x, y, θ, v, ω.
 * @param latency         how planning time is charged to the robot ({@link Latency}).
 * @param sensing         what the robot knows: exact map or lidar map, true state or odometry ({@link Sensing});
 *                        a lidar needs {@code sim.lidar()}, odometry {@code sim.odometry()}.
 */
public record EpisodeConfig(SimConfig sim, Footprint footprint, int recordRollouts, double replanPeriod,
                            double guideMargin, double stuckTime, int warmupCycles, DynamicsModel plant,
                            Latency latency, Sensing sensing) {

    /** Validates the fields. */
    public EpisodeConfig {
        if (sim == null || footprint == null || latency == null) {
            throw new IllegalArgumentException("episode config needs a sim config, a footprint and a latency");
        }
        RobotPhysics.checkPlant(plant);
        if (sensing == null) {
            throw new IllegalArgumentException("episode config needs a sensing (Sensing.oracle() for the exact map)");
        }
        if (sensing.needsLidar() && sim.lidar() == null) {
            throw new IllegalArgumentException(sensing.perception().name().toLowerCase(java.util.Locale.ROOT)
                    + " perception needs a lidar in the simulator config");
        }
        if (sensing.localization().usesOdometry() && sim.odometry() == null) {
            throw new IllegalArgumentException("odometry localization needs an odometry model in the simulator config");
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
        if (!(stuckTime > 0)) {
            throw new IllegalArgumentException("stuckTime must be > 0 s, got " + stuckTime);
        }
        if (warmupCycles < 0) {
            throw new IllegalArgumentException("warmupCycles must be >= 0, got " + warmupCycles);
        }
    }

    /**
     * Defaults: {@link SimConfig#defaults}, the Jackal footprint, 32 logged rollouts, guide re-planned
     * every 1 s with 0.10 m margin over the inradius (so the guide avoids gaps the obstacle critic's
     * circles plus collision pad cannot pass), wide re-plan after 3 s without progress, 30 warm-up cycles,
     * the default Jackal as the plant, and measured planning time charged ({@link Latency#measured()}).
     *
     * @param seed simulator seed.
     * @return the defaults.
     */
    public static EpisodeConfig defaults(long seed) {
        return new EpisodeConfig(SimConfig.defaults(seed), Footprint.JACKAL, 32, 1.0, 0.10, 3.0, 30,
                new JackalDiffDrive(JackalParams.defaults()), Latency.measured(), Sensing.oracle());
    }

    /** @param n rollouts to log per cycle. @return a copy with it changed. */
    public EpisodeConfig withRecordRollouts(int n) {
        return new EpisodeConfig(sim, footprint, n, replanPeriod, guideMargin, stuckTime, warmupCycles, plant, latency, sensing);
    }

    /** @param newSim simulator settings. @return a copy with them changed. */
    public EpisodeConfig withSim(SimConfig newSim) {
        return new EpisodeConfig(newSim, footprint, recordRollouts, replanPeriod, guideMargin, stuckTime, warmupCycles, plant, latency, sensing);
    }

    /** @param m extra inflation of the guide grid beyond the footprint's inradius [m], ≥ 0. @return a copy. */
    public EpisodeConfig withGuideMargin(double m) {
        return new EpisodeConfig(sim, footprint, recordRollouts, replanPeriod, m, stuckTime, warmupCycles, plant,
                latency, sensing);
    }

    /** @param period how often the guide is re-planned [s], &gt; 0. @return a copy with it changed. */
    public EpisodeConfig withReplanPeriod(double period) {
        return new EpisodeConfig(sim, footprint, recordRollouts, period, guideMargin, stuckTime, warmupCycles, plant,
                latency, sensing);
    }

    /** @param p the simulated robot. @return a copy with it changed. */
    public EpisodeConfig withPlant(DynamicsModel p) {
        return new EpisodeConfig(sim, footprint, recordRollouts, replanPeriod, guideMargin, stuckTime, warmupCycles, p,
                latency, sensing);
    }

    /** @param l how planning time is charged. @return a copy with it changed. */
    public EpisodeConfig withLatency(Latency l) {
        return new EpisodeConfig(sim, footprint, recordRollouts, replanPeriod, guideMargin, stuckTime, warmupCycles,
                plant, l, sensing);
    }

    /**
     * @param s what the robot knows. A lidar or odometry the simulator config lacks is added: the Hokuyo
     *          UST-10LX ({@link org.foresight.dynamics.world.LidarConfig#HOKUYO_UST10LX}) and Jackal-like odometry
     *          ({@link org.foresight.dynamics.sim.OdometryConfig#JACKAL}).
     * @return a copy with it changed.
     */
    public EpisodeConfig withSensing(Sensing s) {
        SimConfig sc = sim;
        if (s.needsLidar() && sc.lidar() == null) {
            sc = sc.withLidar(org.foresight.dynamics.world.LidarConfig.HOKUYO_UST10LX);
        }
        if (s.localization().usesOdometry() && sc.odometry() == null) {
            sc = sc.withOdometry(org.foresight.dynamics.sim.OdometryConfig.JACKAL);
        }
        return new EpisodeConfig(sc, footprint, recordRollouts, replanPeriod, guideMargin, stuckTime, warmupCycles, plant,
                latency, s);
    }

    /** @param n warm-up cycles, ≥ 0. @return a copy with it changed. */
    public EpisodeConfig withWarmupCycles(int n) {
        return new EpisodeConfig(sim, footprint, recordRollouts, replanPeriod, guideMargin, stuckTime, n, plant, latency, sensing);
    }
}
