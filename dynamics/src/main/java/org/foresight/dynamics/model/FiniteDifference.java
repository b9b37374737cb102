package org.foresight.dynamics.model;

/**
 * Central finite-difference Jacobians of any {@link DynamicsModel}: the default behind
 * {@link DynamicsModel#jacobians}, and the reference analytic Jacobians are tested against.
 */
public final class FiniteDifference {
    private FiniteDifference() {
    }

    /**
     * A[:, c] ≈ (f(x + h e_c, u) − f(x − h e_c, u)) / 2h, h = 1e-6·max(1, |x_c|); likewise B over u.
     * The heading difference is wrapped so a step across ±π stays small.
     *
     * @param model the model. Not modified.
     * @param x     state, length n. Not modified.
     * @param u     control, length m. Not modified.
     * @param dt    step [s].
     * @param a     (Output) n×n row-major. Modified.
     * @param b     (Output) n×m row-major. Modified.
     */
    public static void jacobians(DynamicsModel model, double[] x, double[] u, double dt, double[] a, double[] b) {
        int n = model.stateDim();
        int m = model.controlDim();
        double[] xp = x.clone();
        double[] up = u.clone();
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int c = 0; c < n; c++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(x[c]));
            xp[c] = x[c] + h;
            model.step(xp, u, dt, fp);
            xp[c] = x[c] - h;
            model.step(xp, u, dt, fm);
            xp[c] = x[c];
            for (int r = 0; r < n; r++) {
                a[r * n + c] = difference(r, fp[r], fm[r]) / (2 * h);
            }
        }
        for (int c = 0; c < m; c++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(u[c]));
            up[c] = u[c] + h;
            model.step(x, up, dt, fp);
            up[c] = u[c] - h;
            model.step(x, up, dt, fm);
            up[c] = u[c];
            for (int r = 0; r < n; r++) {
                b[r * m + c] = difference(r, fp[r], fm[r]) / (2 * h);
            }
        }
    }

    private static double difference(int row, double plus, double minus) {
        return row == StateIndex.THETA ? Angles.wrap(plus - minus) : plus - minus;
    }
}
