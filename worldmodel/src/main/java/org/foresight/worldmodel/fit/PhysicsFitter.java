package org.foresight.worldmodel.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.EpisodeSplit;
import org.foresight.worldmodel.data.Transitions;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.PhysicsFeatures;
import org.foresight.worldmodel.model.PhysicsModel;
import org.foresight.worldmodel.model.PhysicsParams;

/**
 * Fits a {@link PhysicsModel}: the structural constants by validation, the coefficients by ridge.
 *
 * <p><b>Constants.</b> The training episodes are split once more by episode ({@value #INNER_HOLDOUT} held
 * out, seeded). Each of {@value #SWEEPS} sweeps first searches the track width and the wheel change limit
 * jointly on a grid, then walks the seven stage-1 constants (command clamps, per-period change limits,
 * track width, wheel-speed limit, wheel change limit) one at a time, each over a grid spanning what the
 * data shows (+∞ meaning no clamp) refined {@value #REFINE_ROUNDS} times around its best point, keeping
 * the value with the least validation error
 * <pre>
 *   E = Σ_{r ∈ {v, ω}} ‖d_r − Φ_r·w_r‖² / ‖d_r − mean(d_r)‖²     (one-step, on the inner held-out episodes)
 * </pre>
 * with w_r fitted by ridge on the inner training episodes at each candidate. Then the yaw-loss gain κ is
 * chosen the same way on d_theta with the stage-2 features built from the stage-1 predictions.
 *
 * <p><b>Coefficients.</b> With the constants fixed, stage 1 is fitted on all training pairs, its
 * predictions v⁺ = v + d̂_v, ω⁺ = ω + d̂_ω (not the measured next values, so the fit sees what the model
 * will see when it runs) build the stage-2 columns, and stage 2 is fitted. Deterministic for a seed.
 */
public final class PhysicsFitter {
    /** Fraction of the training episodes held out for the choice of constants. */
    public static final double INNER_HOLDOUT = 0.25;
    /** Points of each geometric grid (before +∞ is added). */
    public static final int GRID_POINTS = 10;
    /** Rounds of refinement of each coordinate around its best grid point. */
    public static final int REFINE_ROUNDS = 2;
    /** Points per refinement round. */
    public static final int REFINE_POINTS = 5;
    /** Sweeps of the coordinate search over the stage-1 constants. */
    public static final int SWEEPS = 3;
    /** Candidate yaw-loss gains κ [s/rad]. */
    static final double[] YAW_LOSS_GRID = {0.0, 0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3, 0.5};

    private static final int TRACK = 4;
    private static final int DWHEEL = 6;

    private PhysicsFitter() {
    }

    /**
     * The model and the validation scores behind the constants.
     *
     * @param model   the fitted model.
     * @param details constants chosen and their inner-validation error (for provenance).
     */
    public record Result(PhysicsModel model, Map<String, Object> details) {
    }

    /**
     * Fits.
     *
     * @param train  training episodes (all at one dt; never the held-out ones).
     * @param lambda relative ridge weight, see {@link RidgeRegression}.
     * @param seed   seed of the inner split.
     * @return the model and details.
     */
    public static Result fit(List<Episode> train, double lambda, long seed) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training episodes");
        }
        List<Episode> innerTrain = train;
        List<Episode> innerVal = train;
        if (train.size() >= 2) {
            EpisodeSplit s = EpisodeSplit.split(train, INNER_HOLDOUT, seed);
            innerTrain = s.train();
            innerVal = s.validation();
        }
        Pairs fitSet = new Pairs(new Transitions(innerTrain));
        Pairs valSet = new Pairs(new Transitions(innerVal));
        double[] p = PhysicsParams.unclamped().toArray();
        double best = stage1Error(PhysicsParams.fromArray(p), fitSet, valSet, lambda);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            // track width and wheel change limit jointly: with the wheel clamps off, B cancels out of the
            // features, so a one-at-a-time search stalls wherever it first met them
            for (double b : grid(TRACK, p, fitSet)) {
                double[] atB = p.clone();
                atB[TRACK] = b;
                for (double dw : grid(DWHEEL, atB, fitSet)) {
                    double[] trial = atB.clone();
                    trial[DWHEEL] = dw;
                    double e = stage1Error(PhysicsParams.fromArray(trial), fitSet, valSet, lambda);
                    if (e < best) {
                        best = e;
                        p = trial;
                    }
                }
            }
            for (int i = 0; i < 7; i++) {
                List<Double> g = grid(i, p, fitSet);
                for (int round = 0; round <= REFINE_ROUNDS; round++) {
                    double before = p[i];
                    for (double candidate : g) {
                        double[] trial = p.clone();
                        trial[i] = candidate;
                        double e = stage1Error(PhysicsParams.fromArray(trial), fitSet, valSet, lambda);
                        if (e < best) {
                            best = e;
                            p = trial;
                        }
                    }
                    g = refine(g, p[i]);
                    if (g.isEmpty() || (round > 0 && before == p[i])) {
                        break;
                    }
                }
            }
        }
        double bestTheta = Double.POSITIVE_INFINITY;
        for (double k : YAW_LOSS_GRID) {
            double[] trial = p.clone();
            trial[7] = k;
            double e = thetaError(PhysicsParams.fromArray(trial), fitSet, valSet, lambda);
            if (e < bestTheta) {
                bestTheta = e;
                p = trial;
            }
        }
        PhysicsParams chosen = PhysicsParams.fromArray(p);
        Pairs all = new Pairs(new Transitions(train));
        PhysicsModel model = new PhysicsModel(train.get(0).dt(), chosen, fitCoefficients(chosen, all, lambda));
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> constants = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            constants.put(PhysicsParams.NAMES.get(i), Double.isInfinite(p[i]) ? "inf" : p[i]);
        }
        details.put("constants", constants);
        details.put("inner_validation_velocity_error", best);
        details.put("inner_validation_theta_error", bestTheta);
        details.put("lambda", lambda);
        return new Result(model, details);
    }

    /**
     * Fits the coefficients only, at given constants (no search).
     *
     * @param train  training episodes (all at one dt).
     * @param params the constants.
     * @param lambda relative ridge weight.
     * @return the model.
     */
    public static PhysicsModel fitAt(List<Episode> train, PhysicsParams params, double lambda) {
        return new PhysicsModel(train.get(0).dt(), params, fitCoefficients(params, new Pairs(new Transitions(train)), lambda));
    }

    /**
     * Ridge coefficients of every output at fixed constants, stage 1 then stage 2 on stage 1's predictions.
     *
     * @param params constants.
     * @param data   training pairs.
     * @param lambda relative ridge weight.
     * @return coefficients per output in {@link BodyDelta} order.
     */
    static double[][] fitCoefficients(PhysicsParams params, Pairs data, double lambda) {
        double[][] c1 = stage1Columns(params, data);
        double[][] coef = new double[BodyDelta.DIM][];
        coef[BodyDelta.V] = RidgeRegression.fit(Arrays.copyOfRange(c1, 0, 5), data.d[BodyDelta.V], lambda);
        coef[BodyDelta.OMEGA] = RidgeRegression.fit(Arrays.copyOfRange(c1, 5, 10), data.d[BodyDelta.OMEGA], lambda);
        double[][] c2 = stage2Columns(params, data, c1, coef[BodyDelta.V], coef[BodyDelta.OMEGA]);
        coef[BodyDelta.FORWARD] = RidgeRegression.fit(Arrays.copyOfRange(c2, 0, 4), data.d[BodyDelta.FORWARD], lambda);
        coef[BodyDelta.LATERAL] = RidgeRegression.fit(Arrays.copyOfRange(c2, 4, 6), data.d[BodyDelta.LATERAL], lambda);
        coef[BodyDelta.THETA] = RidgeRegression.fit(Arrays.copyOfRange(c2, 6, 10), data.d[BodyDelta.THETA], lambda);
        return coef;
    }

    private static double stage1Error(PhysicsParams params, Pairs fit, Pairs val, double lambda) {
        double[][] cf = stage1Columns(params, fit);
        double[][] cv = stage1Columns(params, val);
        double e = 0;
        for (int o = 0; o < 2; o++) {
            int r = o == 0 ? BodyDelta.V : BodyDelta.OMEGA;
            double[] w = RidgeRegression.fit(Arrays.copyOfRange(cf, 5 * o, 5 * o + 5), fit.d[r], lambda);
            e += relativeError(Arrays.copyOfRange(cv, 5 * o, 5 * o + 5), w, val.d[r]);
        }
        return e;
    }

    private static double thetaError(PhysicsParams params, Pairs fit, Pairs val, double lambda) {
        double[][] coef = fitCoefficients(params, fit, lambda);
        double[][] c1 = stage1Columns(params, val);
        double[][] c2 = stage2Columns(params, val, c1, coef[BodyDelta.V], coef[BodyDelta.OMEGA]);
        return relativeError(Arrays.copyOfRange(c2, 6, 10), coef[BodyDelta.THETA], val.d[BodyDelta.THETA]);
    }

    /** ‖y − Φw‖² / ‖y − mean(y)‖² (1 for a constant target). */
    private static double relativeError(double[][] cols, double[] w, double[] y) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            double pred = 0;
            for (int j = 0; j < w.length; j++) {
                pred += w[j] * cols[j][i];
            }
            sse += (y[i] - pred) * (y[i] - pred);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return sst > 0 ? sse / sst : 1.0;
    }

    private static double[][] stage1Columns(PhysicsParams params, Pairs data) {
        double[][] cols = new double[PhysicsFeatures.STAGE1][data.n];
        double[] f = new double[PhysicsFeatures.STAGE1];
        for (int i = 0; i < data.n; i++) {
            PhysicsFeatures.stage1(params, data.v[i], data.w[i], data.cv[i], data.cw[i], f);
            for (int j = 0; j < f.length; j++) {
                cols[j][i] = f[j];
            }
        }
        return cols;
    }

    private static double[][] stage2Columns(PhysicsParams params, Pairs data, double[][] c1, double[] av, double[] aw) {
        double[][] cols = new double[PhysicsFeatures.STAGE2][data.n];
        double[] f = new double[PhysicsFeatures.STAGE2];
        for (int i = 0; i < data.n; i++) {
            double dv = 0;
            double dw = 0;
            for (int j = 0; j < 5; j++) {
                dv += av[j] * c1[j][i];
                dw += aw[j] * c1[5 + j][i];
            }
            PhysicsFeatures.stage2(params, data.v[i], data.w[i], data.v[i] + dv, data.w[i] + dw, f);
            for (int j = 0; j < f.length; j++) {
                cols[j][i] = f[j];
            }
        }
        return cols;
    }

    /**
     * Candidates of constant i given the others: command clamps between the median and the largest
     * |command|; change limits between 1/20 of the 99.5th percentile of the distance to the target and that
     * percentile; track width 0.1 … 2 m; wheel limit between the median |cmd_v| and the largest wheel target.
     * Every limit grid ends with +∞ (no clamp).
     */
    private static List<Double> grid(int i, double[] p, Pairs d) {
        double h = 0.5 * p[4];
        double[] a = new double[d.n];
        switch (i) {
            case 0, 1 -> {
                double[] c = i == 0 ? d.cv : d.cw;
                for (int k = 0; k < d.n; k++) {
                    a[k] = Math.abs(c[k]);
                }
                return withInf(geometric(percentile(a, 0.5), percentile(a, 1.0)));
            }
            case 2, 3 -> {
                PhysicsParams pp = PhysicsParams.fromArray(p);
                double[] f = new double[PhysicsFeatures.STAGE1];
                for (int k = 0; k < d.n; k++) {
                    PhysicsFeatures.stage1(pp, d.v[k], d.w[k], d.cv[k], d.cw[k], f);
                    a[k] = Math.abs(i == 2 ? f[0] : f[5]);
                }
                double top = percentile(a, 0.995);
                return withInf(geometric(top / 20, top));
            }
            case 4 -> {
                return geometric(0.1, 2.0);
            }
            case 5 -> {
                double[] b = new double[d.n];
                for (int k = 0; k < d.n; k++) {
                    a[k] = Math.abs(d.cv[k]);
                    b[k] = Math.max(Math.abs(d.cv[k] + h * d.cw[k]), Math.abs(d.cv[k] - h * d.cw[k]));
                }
                return withInf(geometric(percentile(a, 0.5), percentile(b, 1.0)));
            }
            default -> {
                for (int k = 0; k < d.n; k++) {
                    double wr = Math.max(-p[5], Math.min(p[5], d.cv[k] + h * d.cw[k])) - (d.v[k] + h * d.w[k]);
                    a[k] = Math.abs(wr);
                }
                double top = percentile(a, 0.995);
                return withInf(geometric(top / 20, top));
            }
        }
    }

    private static List<Double> geometric(double lo, double hi) {
        List<Double> g = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo)) {
            if (hi > 0) {
                g.add(hi);
            }
            return g;
        }
        for (int k = 0; k < GRID_POINTS; k++) {
            g.add(lo * Math.pow(hi / lo, k / (double) (GRID_POINTS - 1)));
        }
        return g;
    }

    /**
     * A finer geometric grid strictly between the finite neighbours of {@code best} in {@code g}; empty when
     * best is +∞ or not in g.
     */
    private static List<Double> refine(List<Double> g, double best) {
        List<Double> finite = new ArrayList<>();
        for (double x : g) {
            if (Double.isFinite(x)) {
                finite.add(x);
            }
        }
        java.util.Collections.sort(finite);
        int i = finite.indexOf(best);
        List<Double> out = new ArrayList<>();
        if (i < 0) {
            return out;
        }
        double lo = i > 0 ? finite.get(i - 1) : best / 1.5;
        double hi = i + 1 < finite.size() ? finite.get(i + 1) : best * 1.5;
        for (int k = 1; k <= REFINE_POINTS; k++) {
            out.add(lo * Math.pow(hi / lo, k / (double) (REFINE_POINTS + 1)));
        }
        out.add(best);
        return out;
    }

    private static List<Double> withInf(List<Double> g) {
        g.add(Double.POSITIVE_INFINITY);
        return g;
    }

    private static double percentile(double[] a, double q) {
        double[] s = a.clone();
        Arrays.sort(s);
        int idx = (int) Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))));
        return s[idx];
    }

    /** One-step pairs as plain arrays: inputs v, ω, cmd_v, cmd_ω and the five body-frame targets. */
    static final class Pairs {
        final int n;
        final double[] v;
        final double[] w;
        final double[] cv;
        final double[] cw;
        final double[][] d;

        Pairs(Transitions t) {
            n = t.size();
            v = t.input(Inputs.V);
            w = t.input(Inputs.OMEGA);
            cv = t.input(Inputs.CMD_V);
            cw = t.input(Inputs.CMD_OMEGA);
            d = new double[BodyDelta.DIM][];
            for (int r = 0; r < BodyDelta.DIM; r++) {
                d[r] = t.target(r);
            }
        }
    }
}
