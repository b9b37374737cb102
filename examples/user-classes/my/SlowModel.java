package my;

import java.util.List;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;

/**
 * A planning model that is correct but deliberately too slow for real time. It exists to show what happens
 * when planning takes longer than the control period: with {@code --latency measured} the simulated robot
 * keeps driving on the previous command while the planner thinks, so every overrun shows up in the run as
 * a delayed command.
 * <pre>
 *   javac -cp examples/target/foresight.jar -d my-classes examples/user-classes/my/*.java
 *   ./foresight navigate --world barn:5 --model class:my.SlowModel --classpath my-classes \
 *       --latency measured --out runs/slow
 * </pre>
 * MPPI rolls out 2000 samples × 56 steps of 50 ms per plan, i.e. 112 000 calls of the step; at
 * {@value #SUBSTEP} s per substep each 50 ms step costs 200 substeps, so one plan costs over twenty million
 * of substeps: hundreds of milliseconds against a 50 ms control period.
 *
 * <p><b>State</b> (x [m], y [m], θ [rad], v [m/s], ω [rad/s]) = {@link StateIndex}; <b>control</b>
 * (cmd_v [m/s], cmd_ω [rad/s]) = {@link ControlIndex}.
 *
 * <p><b>Model</b>: a unicycle whose speed and yaw rate follow their commands with a first-order lag τ,
 * integrated with explicit Euler in n = ⌈dt/h_max⌉ equal substeps of h = dt/n:
 * <pre>
 *   x⁺ = x + v·cos θ·h,   y⁺ = y + v·sin θ·h,   θ⁺ = θ + ω·h
 *   v⁺ = v + (cmd_v − v)·h/τ,   ω⁺ = ω + (cmd_ω − ω)·h/τ
 * </pre>
 * then θ is wrapped to (−π, π]. h ≪ τ, so the Euler lag is stable and never overshoots its command.
 *
 * <p>Thread-safe (no mutable fields); {@link #step} does not allocate.
 */
public final class SlowModel implements DynamicsModel {

    /** Lag time constant τ [s] of v and ω toward their commands. */
    public static final double TAU = 0.1;
    /** Longest internal Euler substep h_max [s] (0.25 ms: 200 substeps per 50 ms step). */
    public static final double SUBSTEP = 2.5e-4;

    /** The model with the constants above (the constructor the CLI's {@code class:} calls). */
    public SlowModel() {
    }

    /** @return 5 (x, y, θ, v, ω). */
    @Override
    public int stateDim() {
        return StateIndex.FULL_DIM;
    }

    /** @return 2 (cmd_v, cmd_ω). */
    @Override
    public int controlDim() {
        return ControlIndex.DIM;
    }

    /** @return {@code ["x", "y", "theta", "v", "omega"]}. */
    @Override
    public List<String> stateNames() {
        return StateIndex.FULL_NAMES;
    }

    /** @return {@code ["cmd_v", "cmd_omega"]}. */
    @Override
    public List<String> controlNames() {
        return ControlIndex.NAMES;
    }

    /**
     * Integrates the lagged unicycle over dt with fine explicit Euler substeps (see the class formula).
     *
     * @param x     state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]). Not modified.
     * @param u     (cmd_v [m/s], cmd_ω [rad/s]), held over the step. Not modified.
     * @param dt    step [s], &gt; 0 and finite.
     * @param xNext (Output) next state. Must not alias {@code x}. Modified.
     */
    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        if (!(dt > 0.0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("step dt must be finite and > 0 s, got " + dt);
        }
        double px = x[StateIndex.X];
        double py = x[StateIndex.Y];
        double th = x[StateIndex.THETA];
        double v = x[StateIndex.V];
        double w = x[StateIndex.OMEGA];
        double cmdV = u[ControlIndex.V];
        double cmdW = u[ControlIndex.OMEGA];
        int n = Math.max(1, (int) Math.ceil(dt / SUBSTEP - 1e-9));
        double h = dt / n;
        double a = h / TAU;
        for (int i = 0; i < n; i++) {
            double vh = v * h;
            px += vh * Math.cos(th);
            py += vh * Math.sin(th);
            th += w * h;
            v += (cmdV - v) * a;
            w += (cmdW - w) * a;
        }
        xNext[StateIndex.X] = px;
        xNext[StateIndex.Y] = py;
        xNext[StateIndex.THETA] = Angles.wrap(th);
        xNext[StateIndex.V] = v;
        xNext[StateIndex.OMEGA] = w;
    }

    /** @return "slow lagged unicycle (tau 0.1 s, Euler 0.25 ms substeps)". */
    @Override
    public String describe() {
        return "slow lagged unicycle (tau " + TAU + " s, Euler " + (SUBSTEP * 1e3) + " ms substeps)";
    }
}
