package org.foresight.worldmodel.adapt;

import java.util.List;
import java.util.Locale;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.features.Term;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.LinearFeatureModel;

/**
 * Online adaptation of a {@link LinearFeatureModel} ({@code linear}, {@code sparse}): one {@link Rls} per output
 * over that output's terms with a non-zero offline coefficient (a sparse fit keeps its pruned structure),
 * started at the offline coefficients:
 * <pre>
 *   d_r ≈ Σ_{j: w_rj ≠ 0} w_rj·φ_rj(v, ω, clamp(cmd_v, ±C_v), clamp(cmd_ω, ±C_ω))
 * </pre>
 * Saturation levels (knots) and input clamps stay as fitted. Phases as {@link AdaptConfig} describes: short memory
 * while absorbing, long memory once settled, and a restart of every estimator from the offline coefficients when
 * the {@link ChangeDetector} finds the a-priori errors of d_v or d_ω well above their long-run level. Allocates
 * only the snapshot.
 */
final class LinearAdapter implements OnlineAdapter {
    private final LinearFeatureModel base;
    private final FeatureLibrary library;
    private final double limitV;
    private final double limitOmega;
    private final Term[][] terms;
    private final int[][] index;
    private final Rls[] rls;
    private final double[] phi;
    private final double[] target = new double[BodyDelta.DIM];
    private final AdaptConfig config;
    private final AdaptSchedule schedule;
    private final double[] errors = new double[2];
    private LinearFeatureModel current;

    LinearAdapter(LinearFeatureModel model, AdaptConfig config) {
        this.base = model;
        this.library = model.library();
        this.limitV = library.commandLimit(Inputs.CMD_V);
        this.limitOmega = library.commandLimit(Inputs.CMD_OMEGA);
        this.terms = new Term[BodyDelta.DIM][];
        this.index = new int[BodyDelta.DIM][];
        this.rls = new Rls[BodyDelta.DIM];
        int widest = 1;
        for (int r = 0; r < BodyDelta.DIM; r++) {
            List<Term> all = library.terms(r);
            double[] c = model.coefficients(r);
            int nnz = 0;
            for (double w : c) {
                nnz += w != 0.0 ? 1 : 0;
            }
            terms[r] = new Term[nnz];
            index[r] = new int[nnz];
            double[] theta0 = new double[nnz];
            int k = 0;
            for (int j = 0; j < c.length; j++) {
                if (c[j] != 0.0) {
                    terms[r][k] = all.get(j);
                    index[r][k] = j;
                    theta0[k] = c[j];
                    k++;
                }
            }
            rls[r] = nnz == 0 ? null : new Rls(theta0, config.p0(), config.forgetting());
            widest = Math.max(widest, nnz);
        }
        this.phi = new double[widest];
        this.config = config;
        this.schedule = new AdaptSchedule(2, config);
        forgetting(schedule.initialForgetting());
        this.current = model;
    }

    @Override
    public void observe(double[] x, double[] u, double[] xNext) {
        if (!OnlineAdapter.usable(x, u, xNext)) {
            return;
        }
        OnlineAdapter.bodyChange(x, xNext, target);
        double v = x[StateIndex.V];
        double w = x[StateIndex.OMEGA];
        double cv = Math.max(-limitV, Math.min(limitV, u[ControlIndex.V]));
        double cw = Math.max(-limitOmega, Math.min(limitOmega, u[ControlIndex.OMEGA]));
        learn(v, w, cv, cw);
        int act = schedule.after(errors);
        if ((act & AdaptSchedule.RESTART) != 0) {
            for (Rls r : rls) {
                if (r != null) {
                    r.restart();
                }
            }
            forgetting(config.forgetting());
            learn(v, w, cv, cw); // the transition that revealed the change belongs to the changed robot
        }
        if ((act & AdaptSchedule.SETTLE) != 0) {
            forgetting(config.settledForgetting());
        }
        double[][] coefficients = new double[BodyDelta.DIM][];
        for (int r = 0; r < BodyDelta.DIM; r++) {
            coefficients[r] = base.coefficients(r);
            if (rls[r] == null) {
                continue;
            }
            for (int j = 0; j < terms[r].length; j++) {
                double c = rls[r].coefficient(j);
                // an exact zero would drop the term from the compiled program; keep the structure
                coefficients[r][index[r][j]] = c != 0.0 ? c : Double.MIN_NORMAL;
            }
        }
        current = new LinearFeatureModel(base.kind(), base.dt(), library, coefficients);
    }

    /** Updates every output's estimator on the transition in {@link #target}; a-priori errors of d_v, d_ω to errors. */
    private void learn(double v, double w, double cv, double cw) {
        errors[0] = 0.0;
        errors[1] = 0.0;
        for (int r = 0; r < BodyDelta.DIM; r++) {
            if (rls[r] == null) {
                continue;
            }
            Term[] t = terms[r];
            for (int j = 0; j < t.length; j++) {
                phi[j] = t[j].value(v, w, cv, cw);
            }
            double e = rls[r].update(phi, target[r]);
            if (r == BodyDelta.V) {
                errors[0] = e;
            } else if (r == BodyDelta.OMEGA) {
                errors[1] = e;
            }
        }
    }

    private void forgetting(double lambda) {
        for (Rls r : rls) {
            if (r != null) {
                r.forgetting(lambda);
            }
        }
    }

    @Override
    public BodyFrameModel model() {
        return current;
    }

    @Override
    public String state() {
        return String.format(Locale.ROOT, "%s, %d coefficients adapted; %s, %d change(s) detected", base.kind(),
                current.nonZeroCount(), schedule.settled() ? "settled" : "absorbing", schedule.restarts());
    }
}
