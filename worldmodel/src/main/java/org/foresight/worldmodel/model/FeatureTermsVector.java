package org.foresight.worldmodel.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FeatureTerms#evaluate} on SIMD lanes (the JDK's incubating Vector API, the widest species the CPU
 * has: 8 doubles with AVX-512). Eight vectors of lanes at a time (the whole block of 64 with AVX-512), each
 * output's terms accumulate in eight registers; a term's factors are looked up once per eight vectors, so
 * the per-term work is pure multiplies and adds (measured 235 → 105 ns per block of the default model's 16
 * terms against one auto-vectorised loop per term; one register per output and a dispatch per vector took
 * 355 ns). The multiplications and additions are the scalar loop's, in the same order, so the results are
 * bit-identical. Loaded only when {@link org.foresight.dynamics.model.Simd#ENABLED}.
 */
final class FeatureTermsVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private FeatureTermsVector() {
    }

    /** See {@link FeatureTerms#evaluate}. */
    static void evaluate(FeatureTerms terms, double[][] at, double[][] d) {
        final int L = SPECIES.length();
        final int width = 8 * L;
        final int[] start = terms.start;
        final double[] coef = terms.coef;
        final int[] arity = terms.arity;
        final int[] fa = terms.fa;
        final int[] fb = terms.fb;
        final int[] fc = terms.fc;
        final int block = FeatureProgram.BLOCK;
        int j = 0;
        for (; j <= block - width; j += width) {
            for (int r = 0; r < BodyDelta.DIM; r++) {
                DoubleVector a0 = DoubleVector.zero(SPECIES);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                DoubleVector a4 = a0;
                DoubleVector a5 = a0;
                DoubleVector a6 = a0;
                DoubleVector a7 = a0;
                for (int t = start[r]; t < start[r + 1]; t++) {
                    final DoubleVector c = DoubleVector.broadcast(SPECIES, coef[t]);
                    final int k = arity[t];
                    DoubleVector p0 = c;
                    DoubleVector p1 = c;
                    DoubleVector p2 = c;
                    DoubleVector p3 = c;
                    DoubleVector p4 = c;
                    DoubleVector p5 = c;
                    DoubleVector p6 = c;
                    DoubleVector p7 = c;
                    if (k > 0) {
                        final double[] x = at[fa[t]];
                        p0 = p0.mul(DoubleVector.fromArray(SPECIES, x, j));
                        p1 = p1.mul(DoubleVector.fromArray(SPECIES, x, j + L));
                        p2 = p2.mul(DoubleVector.fromArray(SPECIES, x, j + 2 * L));
                        p3 = p3.mul(DoubleVector.fromArray(SPECIES, x, j + 3 * L));
                        p4 = p4.mul(DoubleVector.fromArray(SPECIES, x, j + 4 * L));
                        p5 = p5.mul(DoubleVector.fromArray(SPECIES, x, j + 5 * L));
                        p6 = p6.mul(DoubleVector.fromArray(SPECIES, x, j + 6 * L));
                        p7 = p7.mul(DoubleVector.fromArray(SPECIES, x, j + 7 * L));
                        if (k > 1) {
                            final double[] y = at[fb[t]];
                            p0 = p0.mul(DoubleVector.fromArray(SPECIES, y, j));
                            p1 = p1.mul(DoubleVector.fromArray(SPECIES, y, j + L));
                            p2 = p2.mul(DoubleVector.fromArray(SPECIES, y, j + 2 * L));
                            p3 = p3.mul(DoubleVector.fromArray(SPECIES, y, j + 3 * L));
                            p4 = p4.mul(DoubleVector.fromArray(SPECIES, y, j + 4 * L));
                            p5 = p5.mul(DoubleVector.fromArray(SPECIES, y, j + 5 * L));
                            p6 = p6.mul(DoubleVector.fromArray(SPECIES, y, j + 6 * L));
                            p7 = p7.mul(DoubleVector.fromArray(SPECIES, y, j + 7 * L));
                            if (k > 2) {
                                final double[] z = at[fc[t]];
                                p0 = p0.mul(DoubleVector.fromArray(SPECIES, z, j));
                                p1 = p1.mul(DoubleVector.fromArray(SPECIES, z, j + L));
                                p2 = p2.mul(DoubleVector.fromArray(SPECIES, z, j + 2 * L));
                                p3 = p3.mul(DoubleVector.fromArray(SPECIES, z, j + 3 * L));
                                p4 = p4.mul(DoubleVector.fromArray(SPECIES, z, j + 4 * L));
                                p5 = p5.mul(DoubleVector.fromArray(SPECIES, z, j + 5 * L));
                                p6 = p6.mul(DoubleVector.fromArray(SPECIES, z, j + 6 * L));
                                p7 = p7.mul(DoubleVector.fromArray(SPECIES, z, j + 7 * L));
                            }
                        }
                    }
                    a0 = a0.add(p0);
                    a1 = a1.add(p1);
                    a2 = a2.add(p2);
                    a3 = a3.add(p3);
                    a4 = a4.add(p4);
                    a5 = a5.add(p5);
                    a6 = a6.add(p6);
                    a7 = a7.add(p7);
                }
                final double[] o = d[r];
                a0.intoArray(o, j);
                a1.intoArray(o, j + L);
                a2.intoArray(o, j + 2 * L);
                a3.intoArray(o, j + 3 * L);
                a4.intoArray(o, j + 4 * L);
                a5.intoArray(o, j + 5 * L);
                a6.intoArray(o, j + 6 * L);
                a7.intoArray(o, j + 7 * L);
            }
        }
        if (j < block) {
            terms.evaluateScalar(at, d, j);
        }
    }
}
