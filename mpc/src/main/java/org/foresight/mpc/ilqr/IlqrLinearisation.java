package org.foresight.mpc.ilqr;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;

/**
 * The linear-quadratic approximation of iLQR's problem along a nominal trajectory (x̄, ū): the augmented dynamics
 * Jacobians and the derivatives of the control and rate costs, plus the state cost's from {@link IlqrCost}.
 *
 * <p>With x̃_t = (x_t, u_{t−1}) the augmented state and A = ∂f/∂x, B = ∂f/∂u of the model at (x̄_t, ū_t):
 * <pre>
 *   Ã_t = [A 0; 0 0],   B̃_t = [B; I]            (u_t becomes the next step's "previous control")
 *   ℓ_u  = 2e·u + 2ρ·(u − p),   ℓ_uu = 2e + 2ρ,  ℓ_p = −2ρ·(u − p),  ℓ_pp = 2ρ,  ℓ_up = −2ρ   (per channel)
 * </pre>
 * A and B are the model's own {@link DynamicsModel#jacobians} when its class overrides it, else central
 * differences, h = 1e-6·max(1, |x_c|), with the heading difference wrapped (the formula of
 * {@link org.foresight.dynamics.model.FiniteDifference}), into buffers sized here. Allocates nothing per call
 * (unless the model's own {@code jacobians} does). Not thread-safe.
 */
final class IlqrLinearisation {
    private static final int M = ControlIndex.DIM;
    private static final int V = ControlIndex.V;
    private static final int W = ControlIndex.OMEGA;
    private static final int TH = StateIndex.THETA;

    private final DynamicsModel model;
    private final IlqrConfig config;
    private final boolean analytic;
    private final int n;
    private final int na;
    private final double[] ja;
    private final double[] jb;
    private final double[] fdX;
    private final double[] fdU = new double[M];
    private final double[] fdPlus;
    private final double[] fdMinus;

    /**
     * @param model  the model planned through (2 controls).
     * @param config the cost weights, dt and {@link IlqrConfig#finiteDifferenceJacobians()}.
     */
    IlqrLinearisation(DynamicsModel model, IlqrConfig config) {
        this.model = model;
        this.config = config;
        this.analytic = !config.finiteDifferenceJacobians() && overridesJacobians(model);
        this.n = model.stateDim();
        this.na = n + M;
        ja = new double[n * n];
        jb = new double[n * M];
        fdX = new double[n];
        fdPlus = new double[n];
        fdMinus = new double[n];
    }

    /** Whether the model's class (or a superclass other than the interface) overrides {@code jacobians}. */
    static boolean overridesJacobians(DynamicsModel model) {
        try {
            return model.getClass().getMethod("jacobians", double[].class, double[].class, double.class,
                    double[].class, double[].class).getDeclaringClass() != DynamicsModel.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** @return whether the model's analytic Jacobians are used (else central differences). */
    boolean analytic() {
        return analytic;
    }

    /**
     * Fills {@code lq} along the nominal (xs, us).
     *
     * @param lq      the problem, cleared here.
     * @param cost    the state cost (tracking, barrier), bound to the plan's distance field.
     * @param xs      nominal states x_0..x_T, n per step.
     * @param us      nominal controls u_0..u_{T−1}.
     * @param horizon T.
     * @param lastV   the last command sent, u_{−1} cmd_v [m/s].
     * @param lastW   its cmd_ω [rad/s].
     */
    void linearise(LqProblem lq, IlqrCost cost, double[] xs, double[] us, int horizon, double lastV, double lastW) {
        final IlqrConfig c = config;
        final int T = horizon;
        lq.clear();
        final double[] fx = lq.fx;
        final double[] fu = lq.fu;
        final double[] lx = lq.lx;
        final double[] lxx = lq.lxx;
        final double[] lu = lq.lu;
        final double[] luu = lq.luu;
        final double[] lux = lq.lux;
        double pv = lastV;
        double pw = lastW;
        for (int t = 0; t < T; t++) {
            modelJacobians(xs, us, t);
            final int oX = t * na * na;
            final int oU = t * na * M;
            for (int r = 0; r < n; r++) {
                System.arraycopy(ja, r * n, fx, oX + r * na, n);
                fu[oU + r * M + V] = jb[r * M + V];
                fu[oU + r * M + W] = jb[r * M + W];
            }
            fu[oU + (n + V) * M + V] = 1.0;
            fu[oU + (n + W) * M + W] = 1.0;
            // Control effort and rate: ρ(u − p)² with p the augmented previous control.
            double v = us[t * M + V];
            double w = us[t * M + W];
            double rv = v - pv;
            double rw = w - pw;
            final int ol = t * na;
            final int oll = t * na * na;
            final int ou = t * M;
            final int ouu = t * M * M;
            final int oux = t * M * na;
            lu[ou + V] = 2 * c.effortWeightV() * v + 2 * c.rateWeightV() * rv;
            lu[ou + W] = 2 * c.effortWeightOmega() * w + 2 * c.rateWeightOmega() * rw;
            luu[ouu + V * M + V] = 2 * c.effortWeightV() + 2 * c.rateWeightV();
            luu[ouu + W * M + W] = 2 * c.effortWeightOmega() + 2 * c.rateWeightOmega();
            lx[ol + n + V] = -2 * c.rateWeightV() * rv;
            lx[ol + n + W] = -2 * c.rateWeightOmega() * rw;
            lxx[oll + (n + V) * na + n + V] = 2 * c.rateWeightV();
            lxx[oll + (n + W) * na + n + W] = 2 * c.rateWeightOmega();
            lux[oux + V * na + n + V] = -2 * c.rateWeightV();
            lux[oux + W * na + n + W] = -2 * c.rateWeightOmega();
            if (t >= 1) {
                cost.addStateDerivatives(lq, xs, t, c.trackingWeight());
            }
            pv = v;
            pw = w;
        }
        cost.addStateDerivatives(lq, xs, T, c.trackingWeight() + c.terminalWeight());
    }

    /** A, B of the model at (x_t, u_t) into {@link #ja}, {@link #jb}. */
    private void modelJacobians(double[] xs, double[] us, int t) {
        System.arraycopy(xs, t * n, fdX, 0, n);
        fdU[V] = us[t * M + V];
        fdU[W] = us[t * M + W];
        final double dt = config.dt();
        if (analytic) {
            model.jacobians(fdX, fdU, dt, ja, jb);
            return;
        }
        for (int col = 0; col < n; col++) {
            double xc = fdX[col];
            double h = 1e-6 * Math.max(1.0, Math.abs(xc));
            fdX[col] = xc + h;
            model.step(fdX, fdU, dt, fdPlus);
            fdX[col] = xc - h;
            model.step(fdX, fdU, dt, fdMinus);
            fdX[col] = xc;
            for (int r = 0; r < n; r++) {
                ja[r * n + col] = difference(r, fdPlus[r], fdMinus[r]) / (2 * h);
            }
        }
        for (int col = 0; col < M; col++) {
            double uc = fdU[col];
            double h = 1e-6 * Math.max(1.0, Math.abs(uc));
            fdU[col] = uc + h;
            model.step(fdX, fdU, dt, fdPlus);
            fdU[col] = uc - h;
            model.step(fdX, fdU, dt, fdMinus);
            fdU[col] = uc;
            for (int r = 0; r < n; r++) {
                jb[r * M + col] = difference(r, fdPlus[r], fdMinus[r]) / (2 * h);
            }
        }
    }

    private static double difference(int row, double plus, double minus) {
        return row == TH ? Angles.wrap(plus - minus) : plus - minus;
    }
}
