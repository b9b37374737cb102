package org.foresight.worldmodel.adapt;

import java.util.Arrays;
import java.util.Locale;

import org.foresight.worldmodel.model.PhysicsFeatures;
import org.foresight.worldmodel.model.PhysicsParams;

/**
 * The candidate structural constants of a {@link org.foresight.worldmodel.model.PhysicsModel}'s stage 1 for {@link PhysicsAdapter}, each with its
 * own {@link Rls} on the output it feeds. The clamps of stage 1 are not linear in anything, and a payload or a
 * slippery floor moves them (an offline fit of the changed robot does), so the adapter tries a grid:
 * <pre>
 *   d_v:  D_w ∈ {@link #LEVELS_WHEEL} × C_v ∈ {@link #CLAMPS_V} × D_v ∈ {@link #LEVELS_V}
 *   d_ω:  D_w ∈ {@link #LEVELS_WHEEL} × C_ω ∈ {@link #CLAMPS_OMEGA} × D_ω ∈ {@link #LEVELS_OMEGA}
 * </pre>
 * every ladder with the fitted level first and +∞ last. The wheel-change limit D_w enters both outputs, so the
 * candidates form one group per D_w level. Choice, by the discounted a-priori errors
 * E ← {@link #SELECTION_DISCOUNT}·E + e²:
 * within each group the best candidate per output; the group whose best pair has the smallest E_v·E_ω (the
 * product does not depend on the outputs' units) replaces the group in use when that product is below
 * {@link AdaptConfig#hysteresis()} times the one in use; within the group in use, each output's best replaces
 * its candidate under the same hysteresis. Track width, wheel-speed limit and κ stay as fitted.
 *
 * <p>Not thread-safe. Allocation-free per update except a new {@link PhysicsParams} when the choice changes.
 */
final class StageOneBank {
    /** Candidate limits D_v on the change of v in one period [m/s] (0.5–64 m/s² at 50 ms). */
    static final double[] LEVELS_V = {0.025, 0.035, 0.05, 0.07, 0.1, 0.14, 0.2, 0.28, 0.4, 0.57, 0.8, 1.13, 1.6, 3.2};
    /** Candidate limits D_ω on the change of ω in one period [rad/s] (1–128 rad/s² at 50 ms). */
    static final double[] LEVELS_OMEGA = {0.05, 0.07, 0.1, 0.14, 0.2, 0.28, 0.4, 0.57, 0.8, 1.13, 1.6, 2.26, 3.2, 6.4};
    /** Candidate limits D_w on the change of a wheel speed in one period [m/s]. */
    static final double[] LEVELS_WHEEL = {0.1, 0.2, 0.4, 0.8};
    /** Candidate command clamps C_v [m/s]. */
    static final double[] CLAMPS_V = {1.0, 1.5, 2.0};
    /** Candidate command clamps C_ω [rad/s]. */
    static final double[] CLAMPS_OMEGA = {2.0, 3.0, 4.0};

    /**
     * Discount per period of the a-priori errors that choose among candidates (memory about 20 periods, 1 s at
     * 50 ms), independent of the estimators' forgetting: long enough that noise does not switch the choice, short
     * enough that the errors of the first periods after a restart (all candidates still near the offline fit) do
     * not decide it. Tried on {@code AdaptationRecoveryTest}: 0.9 (ω 1.27× the offline fit), 0.95 (1.14×), 0.97
     * (1.13×), 0.99 (1.68×).
     */
    static final double SELECTION_DISCOUNT = 0.95;

    private static final int HALF = PhysicsFeatures.VELOCITY_FEATURES;

    private final AdaptConfig config;
    private final PhysicsParams base;
    private final double[] wheel;
    private final double[] clampV;
    private final double[] clampW;
    private final double[] levelV;
    private final double[] levelW;
    private final int perGroupV;
    private final int perGroupW;
    private final PhysicsParams[] paramsV;
    private final PhysicsParams[] paramsW;
    private final Rls[] rlsV;
    private final Rls[] rlsW;
    private final double[] energyV;
    private final double[] energyW;
    private final double discount;
    private final int[] bestV;
    private final int[] bestW;
    private final double[] f = new double[PhysicsFeatures.STAGE1];
    private final double[] phi = new double[HALF];
    private int group;
    private int selV;
    private int selW;
    private PhysicsParams params;

    /**
     * @param base   the offline fit's constants.
     * @param coefV  the offline coefficients of d_v (every candidate starts there). Not modified.
     * @param coefW  those of d_ω. Not modified.
     * @param config the settings (p₀, λ while absorbing, hysteresis).
     */
    StageOneBank(PhysicsParams base, double[] coefV, double[] coefW, AdaptConfig config) {
        this.config = config;
        this.base = base;
        this.wheel = ladder(base.dWheelLimit(), LEVELS_WHEEL);
        this.clampV = ladder(base.cmdVLimit(), CLAMPS_V);
        this.clampW = ladder(base.cmdOmegaLimit(), CLAMPS_OMEGA);
        this.levelV = ladder(base.dvLimit(), LEVELS_V);
        this.levelW = ladder(base.dOmegaLimit(), LEVELS_OMEGA);
        this.perGroupV = clampV.length * levelV.length;
        this.perGroupW = clampW.length * levelW.length;
        this.paramsV = new PhysicsParams[wheel.length * perGroupV];
        this.paramsW = new PhysicsParams[wheel.length * perGroupW];
        this.rlsV = new Rls[paramsV.length];
        this.rlsW = new Rls[paramsW.length];
        for (int g = 0; g < wheel.length; g++) {
            for (int j = 0; j < perGroupV; j++) {
                int k = g * perGroupV + j;
                paramsV[k] = with(clampV[j / levelV.length], base.cmdOmegaLimit(), levelV[j % levelV.length],
                        base.dOmegaLimit(), wheel[g]);
                rlsV[k] = new Rls(coefV, config.p0(), config.forgetting());
            }
            for (int j = 0; j < perGroupW; j++) {
                int k = g * perGroupW + j;
                paramsW[k] = with(base.cmdVLimit(), clampW[j / levelW.length], base.dvLimit(),
                        levelW[j % levelW.length], wheel[g]);
                rlsW[k] = new Rls(coefW, config.p0(), config.forgetting());
            }
        }
        this.energyV = new double[rlsV.length];
        this.energyW = new double[rlsW.length];
        this.discount = SELECTION_DISCOUNT;
        this.bestV = new int[wheel.length];
        this.bestW = new int[wheel.length];
        this.params = base;
    }

    /** The fitted level first, then the ladder without it, then +∞ (unless fitted). */
    static double[] ladder(double fitted, double[] levels) {
        double[] out = new double[levels.length + 2];
        int n = 0;
        out[n++] = fitted;
        for (double l : levels) {
            if (l != fitted) {
                out[n++] = l;
            }
        }
        if (fitted != Double.POSITIVE_INFINITY) {
            out[n++] = Double.POSITIVE_INFINITY;
        }
        return Arrays.copyOf(out, n);
    }

    private PhysicsParams with(double cv, double cw, double dv, double dw, double dWheel) {
        return new PhysicsParams(cv, cw, dv, dw, base.trackWidth(), base.wheelLimit(), dWheel, base.yawLossGain());
    }

    /** @return the number of candidates (both outputs). */
    int size() {
        return rlsV.length + rlsW.length;
    }

    /**
     * One transition: every candidate updates on it, then the choice is made.
     *
     * @param v      forward speed at the start [m/s].
     * @param w      yaw rate at the start [rad/s].
     * @param cv     commanded forward speed [m/s].
     * @param cw     commanded yaw rate [rad/s].
     * @param yv     measured d_v [m/s].
     * @param yw     measured d_ω [rad/s].
     * @param errors (Output) length ≥ 2: the a-priori errors of d_v and d_ω of the candidates in use before this
     *               update (those of the last snapshot). Modified.
     */
    void update(double v, double w, double cv, double cw, double yv, double yw, double[] errors) {
        int inUseV = group * perGroupV + selV;
        int inUseW = group * perGroupW + selW;
        for (int k = 0; k < rlsV.length; k++) {
            PhysicsFeatures.stage1(paramsV[k], v, w, cv, cw, f);
            double e = rlsV[k].update(f, yv);
            energyV[k] = discount * energyV[k] + e * e;
            if (k == inUseV) {
                errors[0] = e;
            }
        }
        for (int k = 0; k < rlsW.length; k++) {
            PhysicsFeatures.stage1(paramsW[k], v, w, cv, cw, f);
            System.arraycopy(f, HALF, phi, 0, HALF);
            double e = rlsW[k].update(phi, yw);
            energyW[k] = discount * energyW[k] + e * e;
            if (k == inUseW) {
                errors[1] = e;
            }
        }
        choose();
    }

    private void choose() {
        double h = config.hysteresis();
        int bestGroup = group;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int g = 0; g < wheel.length; g++) {
            bestV[g] = argmin(energyV, g * perGroupV, perGroupV);
            bestW[g] = argmin(energyW, g * perGroupW, perGroupW);
            double score = energyV(g, bestV[g]) * energyW(g, bestW[g]);
            if (score < bestScore) {
                bestScore = score;
                bestGroup = g;
            }
        }
        int g0 = group;
        int v0 = selV;
        int w0 = selW;
        if (bestGroup != group && bestScore < h * energyV(group, selV) * energyW(group, selW)) {
            group = bestGroup;
            selV = bestV[group];
            selW = bestW[group];
        } else {
            if (energyV(group, bestV[group]) < h * energyV(group, selV)) {
                selV = bestV[group];
            }
            if (energyW(group, bestW[group]) < h * energyW(group, selW)) {
                selW = bestW[group];
            }
        }
        if (group != g0 || selV != v0 || selW != w0) {
            PhysicsParams pv = paramsV[group * perGroupV + selV];
            PhysicsParams pw = paramsW[group * perGroupW + selW];
            params = with(pv.cmdVLimit(), pw.cmdOmegaLimit(), pv.dvLimit(), pw.dOmegaLimit(), wheel[group]);
        }
    }

    private double energyV(int g, int j) {
        return energyV[g * perGroupV + j];
    }

    private double energyW(int g, int j) {
        return energyW[g * perGroupW + j];
    }

    /** Index within [from, from + n) of the smallest error energy, the first on ties, relative to from. */
    private static int argmin(double[] energy, int from, int n) {
        int best = 0;
        double e = energy[from];
        for (int j = 1; j < n; j++) {
            double ej = energy[from + j];
            if (ej < e) {
                e = ej;
                best = j;
            }
        }
        return best;
    }

    /** Every candidate forgets all samples ({@link Rls#restart()}); the choice returns to the offline constants. */
    void restart() {
        for (Rls r : rlsV) {
            r.restart();
        }
        for (Rls r : rlsW) {
            r.restart();
        }
        Arrays.fill(energyV, 0.0);
        Arrays.fill(energyW, 0.0);
        group = 0;
        selV = 0;
        selW = 0;
        params = base;
    }

    /** @param lambda the forgetting factor of every candidate from now on. */
    void forgetting(double lambda) {
        for (Rls r : rlsV) {
            r.forgetting(lambda);
        }
        for (Rls r : rlsW) {
            r.forgetting(lambda);
        }
    }

    /** @return the constants chosen (the snapshot's). */
    PhysicsParams params() {
        return params;
    }

    /** @return the d_v estimator in use. */
    Rls inUseV() {
        return rlsV[group * perGroupV + selV];
    }

    /** @return the d_ω estimator in use. */
    Rls inUseW() {
        return rlsW[group * perGroupW + selW];
    }

    /** @return the chosen clamps, for logs. */
    String describe() {
        return String.format(Locale.ROOT, "C_v %s, D_v %s m/s, C_omega %s, D_omega %s rad/s, D_w %s m/s per period",
                fmt(params.cmdVLimit()), fmt(params.dvLimit()), fmt(params.cmdOmegaLimit()), fmt(params.dOmegaLimit()),
                fmt(params.dWheelLimit()));
    }

    private static String fmt(double x) {
        return Double.isInfinite(x) ? "inf" : String.format(Locale.ROOT, "%.3g", x);
    }
}
