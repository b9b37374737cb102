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
 * <p><b>Saturation levels.</b> A library term {@code sat(dv,auto)} has its level c chosen per output by a
 * grid search: {@value #KNOT_CANDIDATES} levels spaced geometrically from 1/20 of the 99.5th percentile
 * of |cmd − measured| in the data up to that percentile; the level with the least one-step residual of a
 * ridge fit of that output wins (a one-dimensional, well-posed choice; the coefficients are then linear).
 */
public final class LinearFitter {
    /** Number of saturation levels tried per auto term. */
    public static final int KNOT_CANDIDATES = 12;

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
            w[r] = RidgeRegression.fit(columns(resolved.terms(r), data), data.target(r), lambda);
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
            w[r] = SparseRegression.fit(columns(resolved.terms(r), data), data.target(r), lambda, threshold);
        }
        return new LinearFeatureModel("sparse", dt, resolved, w);
    }

    /**
     * Replaces every "auto" saturation level, per output, by the grid level with the least ridge residual.
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
        double[] dvGrid = grid(data, Inputs.CMD_V, Inputs.V);
        double[] dwGrid = grid(data, Inputs.CMD_OMEGA, Inputs.OMEGA);
        List<List<Term>> lists = new ArrayList<>();
        for (int r = 0; r < BodyDelta.DIM; r++) {
            List<Term> terms = library.terms(r);
            boolean hasDv = hasAuto(terms, Atom.Kind.SAT_DV);
            boolean hasDw = hasAuto(terms, Atom.Kind.SAT_DOMEGA);
            double[] gv = hasDv ? dvGrid : new double[] {Double.NaN};
            double[] gw = hasDw ? dwGrid : new double[] {Double.NaN};
            List<Term> best = null;
            double bestRss = Double.POSITIVE_INFINITY;
            for (double cv : gv) {
                for (double cw : gw) {
                    List<Term> candidate = withKnots(terms, cv, cw);
                    double[][] cols = columns(candidate, data);
                    double[] w = RidgeRegression.fit(cols, data.target(r), lambda);
                    double rss = residual(cols, w, data.target(r));
                    if (rss < bestRss) {
                        bestRss = rss;
                        best = candidate;
                    }
                }
            }
            lists.add(best);
        }
        return new FeatureLibrary(lists);
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
                if (a.isAuto()) {
                    as.add(a.withKnot(a.kind() == Atom.Kind.SAT_DV ? cv : cw));
                } else {
                    as.add(a);
                }
            }
            out.add(new Term(as));
        }
        return out;
    }

    /** Geometric grid of saturation levels from p/20 to p, p = 99.5th percentile of |cmd − meas| (floor 1e-3). */
    private static double[] grid(Transitions data, int cmd, int meas) {
        double[] c = data.input(cmd);
        double[] m = data.input(meas);
        double[] abs = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            abs[i] = Math.abs(c[i] - m[i]);
        }
        Arrays.sort(abs);
        double p = abs.length == 0 ? 1.0 : abs[(int) Math.min(abs.length - 1, Math.floor(0.995 * (abs.length - 1)))];
        p = Math.max(p, 1e-3);
        double[] g = new double[KNOT_CANDIDATES];
        for (int i = 0; i < KNOT_CANDIDATES; i++) {
            g[i] = p * Math.pow(20.0, -(double) (KNOT_CANDIDATES - 1 - i) / (KNOT_CANDIDATES - 1));
        }
        return g;
    }

    /**
     * Evaluates terms over all pairs.
     *
     * @param terms resolved terms.
     * @param data  pairs.
     * @return one column of N values per term.
     */
    public static double[][] columns(List<Term> terms, Transitions data) {
        int n = data.size();
        double[] v = data.input(Inputs.V);
        double[] w = data.input(Inputs.OMEGA);
        double[] cv = data.input(Inputs.CMD_V);
        double[] cw = data.input(Inputs.CMD_OMEGA);
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
