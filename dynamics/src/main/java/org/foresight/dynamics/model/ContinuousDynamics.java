package org.foresight.dynamics.model;

/**
 * A continuous-time model ẋ = f(x, u), the input of an {@link Integrator}. The state and control layouts
 * follow {@link StateIndex} and {@link ControlIndex} like every {@link DynamicsModel}; the heading is
 * integrated unwrapped (callers wrap after the step).
 *
 * <p>Implementations must not allocate and must be safe to call from several threads on different
 * buffers.
 */
public interface ContinuousDynamics {

    /** Number of state entries n. */
    int stateDim();

    /** Number of control entries m. */
    int controlDim();

    /**
     * Evaluates the time derivative ẋ = f(x, u).
     *
     * @param x    state, length n (SI units of {@link StateIndex}). Not modified.
     * @param u    control, length m ([m/s], [rad/s]). Not modified.
     * @param xDot (Output) ẋ, length n, per second (e.g. [m/s] for x, [m/s²] for v). Must not alias
     *             {@code x}. Modified.
     */
    void derivative(double[] x, double[] u, double[] xDot);

    /**
     * The continuous-time Jacobians F_x = ∂f/∂x (n×n) and F_u = ∂f/∂u (n×m), row-major, needed by
     * {@link Integrator#stepWithJacobians}. The default throws: override it when the model can.
     *
     * @param x  state, length n. Not modified.
     * @param u  control, length m. Not modified.
     * @param fx (Output) {@code fx[r * n + c] = ∂ẋ_r/∂x_c} [1/s]. Modified.
     * @param fu (Output) {@code fu[r * m + c] = ∂ẋ_r/∂u_c}. Modified.
     * @throws UnsupportedOperationException if the model offers no analytic derivative.
     */
    default void derivativeJacobians(double[] x, double[] u, double[] fx, double[] fu) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no analytic derivative Jacobians");
    }
}
