package org.foresight.dynamics.model;

import java.util.List;

/**
 * A discrete-time model of how the robot moves: the plug-in point for every model, built in
 * ({@link Unicycle}, {@link JackalDiffDrive}), learned (module {@code worldmodel}) or a user's own class.
 *
 * <p><b>State layout convention.</b> Every model's state is a prefix of the robot's measured state
 * {@code (x, y, θ, v, ω, ...)} defined in {@link StateIndex}: the first three entries are always the
 * pose in the world frame, x [m], y [m], θ [rad, wrapped to (−π, π]]; a model that also tracks velocity
 * continues with v [m/s] (forward speed) and ω [rad/s] (yaw rate). Controls are always the commanded
 * forward speed and yaw rate {@code (cmd_v [m/s], cmd_ω [rad/s])}, see {@link ControlIndex}. Planners
 * therefore can drive any model and read its pose without knowing its class.
 *
 * <p><b>Buffers.</b> Every method writes into caller-owned arrays passed last and must not allocate in
 * {@link #step} or {@link #stepBatch} (they sit in the planner's inner loop). Unless a method says so,
 * output arrays must not alias inputs. Implementations must be safe to call from several threads at
 * once on different buffers (keep no mutable per-call state in fields).
 */
public interface DynamicsModel {

    /** Number of state entries n (at least 3: x, y, θ). */
    int stateDim();

    /** Number of control entries m (always 2 for the built-in robot: cmd_v, cmd_ω). */
    int controlDim();

    /** State entry names, length {@link #stateDim()}, e.g. {@code ["x","y","theta","v","omega"]}. */
    List<String> stateNames();

    /** Control entry names, length {@link #controlDim()}, e.g. {@code ["cmd_v","cmd_omega"]}. */
    List<String> controlNames();

    /**
     * Advances the state by one step: x⁺ = f(x, u, dt).
     *
     * @param x     current state, length n. Not modified.
     * @param u     control held over the step, length m. Not modified.
     * @param dt    step length [s], &gt; 0.
     * @param xNext (Output) next state, length n. Must not alias {@code x}. Modified.
     */
    void step(double[] x, double[] u, double dt, double[] xNext);

    /**
     * Advances {@code count} independent samples by one step, structure-of-arrays: entry i of sample k
     * is at {@code x[i * count + k]} (one contiguous run of {@code count} values per state channel), and
     * likewise for {@code u} and {@code xNext}. Models override this to vectorise; the default loops
     * over {@link #step} with two scratch arrays allocated per call (not per sample).
     *
     * @param x     states, length ≥ n·count, channel-major. Not modified.
     * @param u     controls, length ≥ m·count, channel-major. Not modified.
     * @param count number of samples.
     * @param dt    step length [s].
     * @param xNext (Output) next states, same layout as {@code x}. Must not alias {@code x}. Modified.
     */
    default void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        int n = stateDim();
        int m = controlDim();
        double[] xs = new double[n];
        double[] us = new double[m];
        double[] xn = new double[n];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < n; i++) {
                xs[i] = x[i * count + k];
            }
            for (int j = 0; j < m; j++) {
                us[j] = u[j * count + k];
            }
            step(xs, us, dt, xn);
            for (int i = 0; i < n; i++) {
                xNext[i * count + k] = xn[i];
            }
        }
    }

    /**
     * Jacobians of the discrete step x⁺ = f(x, u, dt): A = ∂f/∂x (n×n) and B = ∂f/∂u (n×m), both
     * row-major. The default uses central finite differences (relative step ≈ 1e-6) and allocates;
     * models override it analytically where they can.
     *
     * @param x  state, length n. Not modified.
     * @param u  control, length m. Not modified.
     * @param dt step length [s].
     * @param a  (Output) A, length n·n, {@code a[r * n + c] = ∂x⁺_r/∂x_c}. Modified.
     * @param b  (Output) B, length n·m, {@code b[r * m + c] = ∂x⁺_r/∂u_c}. Modified.
     */
    default void jacobians(double[] x, double[] u, double dt, double[] a, double[] b) {
        FiniteDifference.jacobians(this, x, u, dt, a, b);
    }

    /** A short human-readable description, e.g. for run metadata ("unicycle", "linear (12 features)"). */
    default String describe() {
        return getClass().getSimpleName();
    }
}
