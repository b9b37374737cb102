package org.foresight.worldmodel.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FeatureTerms#evaluate} on SIMD lanes (the JDK's incubating Vector API, the widest species the CPU
 * has: 8 doubles with AVX-512): per group of lanes, each output's terms accumulate in one register, the same
 * multiplications and additions in the same order as the scalar loop, so the results are bit-identical.
 * Loaded only when {@link org.foresight.dynamics.model.Simd#ENABLED}.
 */
final class FeatureTermsVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private FeatureTermsVector() {
    }

    /** See {@link FeatureTerms#evaluate}. */
    static void evaluate(FeatureTerms terms, double[][] at, double[][] d) {
        final int lanes = SPECIES.length();
        final int[] start = terms.start;
        final double[] coef = terms.coef;
        final int[] arity = terms.arity;
        final int[] fa = terms.fa;
        final int[] fb = terms.fb;
        final int[] fc = terms.fc;
        final int block = FeatureProgram.BLOCK;
        int j = 0;
        for (; j <= block - lanes; j += lanes) {
            for (int r = 0; r < BodyDelta.DIM; r++) {
                DoubleVector acc = DoubleVector.zero(SPECIES);
                for (int t = start[r]; t < start[r + 1]; t++) {
                    DoubleVector p = DoubleVector.broadcast(SPECIES, coef[t]);
                    switch (arity[t]) {
                        case 0:
                            break;
                        case 1:
                            p = p.mul(DoubleVector.fromArray(SPECIES, at[fa[t]], j));
                            break;
                        case 2:
                            p = p.mul(DoubleVector.fromArray(SPECIES, at[fa[t]], j))
                                    .mul(DoubleVector.fromArray(SPECIES, at[fb[t]], j));
                            break;
                        default:
                            p = p.mul(DoubleVector.fromArray(SPECIES, at[fa[t]], j))
                                    .mul(DoubleVector.fromArray(SPECIES, at[fb[t]], j))
                                    .mul(DoubleVector.fromArray(SPECIES, at[fc[t]], j));
                            break;
                    }
                    acc = acc.add(p);
                }
                acc.intoArray(d[r], j);
            }
        }
        if (j < block) {
            terms.evaluateScalar(at, d, j);
        }
    }
}
