package org.foresight.dynamics.sim;

import java.util.random.RandomGenerator;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.StateIndex;

/**
 * The true robot's physics over one control period: the command is held while the model is integrated
 * at the physics step, with process noise after each step. Shared by the {@link Simulator} and by data
 * collection in open space, so both produce the same robot.
 *
 * <p>Not thread-safe (owns scratch state); allocation-free per period.
 */
public final class RobotPhysics {
    private final JackalDiffDrive robot;
    private final double physicsDt;
    private final int substeps;
    private final boolean processNoise;
    private final RandomGenerator rng;
    private final double[] scratch = new double[StateIndex.FULL_DIM];

    /**
     * @param robot        the true robot.
     * @param physicsDt    physics step [s].
     * @param substeps     physics steps per control period.
     * @param processNoise whether to apply the robot's process noise.
     * @param rng          noise source (owned by the caller's episode; seeded).
     */
    public RobotPhysics(JackalDiffDrive robot, double physicsDt, int substeps, boolean processNoise, RandomGenerator rng) {
        this.robot = robot;
        this.physicsDt = physicsDt;
        this.substeps = substeps;
        this.processNoise = processNoise;
        this.rng = rng;
    }

    /**
     * One physics step in place: x ← f(x, cmd, physicsDt) + noise, heading wrapped.
     *
     * @param x   (Input/Output) state (x, y, θ, v, ω). Modified.
     * @param cmd command (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     */
    public void physicsStep(double[] x, double[] cmd) {
        robot.step(x, cmd, physicsDt, scratch);
        System.arraycopy(scratch, 0, x, 0, StateIndex.FULL_DIM);
        if (processNoise) {
            robot.applyProcessNoise(x, physicsDt, rng);
        }
        x[StateIndex.THETA] = Angles.wrap(x[StateIndex.THETA]);
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
