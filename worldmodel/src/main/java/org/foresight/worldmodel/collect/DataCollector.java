package org.foresight.worldmodel.collect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.log.TrajectoryLogIO;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.sim.RobotPhysics;

/**
 * Drives the true robot (the Jackal, a preset of it, or any plant model) with an {@link ExcitationSignal} in open space (no obstacles) and writes one
 * trajectory log per episode ({@code episode_NNN.csv} + sidecar). The logged v and ω are what odometry
 * would measure: the true values plus white measurement noise ({@link #MEASUREMENT_NOISE_V},
 * {@link #MEASUREMENT_NOISE_OMEGA}); the pose is logged as is.
 *
 * <p>The excitation is closed-loop only through those logged measurements: each episode opens with the
 * signal's pilot steps, and the rest of the experiment is timed from the envelope the pilot measured
 * (nominal limits {@link #NOMINAL_MAX_V}, {@link #NOMINAL_MAX_OMEGA}; the robot's hidden parameters are never
 * read). The sidecar's {@code "excitation"} entry records the design and the measured envelope.
 *
 * <p>Each episode has its own random streams derived from (seed, episode), so the same seed gives
 * byte-identical files.
 */
public final class DataCollector {
    /** Standard deviation of the measured forward speed's noise [m/s]. */
    public static final double MEASUREMENT_NOISE_V = 0.01;
    /** Standard deviation of the measured yaw rate's noise [rad/s]. */
    public static final double MEASUREMENT_NOISE_OMEGA = 0.02;
    /** Nominal speed limit commanded by the excitation, forward and reverse [m/s] (the Jackal's data sheet). */
    public static final double NOMINAL_MAX_V = 2.0;
    /** Nominal yaw-rate limit commanded by the excitation [rad/s]. */
    public static final double NOMINAL_MAX_OMEGA = 4.0;

    /**
     * What to collect.
     *
     * @param episodes  number of episodes, ≥ 1.
     * @param duration  length of each episode [s], &gt; 0.
     * @param seed      base seed.
     * @param plant     the true robot (hidden from the learner): the Jackal or any model whose state begins
     *                  x, y, θ, v, ω (checked by {@link RobotPhysics#checkPlant}); its process noise applies when
     *                  it implements {@link org.foresight.dynamics.model.ProcessNoise}.
     * @param plantDescription what the plant is, for the sidecar ({@code "plant"}); JSON-serialisable.
     * @param controlDt control period [s] (row spacing of the logs).
     * @param physicsDt physics step [s], dividing {@code controlDt}.
     * @param exciteMaxV     speed limit the excitation commands [m/s], &gt; 0 ({@link #NOMINAL_MAX_V} unless a
     *                       deliberately narrow data set is wanted: commands span ±exciteMaxV).
     * @param exciteMaxOmega yaw-rate limit the excitation commands [rad/s], &gt; 0 ({@link #NOMINAL_MAX_OMEGA}
     *                       unless narrowed, e.g. logs that never excite fast turns).
     */
    public record Plan(int episodes, double duration, long seed, DynamicsModel plant,
                       Map<String, Object> plantDescription, double controlDt, double physicsDt,
                       double exciteMaxV, double exciteMaxOmega) {
        /** Validates the counts, periods and plant. */
        public Plan {
            RobotPhysics.checkPlant(plant);
            plantDescription = Map.copyOf(plantDescription);
            if (episodes < 1) {
                throw new IllegalArgumentException("episodes must be ≥ 1, got " + episodes);
            }
            if (!(duration > 0)) {
                throw new IllegalArgumentException("episode duration must be > 0 s, got " + duration);
            }
            double ratio = controlDt / physicsDt;
            if (!(physicsDt > 0) || !(controlDt > 0) || Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
                throw new IllegalArgumentException("controlDt (" + controlDt + " s) must be a positive multiple of physicsDt ("
                        + physicsDt + " s)");
            }
            if (!(exciteMaxV > 0) || !Double.isFinite(exciteMaxV)) {
                throw new IllegalArgumentException("excitation speed limit must be finite and > 0 m/s, got " + exciteMaxV);
            }
            if (!(exciteMaxOmega > 0) || !Double.isFinite(exciteMaxOmega)) {
                throw new IllegalArgumentException("excitation yaw-rate limit must be finite and > 0 rad/s, got " + exciteMaxOmega);
            }
        }

        /**
         * A plan over the nominal envelope ({@link #NOMINAL_MAX_V}, {@link #NOMINAL_MAX_OMEGA}).
         *
         * @param episodes  number of episodes, ≥ 1.
         * @param duration  length of each episode [s], &gt; 0.
         * @param seed      base seed.
         * @param plant     the true robot.
         * @param plantDescription what the plant is, for the sidecar.
         * @param controlDt control period [s].
         * @param physicsDt physics step [s].
         */
        public Plan(int episodes, double duration, long seed, DynamicsModel plant, Map<String, Object> plantDescription,
                    double controlDt, double physicsDt) {
            this(episodes, duration, seed, plant, plantDescription, controlDt, physicsDt, NOMINAL_MAX_V, NOMINAL_MAX_OMEGA);
        }

        /**
         * @param maxV     excitation speed limit [m/s].
         * @param maxOmega excitation yaw-rate limit [rad/s].
         * @return this plan with the excitation's envelope changed.
         */
        public Plan withExcitation(double maxV, double maxOmega) {
            return new Plan(episodes, duration, seed, plant, plantDescription, controlDt, physicsDt, maxV, maxOmega);
        }

        /**
         * A plan whose plant is the Jackal with the given (hidden) parameters.
         *
         * @param episodes  number of episodes, ≥ 1.
         * @param duration  length of each episode [s], &gt; 0.
         * @param seed      base seed.
         * @param robot     the true robot's parameters.
         * @param controlDt control period [s].
         * @param physicsDt physics step [s].
         */
        public Plan(int episodes, double duration, long seed, JackalParams robot, double controlDt, double physicsDt) {
            this(episodes, duration, seed, new JackalDiffDrive(robot), Map.of("kind", "jackal", "params", robot.toMap()),
                    controlDt, physicsDt);
        }
    }

    private DataCollector() {
    }

    /**
     * Collects the episodes into {@code outDir}.
     *
     * @param plan     what to collect.
     * @param outDir   output directory (created).
     * @param progress called with the number of finished episodes after each one; may be null.
     * @return the written CSV paths, in episode order.
     */
    public static List<Path> collect(Plan plan, Path outDir, IntConsumer progress) {
        List<Path> out = new ArrayList<>();
        for (int e = 0; e < plan.episodes(); e++) {
            Path csv = outDir.resolve(String.format("episode_%03d.csv", e));
            TrajectoryLogIO.write(csv, episode(plan, e));
            out.add(csv);
            if (progress != null) {
                progress.accept(e + 1);
            }
        }
        return out;
    }

    /**
     * Simulates one episode.
     *
     * @param plan    what to collect.
     * @param episode episode index (selects the random streams).
     * @return the log.
     */
    public static TrajectoryLog episode(Plan plan, int episode) {
        SplittableRandom root = new SplittableRandom(plan.seed() ^ (0x9E3779B97F4A7C15L * (episode + 1L)));
        SplittableRandom processNoise = root.split();
        SplittableRandom measurementNoise = root.split();
        ExcitationSignal signal = new ExcitationSignal(root.nextLong(), plan.exciteMaxV(), plan.exciteMaxOmega(), plan.controlDt());
        int substeps = (int) Math.rint(plan.controlDt() / plan.physicsDt());
        RobotPhysics physics = new RobotPhysics(plan.plant(), plan.physicsDt(), substeps, true, processNoise);
        int rows = (int) Math.rint(plan.duration() / plan.controlDt());
        List<String> cols = TrajectoryLog.STANDARD_COLUMNS;
        double[][] data = new double[cols.size()][rows];
        double[] x = new double[physics.stateDim()];
        double[] cmd = new double[ControlIndex.DIM];
        for (int r = 0; r < rows; r++) {
            double measuredV = x[StateIndex.V] + MEASUREMENT_NOISE_V * measurementNoise.nextGaussian();
            double measuredOmega = x[StateIndex.OMEGA] + MEASUREMENT_NOISE_OMEGA * measurementNoise.nextGaussian();
            signal.next(measuredV, measuredOmega, cmd);
            data[0][r] = TrajectoryLogIO.roundTime(r * plan.controlDt());
            data[1][r] = x[StateIndex.X];
            data[2][r] = x[StateIndex.Y];
            data[3][r] = x[StateIndex.THETA];
            data[4][r] = measuredV;
            data[5][r] = measuredOmega;
            data[6][r] = cmd[ControlIndex.V];
            data[7][r] = cmd[ControlIndex.OMEGA];
            physics.controlPeriod(x, cmd);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("source", "foresight collect");
        meta.put("world", "open_space");
        meta.put("episode", episode);
        meta.put("seed", plan.seed());
        meta.put("control_period_s", plan.controlDt());
        meta.put("physics_dt_s", plan.physicsDt());
        meta.put("excitation", signal.describe());
        meta.put("measurement_noise", Map.of("v_m_per_s", MEASUREMENT_NOISE_V, "omega_rad_per_s", MEASUREMENT_NOISE_OMEGA));
        if (plan.plant() instanceof JackalDiffDrive j) {
            meta.put("robot_ground_truth_do_not_use_for_fitting", j.params().toString());
        }
        meta.put("plant_do_not_use_for_fitting", new java.util.TreeMap<>(plan.plantDescription()));
        return new TrajectoryLog(cols, data, meta);
    }
}
