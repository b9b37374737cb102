package org.foresight.mpc.ilqr;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;

/**
 * The nominal and trial trajectories of {@link IlqrPlanner}, which runs the iterations, and every rollout through
 * the model that fills them: the warm start's rollout, the cold pursuit guess, the forward pass of the line
 * search, the shifts of the warm start and the plan written from the nominal. Layout: state t at
 * [t·n, (t+1)·n) of {@link #xs}, control t at [t·M, (t+1)·M) of {@link #us} (M = 2: cmd_v [m/s], cmd_ω [rad/s]);
 * the trial pair has the same layout and {@link #swapTrial} exchanges the arrays, so read the fields anew after
 * it. Every rollout starts at the planner's start state x0. Sized in the constructor; allocation-free (a
 * model's own {@code step} aside); not thread-safe.
 */
final class IlqrTrajectories {
    /** Gain of the cold-start pursuit law ω = gain·(heading error) [1/s]. */
    private static final double PURSUIT_GAIN = 2.0;

    private static final int M = ControlIndex.DIM;
    private static final int V = ControlIndex.V;
    private static final int W = ControlIndex.OMEGA;
    private static final int X = StateIndex.X;
    private static final int Y = StateIndex.Y;
    private static final int TH = StateIndex.THETA;

    private final DynamicsModel model;
    private final IlqrConfig config;
    private final IlqrCost cost;
    /** Model state dimension n, augmented dimension n + 2 (the previous control), horizon T. */
    private final int n;
    private final int na;
    private final int horizon;
    /** Nominal states x_0..x_T and controls u_0..u_{T−1} (swapped with the trial pair by {@link #swapTrial}). */
    double[] xs;
    double[] us;
    /** Trial states and controls of the forward pass or the cold guess. */
    double[] xsTry;
    double[] usTry;
    /** The planner's start state (read) and the reference positions r_t of the cost (read). */
    private final double[] x0;
    private final double[] ref;
    // Model-call scratch.
    private final double[] stepX;
    private final double[] stepXNext;
    private final double[] stepU = new double[M];
    private final double[] dx;

    /**
     * @param model  the model rolled through.
     * @param config iLQR parameters (horizon, step, control box, reference speed).
     * @param cost   the cost (its reference is read by the cold guess; its total scores the forward pass).
     * @param x0     the planner's start state, read at every rollout.
     */
    IlqrTrajectories(DynamicsModel model, IlqrConfig config, IlqrCost cost, double[] x0) {
        this.model = model;
        this.config = config;
        this.cost = cost;
        this.n = model.stateDim();
        this.na = n + M;
        this.horizon = config.horizon();
        final int T = horizon;
        xs = new double[(T + 1) * n];
        xsTry = new double[(T + 1) * n];
        us = new double[T * M];
        usTry = new double[T * M];
        this.x0 = x0;
        this.ref = cost.ref;
        stepX = new double[n];
        stepXNext = new double[n];
        dx = new double[na];
    }

    /** Makes the trial pair the nominal one (and the old nominal the next trial's buffers). */
    void swapTrial() {
        double[] t = xs;
        xs = xsTry;
        xsTry = t;
        t = us;
        us = usTry;
        usTry = t;
    }

    /** The cold guess: a pursuit law toward the reference, rolled out through the model into the trial pair. */
    void coldGuess() {
        coldGuess(usTry, xsTry);
    }

    private void coldGuess(double[] u, double[] x) {
        final double dt = config.dt();
        final double vRef = config.referenceSpeed();
        System.arraycopy(x0, 0, x, 0, n);
        for (int t = 0; t < horizon; t++) {
            int o = t * n;
            double ex = ref[2 * t + 2] - x[o + X];
            double ey = ref[2 * t + 3] - x[o + Y];
            double err = ex * ex + ey * ey > 1e-12 ? Angles.wrap(Math.atan2(ey, ex) - x[o + TH]) : 0.0;
            double w = PURSUIT_GAIN * err;
            double v = Math.min(vRef, Math.sqrt(ex * ex + ey * ey) / dt) * Math.max(0.0, Math.cos(err));
            u[t * M + V] = clamp(v, config.minV(), config.maxV());
            u[t * M + W] = clamp(w, -config.maxOmega(), config.maxOmega());
            stepModel(x, o, u, t * M, x, o + n);
        }
    }

    /** The warm start: clamps the nominal controls into the box and rolls them out into the nominal states. */
    void clampAndRollOutNominal() {
        clampControls(us);
        rollout(us, xs);
    }

    /** x ← rollout of u from x0. */
    private void rollout(double[] u, double[] x) {
        System.arraycopy(x0, 0, x, 0, n);
        for (int t = 0; t < horizon; t++) {
            stepModel(x, t * n, u, t * M, x, (t + 1) * n);
        }
    }

    private void stepModel(double[] x, int ox, double[] u, int ou, double[] xNext, int oNext) {
        System.arraycopy(x, ox, stepX, 0, n);
        stepU[V] = u[ou + V];
        stepU[W] = u[ou + W];
        model.step(stepX, stepU, config.dt(), stepXNext);
        System.arraycopy(stepXNext, 0, xNext, oNext, n);
    }

    private void clampControls(double[] u) {
        for (int t = 0; t < horizon; t++) {
            u[t * M + V] = clamp(u[t * M + V], config.minV(), config.maxV());
            u[t * M + W] = clamp(u[t * M + W], -config.maxOmega(), config.maxOmega());
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /**
     * Rolls out û = clip(ū + αk + K δx̃) into the trial buffers; returns its cost (NaN if not finite).
     *
     * @param alpha    the line search's step α.
     * @param pass     the backward pass whose gains k ({@code kff}) and K ({@code kfb}) are applied.
     * @param lastCmdV the last command sent, u_{−1} of the rate cost [m/s].
     * @param lastCmdW its yaw rate [rad/s].
     */
    double forward(double alpha, BackwardPass pass, double lastCmdV, double lastCmdW) {
        final int a = na;
        final double[] kff = pass.kff;
        final double[] kfb = pass.kfb;
        System.arraycopy(x0, 0, xsTry, 0, n);
        for (int t = 0; t < horizon; t++) {
            final int ox = t * n;
            for (int i = 0; i < n; i++) {
                double d = xsTry[ox + i] - xs[ox + i];
                dx[i] = i == TH ? Angles.wrap(d) : d;
            }
            if (t == 0) {
                dx[n + V] = 0.0;
                dx[n + W] = 0.0;
            } else {
                dx[n + V] = usTry[(t - 1) * M + V] - us[(t - 1) * M + V];
                dx[n + W] = usTry[(t - 1) * M + W] - us[(t - 1) * M + W];
            }
            final int oK = t * M * a;
            double v = us[t * M + V] + alpha * kff[t * M + V];
            double w = us[t * M + W] + alpha * kff[t * M + W];
            for (int col = 0; col < a; col++) {
                v += kfb[oK + col] * dx[col];
                w += kfb[oK + a + col] * dx[col];
            }
            usTry[t * M + V] = clamp(v, config.minV(), config.maxV());
            usTry[t * M + W] = clamp(w, -config.maxOmega(), config.maxOmega());
            stepModel(xsTry, ox, usTry, t * M, xsTry, ox + n);
        }
        double j = cost.total(xsTry, usTry, lastCmdV, lastCmdW);
        return j - j == 0.0 ? j : Double.NaN;
    }

    /** Warm start after a plan: shift the nominal controls by one step, the last control repeated. */
    void shiftOne() {
        System.arraycopy(us, M, us, 0, (horizon - 1) * M);
    }

    /**
     * Shifts the nominal controls by k more steps so that u[0] is the control for now, repeating the last control
     * at the tail (as CEM's).
     *
     * @param k steps, in [1, horizon − 1].
     */
    void shift(int k) {
        System.arraycopy(us, k * M, us, 0, (horizon - k) * M);
        for (int t = horizon - k; t < horizon; t++) {
            us[t * M + V] = us[(horizon - k - 1) * M + V];
            us[t * M + W] = us[(horizon - k - 1) * M + W];
        }
    }

    /** Writes the nominal trajectory as the plan: its positions as the polyline, its controls as the sequence. */
    void writePlan(Plan out) {
        int T = Math.min(horizon, out.maxHorizon());
        for (int t = 0; t <= T; t++) {
            out.planXY[2 * t] = xs[t * n + X];
            out.planXY[2 * t + 1] = xs[t * n + Y];
        }
        System.arraycopy(us, 0, out.controls, 0, T * M);
        out.planLength = T + 1;
        out.controlLength = T;
    }
}
