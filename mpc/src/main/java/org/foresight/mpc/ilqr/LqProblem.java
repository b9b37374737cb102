package org.foresight.mpc.ilqr;

/**
 * The linear-quadratic approximation of the iLQR problem along a nominal trajectory, in the state augmented by
 * the previous control, x̃_t = (x_t, u_{t−1}) of dimension na = n + 2:
 * <pre>
 *   x̃_{t+1} ≈ Ã_t x̃_t + B̃_t u_t,   Ã = [A 0; 0 0],  B̃ = [B; I]       A = ∂f/∂x, B = ∂f/∂u of the model
 *   ℓ_t ≈ ℓ_x·x̃ + ℓ_u·u + ½ x̃ᵀℓ_xx x̃ + ½ uᵀℓ_uu u + uᵀℓ_ux x̃           (t = 0..T−1; ℓ_x, ℓ_xx also at T)
 * </pre>
 * Step t's blocks sit at [t·size, (t+1)·size) of each array, matrices row-major. Filled by
 * {@link IlqrPlanner}, read by {@link BackwardPass}. Sized once; not thread-safe.
 */
final class LqProblem {
    /** Control dimension (cmd_v, cmd_ω). */
    static final int M = 2;

    /** Model state dimension n. */
    final int n;
    /** Augmented dimension na = n + 2. */
    final int na;
    /** Horizon T [steps]. */
    final int horizon;
    /** Ã_t, na × na. */
    final double[] fx;
    /** B̃_t, na × 2. */
    final double[] fu;
    /** ℓ_x at t = 0..T, na each. */
    final double[] lx;
    /** ℓ_xx at t = 0..T, na × na each. */
    final double[] lxx;
    /** ℓ_u, 2 each. */
    final double[] lu;
    /** ℓ_uu, 2 × 2 each. */
    final double[] luu;
    /** ℓ_ux, 2 × na each. */
    final double[] lux;

    /**
     * @param n       model state dimension, ≥ 3.
     * @param horizon T [steps], ≥ 1.
     */
    LqProblem(int n, int horizon) {
        this.n = n;
        this.na = n + M;
        this.horizon = horizon;
        final int T = horizon;
        fx = new double[T * na * na];
        fu = new double[T * na * M];
        lx = new double[(T + 1) * na];
        lxx = new double[(T + 1) * na * na];
        lu = new double[T * M];
        luu = new double[T * M * M];
        lux = new double[T * M * na];
    }

    /** Zeroes every block (the caller then adds its terms). */
    void clear() {
        java.util.Arrays.fill(fx, 0.0);
        java.util.Arrays.fill(fu, 0.0);
        java.util.Arrays.fill(lx, 0.0);
        java.util.Arrays.fill(lxx, 0.0);
        java.util.Arrays.fill(lu, 0.0);
        java.util.Arrays.fill(luu, 0.0);
        java.util.Arrays.fill(lux, 0.0);
    }
}
