package org.foresight.dynamics.sim;

import java.util.random.RandomGenerator;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.ProcessNoise;
import org.foresight.dynamics.model.StateIndex;

/**
 * The true robot's physics (the plant) over one control period: the command is held while the plant is
 * integrated at the physics step, with process noise after each step when the plant offers it
 * ({@link ProcessNoise}). Shared by the {@link Simulator} and by data collection in open space, so both
 * produce the same robot.
 *
 * <p>Any {@link DynamicsModel} can be the plant if its state begins x [m], y [m], θ [rad], v [m/s],
 * ω [rad/s] (what odometry measures) and its controls are (cmd_v, cmd_ω); further state entries are the
 * plant's own and stay hidden from the planner. Every step is checked: a plant that throws or returns a
 * non-finite state ends the episode with a {@link PlantException} naming it.
 *
 * <p>Not thread-safe (owns scratch state); allocation-free per period.
 */
public final class RobotPhysics {
    private final DynamicsModel robot;
    private final ProcessNoise noise;
    private final double physicsDt;
    private final int substeps;
    private final RandomGenerator rng;
    private final double[] scratch;
    private double time;

    /**
     * @param robot        the plant; see {@link #checkPlant}.
     * @param physicsDt    physics step [s].
     * @param substeps     physics steps per control period.
     * @param processNoise whether to apply the plant's process noise (if it has any).
     * @param rng          noise source (owned by the caller's episode; seeded).
     * @throws IllegalArgumentException if the plant's dimensions do not fit (see {@link #checkPlant}).
     */
    public RobotPhysics(DynamicsModel robot, double physicsDt, int substeps, boolean processNoise, RandomGenerator rng) {
        checkPlant(robot);
        this.robot = robot;
        this.noise = processNoise && robot instanceof ProcessNoise pn ? pn : null;
        this.physicsDt = physicsDt;
        this.substeps = substeps;
        this.rng = rng;
        this.scratch = new double[robot.stateDim()];
    }

    /**
     * Checks that a model can be the simulated robot: state dimension ≥ 5 (x, y, θ, v, ω first), two
     * controls, and as many state and control names as entries.
     *
     * @param plant the model.
     * @throws IllegalArgumentException naming the plant and what does not fit.
     */
    public static void checkPlant(DynamicsModel plant) {
        if (plant == null) {
            throw new IllegalArgumentException("the plant must not be null");
        }
        String who = "plant " + plant.getClass().getName();
        int n;
        int m;
        try {
            n = plant.stateDim();
            m = plant.controlDim();
            if (plant.stateNames() == null || plant.stateNames().size() != n) {
                throw new IllegalArgumentException(who + ": stateNames() must list " + n + " names");
            }
            if (plant.controlNames() == null || plant.controlNames().size() != m) {
                throw new IllegalArgumentException(who + ": controlNames() must list " + m + " names");
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(who + " failed to describe itself: " + e);
        }
        if (n < StateIndex.FULL_DIM) {
            throw new IllegalArgumentException(who + ": state dimension " + n + " < 5; a plant's state must begin "
                    + "x, y, theta, v, omega (what odometry measures)");
        }
        if (m != ControlIndex.DIM) {
            throw new IllegalArgumentException(who + ": control dimension " + m + ", expected 2 (cmd_v, cmd_omega)");
        }
    }

    /** The plant's state dimension (≥ 5). */
    public int stateDim() {
        return scratch.length;
    }

    /** The plant. */
    public DynamicsModel plant() {
        return robot;
    }

    /**
     * One physics step in place: x ← f(x, cmd, physicsDt) + noise, heading wrapped.
     *
     * @param x   (Input/Output) the plant's state, length {@link #stateDim()}. Modified.
     * @param cmd command (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     * @throws PlantException if the plant throws or returns a non-finite entry.
     */
    public void physicsStep(double[] x, double[] cmd) {
        try {
            robot.step(x, cmd, physicsDt, scratch);
        } catch (RuntimeException e) {
            throw new PlantException("plant " + robot.getClass().getName() + " threw at t = " + fmt(time) + " s: " + e,
                    e);
        }
        for (int i = 0; i < scratch.length; i++) {
            if (!Double.isFinite(scratch[i])) {
                throw new PlantException("plant " + robot.getClass().getName() + " returned " + scratch[i]
                        + " for state entry " + i + " (" + name(i) + ") at t = " + fmt(time) + " s", null);
            }
        }
        System.arraycopy(scratch, 0, x, 0, scratch.length);
        if (noise != null) {
            noise.applyProcessNoise(x, physicsDt, rng);
        }
        x[StateIndex.THETA] = Angles.wrap(x[StateIndex.THETA]);
        time += physicsDt;
    }

    private String name(int i) {
        try {
            return robot.stateNames().get(i);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String fmt(double t) {
        return String.format(java.util.Locale.ROOT, "%.3f", t);
    }

    /**
     * A whole control period in place (all substeps).
     *
     * @param x   (Input/Output) state. Modified.
     * @param cmd command. Not modified.
     */
    public void controlPeriod(double[] x, double[] cmd) {
        for (int s = 0; s < substeps; s++) {
            physicsStep(x, cmd);
        }
    }

    /** Physics step [s]. */
    public double physicsDt() {
        return physicsDt;
    }

    /** Physics steps per control period. */
    public int substeps() {
        return substeps;
    }
}
