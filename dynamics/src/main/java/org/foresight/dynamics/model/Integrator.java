package org.foresight.dynamics.model;

/**
 * Fixed-step explicit integrators for a {@link ContinuousDynamics}, turning ẋ = f(x, u) into the discrete
 * step x⁺ = Φ(x, u, dt) with u held constant over the step (zero-order hold). Every method writes into
 * caller-owned arrays and a caller-owned {@link Workspace} and never allocates.
 *
 * <p>{@link #stepWithJacobians} returns the exact derivatives of the discrete map Φ (not of the
 * continuous flow), obtained by differentiating every stage of the scheme (forward-mode, "discretise
 * then differentiate"), so gradient planners see the same function the step evaluates.
 */
public enum Integrator {

    /**
     * Forward Euler, first order: x⁺ = x + dt·f(x, u). One evaluation of f per step. Stable for a
     * first-order lag of time constant τ only while dt &lt; 2τ.
     */
    EULER {
        @Override
        public void step(ContinuousDynamics f, double[] x, double[] u, double dt, Workspace ws, double[] xNext) {
            ws.check(f);
            int n = ws.n;
            double[] k = ws.k1;
            f.derivative(x, u, k);
            for (int i = 0; i < n; i++) {
                xNext[i] = x[i] + dt * k[i];
            }
        }

        @Override
        public void stepWithJacobians(ContinuousDynamics f, double[] x, double[] u, double dt, Workspace ws,
                                      double[] xNext, double[] a, double[] b) {
            ws.check(f);
            int n = ws.n;
            int m = ws.m;
            double[] k = ws.k1;
            f.derivative(x, u, k);
            f.derivativeJacobians(x, u, ws.fx, ws.fu);
            for (int i = 0; i < n; i++) {
                xNext[i] = x[i] + dt * k[i];
            }
            // A = I + dt·F_x(x, u),  B = dt·F_u(x, u)
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    a[r * n + c] = (r == c ? 1.0 : 0.0) + dt * ws.fx[r * n + c];
                }
                for (int c = 0; c < m; c++) {
                    b[r * m + c] = dt * ws.fu[r * m + c];
                }
            }
        }
    },

    /**
     * Classical fourth-order Runge–Kutta: k₁ = f(x), k₂ = f(x + dt/2·k₁), k₃ = f(x + dt/2·k₂),
     * k₄ = f(x + dt·k₃), x⁺ = x + dt/6·(k₁ + 2k₂ + 2k₃ + k₄). Four evaluations of f per step; stable for a
     * first-order lag of time constant τ while dt &lt; 2.78τ, and (its amplification factor being a
     * positive polynomial on the real axis) never overshoots such a lag.
     */
    RK4 {
        @Override
        public void step(ContinuousDynamics f, double[] x, double[] u, double dt, Workspace ws, double[] xNext) {
            ws.check(f);
            int n = ws.n;
            double[] k1 = ws.k1;
            double[] k2 = ws.k2;
            double[] k3 = ws.k3;
            double[] k4 = ws.k4;
            double[] xs = ws.xs;
            double half = 0.5 * dt;
            f.derivative(x, u, k1);
            for (int i = 0; i < n; i++) {
                xs[i] = x[i] + half * k1[i];
            }
            f.derivative(xs, u, k2);
            for (int i = 0; i < n; i++) {
                xs[i] = x[i] + half * k2[i];
            }
            f.derivative(xs, u, k3);
            for (int i = 0; i < n; i++) {
                xs[i] = x[i] + dt * k3[i];
            }
            f.derivative(xs, u, k4);
            double sixth = dt / 6.0;
            for (int i = 0; i < n; i++) {
                xNext[i] = x[i] + sixth * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
        }

        @Override
        public void stepWithJacobians(ContinuousDynamics f, double[] x, double[] u, double dt, Workspace ws,
                                      double[] xNext, double[] a, double[] b) {
            ws.check(f);
            int n = ws.n;
            int m = ws.m;
            double half = 0.5 * dt;
            // Stage s evaluates k_s = f(x_s, u) at x_s = x + c_s·dt·k_{s−1} (c = 0, ½, ½, 1), so
            //   ∂k_s/∂x = F_x(x_s)·(I + c_s·dt·∂k_{s−1}/∂x),  ∂k_s/∂u = F_x(x_s)·c_s·dt·∂k_{s−1}/∂u + F_u(x_s),
            //   A = I + dt/6·Σ w_s ∂k_s/∂x,  B = dt/6·Σ w_s ∂k_s/∂u,  w = (1, 2, 2, 1).
            java.util.Arrays.fill(ws.accA, 0.0);
            java.util.Arrays.fill(ws.accB, 0.0);
            double[] kPrev = null;
            double[] kxPrev = ws.kxA;
            double[] kuPrev = ws.kuA;
            double[] kx = ws.kxB;
            double[] ku = ws.kuB;
            for (int s = 0; s < 4; s++) {
                double cdt = s == 0 ? 0.0 : (s == 3 ? dt : half);
                double w = (s == 0 || s == 3) ? 1.0 : 2.0;
                double[] k = ws.stage(s);
                double[] xs;
                if (s == 0) {
                    xs = x;
                } else {
                    xs = ws.xs;
                    for (int i = 0; i < n; i++) {
                        xs[i] = x[i] + cdt * kPrev[i];
                    }
                }
                f.derivative(xs, u, k);
                f.derivativeJacobians(xs, u, ws.fx, ws.fu);
                if (s == 0) {
                    System.arraycopy(ws.fx, 0, kx, 0, n * n);
                    System.arraycopy(ws.fu, 0, ku, 0, n * m);
                } else {
                    for (int r = 0; r < n; r++) {
                        for (int c = 0; c < n; c++) {
                            double sum = 0.0;
                            for (int j = 0; j < n; j++) {
                                sum += ws.fx[r * n + j] * kxPrev[j * n + c];
                            }
                            kx[r * n + c] = ws.fx[r * n + c] + cdt * sum;
                        }
                        for (int c = 0; c < m; c++) {
                            double sum = 0.0;
                            for (int j = 0; j < n; j++) {
                                sum += ws.fx[r * n + j] * kuPrev[j * m + c];
                            }
                            ku[r * m + c] = ws.fu[r * m + c] + cdt * sum;
                        }
                    }
                }
                for (int i = 0; i < n * n; i++) {
                    ws.accA[i] += w * kx[i];
                }
                for (int i = 0; i < n * m; i++) {
                    ws.accB[i] += w * ku[i];
                }
                kPrev = k;
                double[] t = kxPrev;
                kxPrev = kx;
                kx = t;
                t = kuPrev;
                kuPrev = ku;
                ku = t;
            }
            double sixth = dt / 6.0;
            double[] k1 = ws.k1;
            double[] k2 = ws.k2;
            double[] k3 = ws.k3;
            double[] k4 = ws.k4;
            for (int i = 0; i < n; i++) {
                xNext[i] = x[i] + sixth * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    a[r * n + c] = (r == c ? 1.0 : 0.0) + sixth * ws.accA[r * n + c];
                }
                for (int c = 0; c < m; c++) {
                    b[r * m + c] = sixth * ws.accB[r * m + c];
                }
            }
        }
    };

    /**
     * One step x⁺ = Φ(x, u, dt) of this scheme.
     *
     * @param f     the continuous dynamics. Not modified.
     * @param x     state, length n. Not modified.
     * @param u     control held over the step, length m. Not modified.
     * @param dt    step [s], &gt; 0.
     * @param ws    scratch sized for f (see {@link Workspace#Workspace(int, int)}); one per thread. Modified.
     * @param xNext (Output) next state, length n. Must not alias {@code x} or any workspace array. Modified.
     */
    public abstract void step(ContinuousDynamics f, double[] x, double[] u, double dt, Workspace ws, double[] xNext);

    /**
     * One step of this scheme together with the exact Jacobians of the discrete map, A = ∂Φ/∂x and
     * B = ∂Φ/∂u, built from {@link ContinuousDynamics#derivativeJacobians}. {@code xNext} equals what
     * {@link #step} returns for the same inputs, bit for bit.
     *
     * @param f     the continuous dynamics, with analytic derivative Jacobians. Not modified.
     * @param x     state, length n. Not modified.
     * @param u     control held over the step, length m. Not modified.
     * @param dt    step [s], &gt; 0.
     * @param ws    scratch sized for f; one per thread. Modified.
     * @param xNext (Output) next state, length n. Must not alias {@code x}. Modified.
     * @param a     (Output) A, n×n row-major, {@code a[r * n + c] = ∂x⁺_r/∂x_c}. Modified.
     * @param b     (Output) B, n×m row-major, {@code b[r * m + c] = ∂x⁺_r/∂u_c}. Modified.
     */
    public abstract void stepWithJacobians(ContinuousDynamics f, double[] x, double[] u, double dt, Workspace ws,
                                           double[] xNext, double[] a, double[] b);

    /**
     * Scratch buffers for one thread's integration of an n-state, m-control model. Allocated once;
     * reused across steps. Not thread-safe: give each thread its own.
     */
    public static final class Workspace {
        private final int n;
        private final int m;
        private final double[] k1;
        private final double[] k2;
        private final double[] k3;
        private final double[] k4;
        private final double[] xs;
        private final double[] fx;
        private final double[] fu;
        private final double[] kxA;
        private final double[] kxB;
        private final double[] kuA;
        private final double[] kuB;
        private final double[] accA;
        private final double[] accB;

        /**
         * Allocates the buffers.
         *
         * @param n state dimension, ≥ 1.
         * @param m control dimension, ≥ 0.
         */
        public Workspace(int n, int m) {
            if (n < 1) {
                throw new IllegalArgumentException("Workspace state dimension n must be ≥ 1, got " + n);
            }
            if (m < 0) {
                throw new IllegalArgumentException("Workspace control dimension m must be ≥ 0, got " + m);
            }
            this.n = n;
            this.m = m;
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            xs = new double[n];
            fx = new double[n * n];
            fu = new double[n * m];
            kxA = new double[n * n];
            kxB = new double[n * n];
            kuA = new double[n * m];
            kuB = new double[n * m];
            accA = new double[n * n];
            accB = new double[n * m];
        }

        /** State dimension this workspace was sized for. */
        public int stateDim() {
            return n;
        }

        /** Control dimension this workspace was sized for. */
        public int controlDim() {
            return m;
        }

        private double[] stage(int s) {
            switch (s) {
                case 0: return k1;
                case 1: return k2;
                case 2: return k3;
                default: return k4;
            }
        }

        private void check(ContinuousDynamics f) {
            if (f.stateDim() != n || f.controlDim() != m) {
                throw new IllegalArgumentException("Integrator workspace sized for n=" + n + ", m=" + m
                        + " but the dynamics have n=" + f.stateDim() + ", m=" + f.controlDim());
            }
        }
    }
}
