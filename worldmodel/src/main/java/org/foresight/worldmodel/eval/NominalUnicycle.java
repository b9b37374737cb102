package org.foresight.worldmodel.eval;

import java.util.List;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.model.Unicycle;

/**
 * The nominal kinematic unicycle as a full-state model, the baseline every report shows beside the fitted
 * model: the pose moves along the commanded arc ({@link Unicycle}) and the velocities equal the command at
 * once, v⁺ = cmd_v, ω⁺ = cmd_ω (no lag, no slip, no limits). State and control as
 * {@link StateIndex#FULL_NAMES} / {@link ControlIndex#NAMES}. Stateless, allocation-free step.
 */
public final class NominalUnicycle implements DynamicsModel {
    private final Unicycle pose = new Unicycle();

    /** Creates the baseline. */
    public NominalUnicycle() {
    }

    @Override
    public int stateDim() {
        return StateIndex.FULL_DIM;
    }

    @Override
    public int controlDim() {
        return ControlIndex.DIM;
    }

    @Override
    public List<String> stateNames() {
        return StateIndex.FULL_NAMES;
    }

    @Override
    public List<String> controlNames() {
        return ControlIndex.NAMES;
    }

    /**
     * Arc step of the pose with the command; velocities set to the command.
     *
     * @param x     (x [m], y [m], θ [rad], v [m/s], ω [rad/s]). Not modified.
     * @param u     (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     * @param dt    step [s].
     * @param xNext (Output) next state. Modified.
     */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        pose.step(x, u, dt, xNext);
        xNext[StateIndex.V] = u[ControlIndex.V];
        xNext[StateIndex.OMEGA] = u[ControlIndex.OMEGA];
    }

    @Override
    public String describe() {
        return "unicycle";
    }
}
