package org.foresight.worldmodel.adapt;

import java.util.Locale;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.PhysicsFeatures;
import org.foresight.worldmodel.model.PhysicsModel;

/**
 * Online adaptation of a {@link PhysicsModel}. Both stages are linear in their coefficients, so each output
 * has its own {@link Rls}, started at the offline fit:
 * <pre>
 *   stage 1   d_v ≈ a_vᵀ·φ₁(z; C_v, D_v, D_w),   d_ω ≈ a_ωᵀ·φ₁,ω(z; C_ω, D_ω, D_w)
 *   stage 2   d_r ≈ a_rᵀ·φ₂(v, ω, v̂⁺, ω̂⁺)   r ∈ {forward, lateral, theta},  v̂⁺ = v + â_vᵀφ₁, ω̂⁺ = ω + â_ωᵀφ₁,ω
 * </pre>
 * (stage 2 reads the stage-1 prediction, as the offline fit does). The clamps of stage 1 are not linear in
 * anything; a payload or a slippery floor moves them, so stage 1 is a bank of candidate clamps, each with its
 * own RLS ({@link StageOneBank}).
 *
 * <p>Phases ({@link AdaptConfig}, {@link AdaptSchedule}): short memory while absorbing, long memory once settled,
 * and when the {@link ChangeDetector} finds the a-priori errors of d_v or d_ω well above their long-run level,
 * every estimator restarts from the offline fit with a fresh covariance and learns again from the transition
 * that revealed the change on.
 *
 * <p>Cost per {@link #observe}: one stage-1 evaluation and a 5-coefficient update per candidate (a few hundred;
 * see {@code AdaptUpdateBenchmark}), three small stage-2 updates and one snapshot. Allocates only the snapshot.
 */
final class PhysicsAdapter implements OnlineAdapter {
    private final double dt;
    private final AdaptConfig config;
    private final StageOneBank bank;
    private final Rls forward;
    private final Rls lateral;
    private final Rls theta;
    private final AdaptSchedule schedule;
    private PhysicsModel current;
    private final double[] f = new double[Math.max(PhysicsFeatures.STAGE1, PhysicsFeatures.STAGE2)];
    private final double[] phi = new double[PhysicsFeatures.VELOCITY_FEATURES];
    private final double[] target = new double[BodyDelta.DIM];
    private final double[] errors = new double[2];

    PhysicsAdapter(PhysicsModel model, AdaptConfig config) {
        this.dt = model.dt();
        this.config = config;
        this.schedule = new AdaptSchedule(2, config);
        this.bank = new StageOneBank(model.params(), model.coefficients(BodyDelta.V),
                model.coefficients(BodyDelta.OMEGA), config);
        forward = new Rls(model.coefficients(BodyDelta.FORWARD), config.p0(), config.forgetting());
        lateral = new Rls(model.coefficients(BodyDelta.LATERAL), config.p0(), config.forgetting());
        theta = new Rls(model.coefficients(BodyDelta.THETA), config.p0(), config.forgetting());
        forgetting(schedule.initialForgetting());
        current = model;
    }

    @Override
    public void observe(double[] x, double[] u, double[] xNext) {
        if (!OnlineAdapter.usable(x, u, xNext)) {
            return;
        }
        OnlineAdapter.bodyChange(x, xNext, target);
        learn(x, u);
        int act = schedule.after(errors);
        if ((act & AdaptSchedule.RESTART) != 0) {
            bank.restart();
            forward.restart();
            lateral.restart();
            theta.restart();
            forgetting(config.forgetting());
            learn(x, u); // the transition that revealed the change belongs to the changed robot
        }
        if ((act & AdaptSchedule.SETTLE) != 0) {
            forgetting(config.settledForgetting());
        }
        current = new PhysicsModel(dt, bank.params(), new double[][] {coef(forward), coef(lateral), coef(theta),
                coef(bank.inUseV()), coef(bank.inUseW())});
    }

    /** Updates every estimator on the transition in {@link #target}; leaves the a-priori errors in {@link #errors}. */
    private void learn(double[] x, double[] u) {
        double v = x[StateIndex.V];
        double w = x[StateIndex.OMEGA];
        double cv = u[ControlIndex.V];
        double cw = u[ControlIndex.OMEGA];
        bank.update(v, w, cv, cw, target[BodyDelta.V], target[BodyDelta.OMEGA], errors);
        // stage 2 from the stage-1 prediction of the candidates in use (after this update)
        final int half = PhysicsFeatures.VELOCITY_FEATURES;
        PhysicsFeatures.stage1(bank.params(), v, w, cv, cw, f);
        double dv = bank.inUseV().predict(f);
        System.arraycopy(f, half, phi, 0, half);
        double dw = bank.inUseW().predict(phi);
        PhysicsFeatures.stage2(bank.params(), v, w, v + dv, w + dw, f);
        forward.update(f, target[BodyDelta.FORWARD]);
        System.arraycopy(f, PhysicsFeatures.FORWARD_FEATURES, phi, 0, PhysicsFeatures.LATERAL_FEATURES);
        lateral.update(phi, target[BodyDelta.LATERAL]);
        System.arraycopy(f, PhysicsFeatures.FORWARD_FEATURES + PhysicsFeatures.LATERAL_FEATURES, phi, 0,
                PhysicsFeatures.THETA_FEATURES);
        theta.update(phi, target[BodyDelta.THETA]);
    }

    private void forgetting(double lambda) {
        bank.forgetting(lambda);
        forward.forgetting(lambda);
        lateral.forgetting(lambda);
        theta.forgetting(lambda);
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
        return String.format(Locale.ROOT, "physics, %s; %s, %d change(s) detected", bank.describe(),
                schedule.settled() ? "settled" : "absorbing", schedule.restarts());
    }
}
