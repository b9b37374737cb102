package org.foresight.worldmodel.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockClamp}'s loops on SIMD lanes (the JDK's incubating Vector API, the widest species the CPU has).
 * Loaded only when {@link org.foresight.dynamics.model.Simd#ENABLED}; lanewise min/max follow
 * {@code Math.min/max}, so the values equal the scalar loops'.
 */
final class BlockClampVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private BlockClampVector() {
    }

    /** See {@link BlockClamp#clamp}. */
    static void clamp(double[] a, int ao, double[] out, int n, double c) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= n - lanes; j += lanes) {
            DoubleVector.fromArray(SPECIES, a, ao + j).max(-c).min(c).intoArray(out, j);
        }
        BlockClamp.clampScalar(a, ao, out, j, n, c);
    }

    /** See {@link BlockClamp#clampDifference}. */
    static void clampDifference(double[] a, double[] b, double[] out, int n, double c) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= n - lanes; j += lanes) {
            DoubleVector d = DoubleVector.fromArray(SPECIES, a, j).sub(DoubleVector.fromArray(SPECIES, b, j));
            d.max(-c).min(c).intoArray(out, j);
        }
        BlockClamp.clampDifferenceScalar(a, b, out, j, n, c);
    }
}
