package org.foresight.mpc.mppi;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CommandClip}'s kernel on SIMD lanes (the JDK's incubating Vector API, the widest species the CPU
 * has: 8 doubles with AVX-512). Loaded only when {@link org.foresight.dynamics.model.Simd#ENABLED}; the operations and their
 * order match {@link CommandClip#scalar} lane by lane, so the results are bit-identical.
 */
final class CommandClipVector {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private CommandClipVector() {
    }

    /** See {@link CommandClip#row(double[], int, double[], int, double[], int, int, double, double, double, double)}. */
    static void row(double[] src, int so, double[] dst, int o, double[] prev, int op, int cnt, double m, double a,
                    double lo, double hi) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= cnt - lanes; j += lanes) {
            DoubleVector p = DoubleVector.fromArray(SPECIES, prev, op + j);
            DoubleVector l = p.sub(a);
            DoubleVector el = DoubleVector.broadcast(SPECIES, lo).sub(l);
            l = l.add(el.add(el.abs()).mul(0.5));
            DoubleVector h = p.add(a);
            DoubleVector eh = h.sub(hi);
            h = h.sub(eh.add(eh.abs()).mul(0.5));
            DoubleVector x = DoubleVector.fromArray(SPECIES, src, so + j).add(m);
            DoubleVector below = l.sub(x);
            x = x.add(below.add(below.abs()).mul(0.5));
            DoubleVector above = x.sub(h);
            x = x.sub(above.add(above.abs()).mul(0.5));
            x.intoArray(dst, o + j);
            x.intoArray(prev, op + j);
        }
        CommandClip.scalar(src, so, dst, o, prev, op, j, cnt, m, a, lo, hi);
    }
}
