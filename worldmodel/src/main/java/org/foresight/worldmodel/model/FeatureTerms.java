package org.foresight.worldmodel.model;

import org.foresight.dynamics.model.Simd;

/**
 * A {@link FeatureProgram}'s entries in a compact structure of arrays for the block evaluation, when every
 * term has at most three factors (as the fitted libraries' do): per output r its terms
 * {@code [start[r], start[r+1])} in fit order, each a coefficient and up to three atom indices (−1 for none).
 * {@link #evaluate} accumulates each output over all its terms in a register, lane by lane,
 * <pre>
 *   d_r,j = ((0 + t_1,j) + t_2,j) + …,   t_j = ((coef·a_j)·b_j)·c_j   (missing factors left out)
 * </pre>
 * instead of one pass over the block per term that loads and stores the output each time. The operations
 * and their order are those of {@link FeatureProgram#evaluate} per sample, so the results agree bit for
 * bit. Immutable, thread-safe, allocation-free.
 */
final class FeatureTerms {
    /** Most factors a term may have to be held here. */
    static final int MAX_FACTORS = 3;
    /** start[r] … start[r + 1]: the terms of output r ({@link BodyDelta} order). */
    final int[] start;
    final double[] coef;
    /** First, second and third factor of each term: an atom index, −1 for none (arity = count of ≥ 0). */
    final int[] fa;
    final int[] fb;
    final int[] fc;
    /** Factors of each term, 0 … {@link #MAX_FACTORS}. */
    final int[] arity;

    private FeatureTerms(int[] start, double[] coef, int[] fa, int[] fb, int[] fc, int[] arity) {
        this.start = start;
        this.coef = coef;
        this.fa = fa;
        this.fb = fb;
        this.fc = fc;
        this.arity = arity;
    }

    /**
     * Compiles a program's entries, or null when one has more than {@link #MAX_FACTORS} factors or the
     * entries are not grouped by output in increasing order (the general path then evaluates them).
     *
     * @param outOf       per entry, its output.
     * @param coef        per entry, its coefficient.
     * @param factorStart per entry e, its factors at {@code factorAtom[factorStart[e] … factorStart[e+1])}.
     * @param factorAtom  atom indices.
     * @return the terms, or null.
     */
    static FeatureTerms compile(int[] outOf, double[] coef, int[] factorStart, int[] factorAtom) {
        int n = coef.length;
        int[] start = new int[BodyDelta.DIM + 1];
        int[] fa = new int[n];
        int[] fb = new int[n];
        int[] fc = new int[n];
        int[] arity = new int[n];
        for (int e = 0; e < n; e++) {
            int k = factorStart[e + 1] - factorStart[e];
            if (k > MAX_FACTORS || (e > 0 && outOf[e] < outOf[e - 1])) {
                return null;
            }
            arity[e] = k;
            int f = factorStart[e];
            fa[e] = k > 0 ? factorAtom[f] : -1;
            fb[e] = k > 1 ? factorAtom[f + 1] : -1;
            fc[e] = k > 2 ? factorAtom[f + 2] : -1;
            start[outOf[e] + 1]++;
        }
        for (int r = 0; r < BodyDelta.DIM; r++) {
            start[r + 1] += start[r];
        }
        return new FeatureTerms(start, coef.clone(), fa, fb, fc, arity);
    }

    /**
     * d[r][j] for every output r and j in [0, {@link FeatureProgram#BLOCK}) from the atoms' values
     * (see the class formula). Allocation-free.
     *
     * @param at atom i's values at {@code at[i][0 … BLOCK)}. Not modified.
     * @param d  (Output) {@link BodyDelta#DIM} arrays of length ≥ BLOCK. Modified.
     */
    void evaluate(double[][] at, double[][] d) {
        if (Simd.ENABLED) {
            FeatureTermsVector.evaluate(this, at, d);
        } else {
            evaluateScalar(at, d, 0);
        }
    }

    /** The scalar {@link #evaluate} for samples [j0, BLOCK). */
    void evaluateScalar(double[][] at, double[][] d, int j0) {
        for (int r = 0; r < BodyDelta.DIM; r++) {
            final double[] out = d[r];
            final int t0 = start[r];
            final int t1 = start[r + 1];
            for (int j = j0; j < FeatureProgram.BLOCK; j++) {
                double acc = 0.0;
                for (int t = t0; t < t1; t++) {
                    acc += term(t, at, j);
                }
                out[j] = acc;
            }
        }
    }

    /** Term t at sample j, ((coef·a)·b)·c over its factors. */
    private double term(int t, double[][] at, int j) {
        switch (arity[t]) {
            case 0:
                return coef[t];
            case 1:
                return coef[t] * at[fa[t]][j];
            case 2:
                return coef[t] * at[fa[t]][j] * at[fb[t]][j];
            default:
                return coef[t] * at[fa[t]][j] * at[fb[t]][j] * at[fc[t]][j];
        }
    }
}
