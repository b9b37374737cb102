package org.foresight.examples.custom;

import java.util.List;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;

/**
 * Example of a user's own {@link DynamicsModel}: a unicycle whose speed and yaw rate follow their commands
 * with a first-order lag, as a user might write after looking at the robot's step response. Any class
 * like this, with a public no-argument constructor, drives a full episode from the command line:
 * <pre>
 *   ./foresight navigate --world barn:0 --model class:org.foresight.examples.custom.LaggedUnicycle --out runs/custom
 * </pre>
 * (your own class, compiled outside the project, comes in with {@code --classpath}: {@code ./foresight navigate
 * ... --model class:com.example.MyModel --classpath my-classes}; see {@code examples/user-classes/}). A class
 * whose state begins x, y, θ, v, ω can also be the simulated robot: {@code --plant class:NAME}.
 *
 * <p>What the planner needs from a model: the state starts with x [m], y [m], θ [rad] (here followed by
 * v [m/s], ω [rad/s], the layout of {@link StateIndex}); the controls are (cmd_v [m/s], cmd_ω [rad/s]);
 * {@link #step} writes into the caller's array and does not allocate; and, for speed, {@link #stepBatch}
 * advances many samples at once (the planner calls it once per time step for a chunk of rollouts).
 *
 * <p>Model, explicit Euler over dt with lag time constant τ:
 * <pre>
 *   v⁺ = v + (cmd_v − v)·dt/τ,  ω⁺ = ω + (cmd_ω − ω)·dt/τ
 *   x⁺ = x + v·cos θ·dt,  y⁺ = y + v·sin θ·dt,  θ⁺ = wrap(θ + ω·dt)
 * </pre>
 */
public final class LaggedUnicycle implements DynamicsModel {
    /** The lag time constant τ [s]. */
    private final double tau;

    /** A lag of 0.1 s (close to the real robot's speed response). */
    public LaggedUnicycle() {
        this(0.1);
    }

    /** @param tau lag time constant [s], &gt; 0. */
    public LaggedUnicycle(double tau) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("lag time constant must be > 0 s, got " + tau);
        }
        this.tau = tau;
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

    /** One Euler step (see the class formula). Allocation-free; {@code xNext} must not alias {@code x}. */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        double v = x[StateIndex.V];
        double w = x[StateIndex.OMEGA];
        double th = x[StateIndex.THETA];
        double a = Math.min(1.0, dt / tau);
        xNext[StateIndex.X] = x[StateIndex.X] + v * Math.cos(th) * dt;
        xNext[StateIndex.Y] = x[StateIndex.Y] + v * Math.sin(th) * dt;
        xNext[StateIndex.THETA] = Angles.wrap(th + w * dt);
        xNext[StateIndex.V] = v + (u[ControlIndex.V] - v) * a;
        xNext[StateIndex.OMEGA] = w + (u[ControlIndex.OMEGA] - w) * a;
    }

    /** The same step over {@code count} samples, channel-major ({@code x[i·count + k]}); allocation-free. */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        double a = Math.min(1.0, dt / tau);
        int ox = StateIndex.X * count;
        int oy = StateIndex.Y * count;
        int ot = StateIndex.THETA * count;
        int ov = StateIndex.V * count;
        int ow = StateIndex.OMEGA * count;
        int uv = ControlIndex.V * count;
        int uw = ControlIndex.OMEGA * count;
        for (int k = 0; k < count; k++) {
            double v = x[ov + k];
            double w = x[ow + k];
            double th = x[ot + k];
            xNext[ox + k] = x[ox + k] + v * Math.cos(th) * dt;
            xNext[oy + k] = x[oy + k] + v * Math.sin(th) * dt;
            xNext[ot + k] = Angles.wrap(th + w * dt);
            xNext[ov + k] = v + (u[uv + k] - v) * a;
            xNext[ow + k] = w + (u[uw + k] - w) * a;
        }
    }

    @Override
    public String describe() {
        return "lagged unicycle (tau " + tau + " s, user example)";
    }
}
