package org.foresight.worldmodel.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.Transitions;
import org.foresight.worldmodel.features.Atom;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.features.Term;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.LinearFeatureModel;

/**
 * Fits {@link LinearFeatureModel}s: ridge over the whole library ("linear") or STLSQ ("sparse").
 *
 * <p><b>Saturation levels.</b> The "auto" levels of a library are chosen from the data by one-step residual
 * (a one-dimensional, well-posed choice per level; the coefficients are then linear), see
 * {@link #resolveKnots}: first the input clamp (the robot's command limits, searched between the median and
 * the largest |command|, the top meaning no clamp), then each output's {@code sat(dv,auto)},
 * {@code sat(domega,auto)} between 1/20 of the 99.5th percentile of |cmd − measured| and that percentile.
 * Each search is a geometric grid of {@value #KNOT_CANDIDATES} levels refined twice around the best.
 */
public final class LinearFitter {
    /** Number of geometric grid points of each level search. */
    public static final int KNOT_CANDIDATES = 10;
    /** Refinement rounds of each level search after the grid. */
    public static final int REFINE_ROUNDS = 2;
    /** Points per refinement round. */
    public static final int REFINE_POINTS = 4;
    /** Most pairs a level search looks at (a deterministic stride subsample). */
    public static final int SEARCH_SAMPLES = 20_000;

    private LinearFitter() {
    }

    /**
     * Ridge fit of every output over its whole term list.
     *
     * @param train   training episodes (all at the same dt).
     * @param library candidate features (auto levels allowed).
     * @param lambda  relative ridge weight, see {@link RidgeRegression}.
     * @return the "linear" model.
     */
    public static LinearFeatureModel fitRidge(List<Episode> train, FeatureLibrary library, double lambda) {
        Transitions data = new Transitions(train);
        FeatureLibrary resolved = resolveKnots(data, library, lambda);
        double[][] w = new double[BodyDelta.DIM][];
        for (int r = 0; r < BodyDelta.DIM; r++) {
            w[r] = RidgeRegression.fit(columns(resolved, r, data), data.target(r), lambda);
        }
        return new LinearFeatureModel("linear", dt(train), resolved, w);
    }

    /**
     * STLSQ fit of every output at one threshold.
     *
     * @param train     training episodes.
     * @param library   candidate features (auto levels allowed).
     * @param lambda    relative ridge weight of each refit.
     * @param threshold relative size below which a coefficient is pruned, see {@link SparseRegression}.
     * @return the "sparse" model.
     */
    public static LinearFeatureModel fitSparse(List<Episode> train, FeatureLibrary library, double lambda, double threshold) {
        Transitions data = new Transitions(train);
        FeatureLibrary resolved = resolveKnots(data, library, lambda);
        return sparseOn(data, resolved, lambda, threshold, dt(train));
    }

    static LinearFeatureModel sparseOn(Transitions data, FeatureLibrary resolved, double lambda, double threshold, double dt) {
        double[][] w = new double[BodyDelta.DIM][];
        for (int r = 0; r < BodyDelta.DIM; r++) {
            w[r] = SparseRegression.fit(columns(resolved, r, data), data.target(r), lambda, threshold);
        }
        return new LinearFeatureModel("sparse", dt, resolved, w);
    }

    /**
     * Replaces every "auto" saturation level: first the input clamp (command limits), each scored by the
     * one-step residual of the output it drives (d_v for cmd_v, d_omega for cmd_omega) with that output's own
     * auto levels searched inside; then, with the clamp fixed, the levels of each output's terms by its own
     * residual. Every search runs on a deterministic stride subsample of at most {@value #SEARCH_SAMPLES}
     * pairs, so its cost does not grow with the data.
     *
     * @param data    one-step pairs.
     * @param library library, possibly with auto levels.
     * @param lambda  relative ridge weight.
     * @return a resolved library.
     */
    public static FeatureLibrary resolveKnots(Transitions data, FeatureLibrary library, double lambda) {
        if (library.isResolved()) {
            return library;
        }
        Sample s = Sample.of(data, SEARCH_SAMPLES);
        double limV = library.commandLimit(Inputs.CMD_V);
        double limW = library.commandLimit(Inputs.CMD_OMEGA);
        double[] knotGridV = s.knotRange(Inputs.CMD_V, Inputs.V);
        double[] knotGridW = s.knotRange(Inputs.CMD_OMEGA, Inputs.OMEGA);
        if (Double.isNaN(limV)) {
            limV = searchLimit(s, library.terms(BodyDelta.V), BodyDelta.V, Inputs.CMD_V, Inputs.V,
                    Double.isNaN(limW) ? Double.POSITIVE_INFINITY : limW, knotGridV, knotGridW, lambda);
        }
        if (Double.isNaN(limW)) {
            limW = searchLimit(s, library.terms(BodyDelta.OMEGA), BodyDelta.OMEGA, Inputs.CMD_OMEGA, Inputs.OMEGA,
                    limV, knotGridV, knotGridW, lambda);
        }
        FeatureLibrary clamped = library.withKnot(Atom.Kind.SAT_CMD_V, limV).withKnot(Atom.Kind.SAT_CMD_OMEGA, limW);
        List<List<Term>> lists = new ArrayList<>();
        for (int r = 0; r < BodyDelta.DIM; r++) {
            List<Term> terms = clamped.terms(r);
            double[] best = bestKnots(s, terms, r, limV, limW, knotGridV, knotGridW, lambda);
            lists.add(withKnots(terms, best[0], best[1]));
        }
        return clamped.withTerms(lists);
    }

    /**
     * Coordinate search of one command limit L jointly with the driven output's own auto levels: starting
     * from the 99.9th percentile of the measured speed (a robot does not run past its limit but for noise),
     * the levels at that L, then L at those levels, the levels again and L again. A grid over L of full level
     * searches would cost {@value #KNOT_CANDIDATES}× more for the same optimum on these well-separated kinks.
     */
    private static double searchLimit(Sample s, List<Term> terms, int output, int cmd, int meas, double otherLimit,
                                      double[] gridV, double[] gridW, double lambda) {
        double[] range = s.limitRange(cmd);
        double lim = Math.max(range[0], Math.min(range[1], s.speedPercentile(meas, 0.999)));
        boolean isV = cmd == Inputs.CMD_V;
        for (int round = 0; round < 2; round++) {
            final double l0 = lim;
            double[] k = bestKnots(s, terms, output, isV ? l0 : otherLimit, isV ? otherLimit : l0, gridV, gridW, lambda);
            List<Term> fixed = withKnots(terms, k[0], k[1]);
            java.util.function.DoubleUnaryOperator rss = l -> {
                double lv = isV ? l : otherLimit;
                double lw = isV ? otherLimit : l;
                double[][] cols = columns(fixed, s.v(), s.w(), s.cv(), s.cw(), lv, lw);
                return residual(cols, RidgeRegression.fit(cols, s.target()[output], lambda), s.target()[output]);
            };
            lim = argmin(range[0], range[1], rss);
        }
        return lim;
    }

    /** Stride subsample of the pairs used by the level searches. */
    private record Sample(double[] v, double[] w, double[] cv, double[] cw, double[][] target) {
        static Sample of(Transitions data, int max) {
            int n = data.size();
            int stride = Math.max(1, (n + max - 1) / max);
            int m = (n + stride - 1) / stride;
            double[][] z = new double[Inputs.DIM][m];
            double[][] t = new double[BodyDelta.DIM][m];
            for (int i = 0, k = 0; k < m; i += stride, k++) {
                for (int c = 0; c < Inputs.DIM; c++) {
                    z[c][k] = data.input(c)[i];
                }
                for (int r = 0; r < BodyDelta.DIM; r++) {
                    t[r][k] = data.target(r)[i];
                }
            }
            return new Sample(z[Inputs.V], z[Inputs.OMEGA], z[Inputs.CMD_V], z[Inputs.CMD_OMEGA], t);
        }

        double[] in(int input) {
            return input == Inputs.V ? v : input == Inputs.OMEGA ? w : input == Inputs.CMD_V ? cv : cw;
        }

        /** Knot search range [p/20, p], p = 99.5th percentile of |cmd − meas| (floor 1e-3). */
        double[] knotRange(int cmd, int meas) {
            double[] c = in(cmd);
            double[] m = in(meas);
            double[] abs = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                abs[i] = Math.abs(c[i] - m[i]);
            }
            double p = Math.max(percentile(abs, 0.995), 1e-3);
            return new double[] {p / 20, p};
        }

        /** q-quantile of |measured input|. */
        double speedPercentile(int meas, double q) {
            double[] m = in(meas);
            double[] abs = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                abs[i] = Math.abs(m[i]);
            }
            return percentile(abs, q);
        }

        /** Command-limit search range [median |cmd|, max |cmd|] (the top means "no clamp"). */
        double[] limitRange(int cmd) {
            double[] c = in(cmd);
            double[] abs = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                abs[i] = Math.abs(c[i]);
            }
            double hi = Math.max(percentile(abs, 1.0), 1e-3);
            double lo = Math.max(percentile(abs, 0.5), hi / 20);
            return new double[] {Math.min(lo, hi), hi};
        }

        private static double percentile(double[] a, double q) {
            if (a.length == 0) {
                return 1.0;
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
        }
    }

    /**
     * Best auto levels of one output's terms at fixed command limits.
     *
     * @return {knot of sat(dv,auto) or NaN, knot of sat(domega,auto) or NaN, residual sum of squares}.
     */
    private static double[] bestKnots(Sample s, List<Term> terms, int output, double limV, double limW,
                                      double[] gridV, double[] gridW, double lambda) {
        boolean hasDv = hasAuto(terms, Atom.Kind.SAT_DV);
        boolean hasDw = hasAuto(terms, Atom.Kind.SAT_DOMEGA);
        double[] y = s.target()[output];
        java.util.function.DoubleBinaryOperator rss = (kv, kw) -> {
            double[][] cols = columns(withKnots(terms, kv, kw), s.v(), s.w(), s.cv(), s.cw(), limV, limW);
            return residual(cols, RidgeRegression.fit(cols, y, lambda), y);
        };
        double kv = Double.NaN;
        double kw = Double.NaN;
        if (hasDv && hasDw) {
            // coordinate search: dv level at no ω saturation, then ω level, then dv again
            kw = gridW[1];
            final double kw0 = kw;
            kv = argmin(gridV[0], gridV[1], c -> rss.applyAsDouble(c, kw0));
            final double kv0 = kv;
            kw = argmin(gridW[0], gridW[1], c -> rss.applyAsDouble(kv0, c));
            final double kw1 = kw;
            kv = argmin(gridV[0], gridV[1], c -> rss.applyAsDouble(c, kw1));
        } else if (hasDv) {
            kv = argmin(gridV[0], gridV[1], c -> rss.applyAsDouble(c, Double.NaN));
        } else if (hasDw) {
            kw = argmin(gridW[0], gridW[1], c -> rss.applyAsDouble(Double.NaN, c));
        }
        return new double[] {kv, kw, rss.applyAsDouble(kv, kw)};
    }

    /**
     * Minimises a scalar score over a level in [lo, hi]: {@value #KNOT_CANDIDATES} geometric grid points,
     * then {@value #REFINE_ROUNDS} rounds of {@value #REFINE_POINTS} points between the best one's neighbours.
     * Ties go to the larger level. Deterministic.
     */
    static double argmin(double lo, double hi, java.util.function.DoubleUnaryOperator score) {
        if (!(hi > lo)) {
            return hi;
        }
        double[] g = new double[KNOT_CANDIDATES];
        for (int i = 0; i < KNOT_CANDIDATES; i++) {
            g[i] = lo * Math.pow(hi / lo, (double) i / (KNOT_CANDIDATES - 1));
        }
        double best = Double.NaN;
        double bestScore = Double.POSITIVE_INFINITY;
        int bi = 0;
        for (int i = 0; i < g.length; i++) {
            double sc = score.applyAsDouble(g[i]);
            if (sc <= bestScore) {
                bestScore = sc;
                best = g[i];
                bi = i;
            }
        }
        double left = g[Math.max(0, bi - 1)];
        double right = g[Math.min(g.length - 1, bi + 1)];
        for (int round = 0; round < REFINE_ROUNDS; round++) {
            double step = (right - left) / (REFINE_POINTS + 1);
            for (int i = 1; i <= REFINE_POINTS; i++) {
                double c = left + i * step;
                double sc = score.applyAsDouble(c);
                if (sc < bestScore) {
                    bestScore = sc;
                    best = c;
                }
            }
            left = Math.max(left, best - step);
            right = Math.min(right, best + step);
        }
        return best;
    }

    private static boolean hasAuto(List<Term> terms, Atom.Kind kind) {
        for (Term t : terms) {
            for (Atom a : t.atoms()) {
                if (a.kind() == kind && a.isAuto()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Term> withKnots(List<Term> terms, double cv, double cw) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            List<Atom> as = new ArrayList<>();
            for (Atom a : t.atoms()) {
                if (a.isAuto() && a.kind() == Atom.Kind.SAT_DV) {
                    as.add(a.withKnot(cv));
                } else if (a.isAuto() && a.kind() == Atom.Kind.SAT_DOMEGA) {
                    as.add(a.withKnot(cw));
                } else {
                    as.add(a);
                }
            }
            out.add(new Term(as));
        }
        return out;
    }

    /**
     * Evaluates one output's terms over all pairs, through the library's input clamp.
     *
     * @param library resolved library.
     * @param output  a {@link BodyDelta} index.
     * @param data    pairs.
     * @return one column of N values per term.
     */
    public static double[][] columns(FeatureLibrary library, int output, Transitions data) {
        return columns(library.terms(output), data.input(Inputs.V), data.input(Inputs.OMEGA), data.input(Inputs.CMD_V),
                data.input(Inputs.CMD_OMEGA), library.commandLimit(Inputs.CMD_V), library.commandLimit(Inputs.CMD_OMEGA));
    }

    /** Columns of terms at z = (v, ω, clamp(cmd_v, ±limV), clamp(cmd_ω, ±limW)). */
    private static double[][] columns(List<Term> terms, double[] v, double[] w, double[] cvRaw, double[] cwRaw,
                                      double limV, double limW) {
        int n = v.length;
        double[] cv = new double[n];
        double[] cw = new double[n];
        for (int i = 0; i < n; i++) {
            cv[i] = Math.max(-limV, Math.min(limV, cvRaw[i]));
            cw[i] = Math.max(-limW, Math.min(limW, cwRaw[i]));
        }
        double[][] cols = new double[terms.size()][n];
        for (int j = 0; j < terms.size(); j++) {
            Term t = terms.get(j);
            double[] col = cols[j];
            for (int i = 0; i < n; i++) {
                col[i] = t.value(v[i], w[i], cv[i], cw[i]);
            }
        }
        return cols;
    }

    private static double residual(double[][] cols, double[] w, double[] y) {
        double rss = 0;
        for (int i = 0; i < y.length; i++) {
            double p = 0;
            for (int j = 0; j < cols.length; j++) {
                p += w[j] * cols[j][i];
            }
            double e = y[i] - p;
            rss += e * e;
        }
        return rss;
    }

    static double dt(List<Episode> episodes) {
        if (episodes.isEmpty()) {
            throw new IllegalArgumentException("no training episodes");
        }
        double dt = episodes.get(0).dt();
        for (Episode e : episodes) {
            if (Math.abs(e.dt() - dt) > 1e-9) {
                throw new IllegalArgumentException("episodes have different control periods: " + e.name() + " has "
                        + e.dt() + " s, " + episodes.get(0).name() + " has " + dt + " s");
            }
        }
        return dt;
    }
}
