package org.foresight.worldmodel.adapt;

import java.util.Arrays;
import java.util.Locale;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.PhysicsFeatures;
import org.foresight.worldmodel.model.PhysicsModel;
import org.foresight.worldmodel.model.PhysicsParams;

/**
 * Online adaptation of a {@link PhysicsModel}. Both stages are linear in their coefficients, so each output
 * has its own {@link Rls}, started at the offline fit:
 * <pre>
 *   stage 1   d_v ≈ a_vᵀ·φ₁(z; D_v),   d_ω ≈ a_ωᵀ·φ₁,ω(z; D_ω)
 *   stage 2   d_r ≈ a_rᵀ·φ₂(v, ω, v̂⁺, ω̂⁺)   r ∈ {forward, lateral, theta},  v̂⁺ = v + â_vᵀφ₁, ω̂⁺ = ω + â_ωᵀφ₁,ω
 * </pre>
 * (stage 2 reads the stage-1 prediction, as the offline fit does). The per-period change limits D_v and D_ω are
 * not linear in anything: a payload or a slippery floor changes the acceleration limit, which only they can
 * express. So stage 1 runs a bank of candidates per channel, the fitted level and the ladder
 * {@link #LEVELS_V} (m/s per period) or {@link #LEVELS_OMEGA} (rad/s per period) and +∞, each with its own RLS;
 * the snapshot uses the candidate with the smallest discounted a-priori error ({@link Rls#errorEnergy()}),
 * switching only when another is below {@link AdaptConfig#hysteresis()} times it. The other constants (command
 * clamps, track width, wheel limits, κ) stay as fitted.
 *
 * <p>Cost per {@link #observe}: (|bank_v| + |bank_ω|) stage-1 evaluations and 5-coefficient updates, three small
 * stage-2 updates and one snapshot (about 20 candidates, a few microseconds; see {@code AdaptUpdateBenchmark}).
 * Allocates only the snapshot.
 */
final class PhysicsAdapter implements OnlineAdapter {
    /** Ladder of candidate limits D_v on the change of v in one period [m/s] (0.5–64 m/s² at 50 ms). */
    static final double[] LEVELS_V = {0.025, 0.035, 0.05, 0.07, 0.1, 0.14, 0.2, 0.28, 0.4, 0.57, 0.8, 1.13, 1.6, 3.2};
    /** Ladder of candidate limits D_ω on the change of ω in one period [rad/s] (1–128 rad/s² at 50 ms). */
    static final double[] LEVELS_OMEGA = {0.05, 0.07, 0.1, 0.14, 0.2, 0.28, 0.4, 0.57, 0.8, 1.13, 1.6, 2.26, 3.2, 6.4};

    private final double dt;
    private final AdaptConfig config;
    private final PhysicsParams base;
    private final double[] levelV;
    private final double[] levelW;
    private final PhysicsParams[] paramsV;
    private final PhysicsParams[] paramsW;
    private final Rls[] rlsV;
    private final Rls[] rlsW;
    private final Rls forward;
    private final Rls lateral;
    private final Rls theta;
    private int selV;
    private int selW;
    private PhysicsParams params;
    private PhysicsModel current;
    private final double[] f = new double[Math.max(PhysicsFeatures.STAGE1, PhysicsFeatures.STAGE2)];
    private final double[] phi = new double[PhysicsFeatures.VELOCITY_FEATURES];
    private final double[] target = new double[BodyDelta.DIM];

    PhysicsAdapter(PhysicsModel model, AdaptConfig config) {
        this.dt = model.dt();
        this.config = config;
        this.base = model.params();
        this.levelV = ladder(base.dvLimit(), LEVELS_V);
        this.levelW = ladder(base.dOmegaLimit(), LEVELS_OMEGA);
        this.paramsV = new PhysicsParams[levelV.length];
        this.paramsW = new PhysicsParams[levelW.length];
        this.rlsV = new Rls[levelV.length];
        this.rlsW = new Rls[levelW.length];
        for (int i = 0; i < levelV.length; i++) {
            paramsV[i] = with(base, levelV[i], base.dOmegaLimit());
            rlsV[i] = new Rls(model.coefficients(BodyDelta.V), config.p0(), config.forgetting());
        }
        for (int i = 0; i < levelW.length; i++) {
            paramsW[i] = with(base, base.dvLimit(), levelW[i]);
            rlsW[i] = new Rls(model.coefficients(BodyDelta.OMEGA), config.p0(), config.forgetting());
        }
        forward = new Rls(model.coefficients(BodyDelta.FORWARD), config.p0(), config.forgetting());
        lateral = new Rls(model.coefficients(BodyDelta.LATERAL), config.p0(), config.forgetting());
        theta = new Rls(model.coefficients(BodyDelta.THETA), config.p0(), config.forgetting());
        selV = 0;
        selW = 0;
        params = base;
        current = model;
    }

    /** The fitted level first, then the ladder without it, then +∞ (unless fitted). */
    private static double[] ladder(double fitted, double[] levels) {
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

    private static PhysicsParams with(PhysicsParams p, double dv, double dw) {
        return new PhysicsParams(p.cmdVLimit(), p.cmdOmegaLimit(), dv, dw, p.trackWidth(), p.wheelLimit(),
                p.dWheelLimit(), p.yawLossGain());
    }

    @Override
    public void observe(double[] x, double[] u, double[] xNext) {
        if (!OnlineAdapter.usable(x, u, xNext)) {
            return;
        }
        OnlineAdapter.bodyChange(x, xNext, target);
        double v = x[StateIndex.V];
        double w = x[StateIndex.OMEGA];
        double cv = u[ControlIndex.V];
        double cw = u[ControlIndex.OMEGA];
        final int half = PhysicsFeatures.VELOCITY_FEATURES;
        for (int i = 0; i < rlsV.length; i++) {
            PhysicsFeatures.stage1(paramsV[i], v, w, cv, cw, f);
            rlsV[i].update(f, target[BodyDelta.V]);
        }
        for (int i = 0; i < rlsW.length; i++) {
            PhysicsFeatures.stage1(paramsW[i], v, w, cv, cw, f);
            System.arraycopy(f, half, phi, 0, half);
            rlsW[i].update(phi, target[BodyDelta.OMEGA]);
        }
        int newV = choose(rlsV, selV);
        int newW = choose(rlsW, selW);
        if (newV != selV || newW != selW) {
            selV = newV;
            selW = newW;
            params = with(base, levelV[selV], levelW[selW]);
        }
        // stage 2 from the stage-1 prediction of the candidates in use (after this update)
        PhysicsFeatures.stage1(params, v, w, cv, cw, f);
        double dv = rlsV[selV].predict(f);
        System.arraycopy(f, half, phi, 0, half);
        double dw = rlsW[selW].predict(phi);
        PhysicsFeatures.stage2(params, v, w, v + dv, w + dw, f);
        forward.update(f, target[BodyDelta.FORWARD]);
        System.arraycopy(f, PhysicsFeatures.FORWARD_FEATURES, phi, 0, PhysicsFeatures.LATERAL_FEATURES);
        lateral.update(phi, target[BodyDelta.LATERAL]);
        System.arraycopy(f, PhysicsFeatures.FORWARD_FEATURES + PhysicsFeatures.LATERAL_FEATURES, phi, 0,
                PhysicsFeatures.THETA_FEATURES);
        theta.update(phi, target[BodyDelta.THETA]);
        current = new PhysicsModel(dt, params, new double[][] {coef(forward), coef(lateral), coef(theta),
                coef(rlsV[selV]), coef(rlsW[selW])});
    }

    private int choose(Rls[] bank, int sel) {
        int best = sel;
        for (int i = 0; i < bank.length; i++) {
            if (bank[i].errorEnergy() < bank[best].errorEnergy()) {
                best = i;
            }
        }
        return bank[best].errorEnergy() < config.hysteresis() * bank[sel].errorEnergy() ? best : sel;
    }

    private static double[] coef(Rls r) {
        double[] c = new double[r.size()];
        r.coefficients(c);
        return c;
    }

    @Override
    public BodyFrameModel model() {
        return current;
    }

    @Override
    public String state() {
        return String.format(Locale.ROOT, "physics, D_v %s m/s, D_omega %s rad/s per period", fmt(levelV[selV]),
                fmt(levelW[selW]));
    }

    private static String fmt(double x) {
        return Double.isInfinite(x) ? "inf" : String.format(Locale.ROOT, "%.3g", x);
    }
}
