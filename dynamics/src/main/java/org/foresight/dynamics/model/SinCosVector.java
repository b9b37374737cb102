package org.foresight.dynamics.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SinCos#block}'s polynomial loop on SIMD lanes (the JDK's incubating Vector API, the widest species the
 * CPU has: 8 doubles with AVX-512). Loaded only when {@link Simd#ENABLED}. Every lane does the scalar loop's
 * multiplications and additions in the same order (no fused multiply-add), so the results are bit-identical;
 * the fallback to {@link Math} for angles outside [−π, π] stays in {@link SinCos#block}.
 */
final class SinCosVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private SinCosVector() {
    }

    /**
     * The kernel part of {@link SinCos#block} over entries [0, n − n mod lanes).
     *
     * @return the first entry not done (the scalar loop does the rest).
     */
    static int block(double[] a, int off, int len, double[] sinOut, double[] cosOut) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= len - lanes; j += lanes) {
            DoubleVector h = DoubleVector.fromArray(SPECIES, a, off + j).mul(0.25);
            DoubleVector z = h.mul(h);
            // s = h + h·z·(S1 + z·(S2 + z·(S3 + z·(S4 + z·(S5 + z·S6)))))
            DoubleVector ps = z.mul(SinCos.S6).add(SinCos.S5);
            ps = z.mul(ps).add(SinCos.S4);
            ps = z.mul(ps).add(SinCos.S3);
            ps = z.mul(ps).add(SinCos.S2);
            ps = z.mul(ps).add(SinCos.S1);
            DoubleVector s = h.add(h.mul(z).mul(ps));
            // c = 1 − 0.5·z + z·z·(C1 + z·(C2 + z·(C3 + z·(C4 + z·(C5 + z·C6)))))
            DoubleVector pc = z.mul(SinCos.C6).add(SinCos.C5);
            pc = z.mul(pc).add(SinCos.C4);
            pc = z.mul(pc).add(SinCos.C3);
            pc = z.mul(pc).add(SinCos.C2);
            pc = z.mul(pc).add(SinCos.C1);
            DoubleVector c = DoubleVector.broadcast(SPECIES, 1.0).sub(z.mul(0.5)).add(z.mul(z).mul(pc));
            DoubleVector s2 = s.mul(2.0).mul(c);
            DoubleVector c2 = c.sub(s).mul(c.add(s));
            s2.mul(2.0).mul(c2).intoArray(sinOut, j);
            c2.sub(s2).mul(c2.add(s2)).intoArray(cosOut, j);
        }
        return j;
    }
}
