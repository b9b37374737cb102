package org.foresight.mpc.critic;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-step critics' sums on SIMD lanes (the JDK's incubating Vector API, the preferred species: 8 doubles
 * with AVX-512), loaded only when {@link org.foresight.dynamics.model.Simd#ENABLED}. Each kernel holds one lane
 * group of a block's costs in a register for the whole horizon,
 * <pre>  acc = costs[k0 + g … + lanes);  for t = 0 … T−1: acc = acc + term(t);  costs[k0 + g …] = acc</pre>
 * instead of loading and storing {@code costs} at every step: per sample the same additions in the same order
 * (t ascending) with the same lanewise operations as the scalar loops of {@link SpeedCritic},
 * {@link PreferForwardCritic}, {@link ControlEffortCritic} and {@link ControlRateCritic}, so the costs are
 * bit-identical. Each returns the first sample offset it did not do (the scalar loop does the rest).
 * Allocation-free once compiled (the vectors are intrinsics).
 */
final class CriticLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private CriticLanes() {
    }

    /** costs[k0 + j] += Σ_t w·e², e = ½(d + |d|), d = vt − v[o0 + t·B + j]. See {@link SpeedCritic}. */
    static int speed(double[] vs, int o0, int bs, int horizon, int n, double w, double vt, double[] costs, int k0) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= n - lanes; j += lanes) {
            DoubleVector acc = DoubleVector.fromArray(SPECIES, costs, k0 + j);
            for (int t = 0, o = o0 + j; t < horizon; t++, o += bs) {
                DoubleVector d = DoubleVector.broadcast(SPECIES, vt).sub(DoubleVector.fromArray(SPECIES, vs, o));
                DoubleVector e = d.add(d.abs()).mul(0.5);
                acc = acc.add(e.mul(w).mul(e));
            }
            acc.intoArray(costs, k0 + j);
        }
        return j;
    }

    /** costs[k0 + j] += Σ_t hw·(|v| − v). See {@link PreferForwardCritic}. */
    static int preferForward(double[] vs, int o0, int bs, int horizon, int n, double halfW, double[] costs, int k0) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= n - lanes; j += lanes) {
            DoubleVector acc = DoubleVector.fromArray(SPECIES, costs, k0 + j);
            for (int t = 0, o = o0 + j; t < horizon; t++, o += bs) {
                DoubleVector v = DoubleVector.fromArray(SPECIES, vs, o);
                acc = acc.add(v.abs().sub(v).mul(halfW));
            }
            acc.intoArray(costs, k0 + j);
        }
        return j;
    }

    /** costs[k0 + j] += Σ_t (wv·u·u + ww·ω·ω). See {@link ControlEffortCritic}. */
    static int effort(double[] cv, double[] cw, int o0, int bs, int horizon, int n, double wv, double ww,
                      double[] costs, int k0) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= n - lanes; j += lanes) {
            DoubleVector acc = DoubleVector.fromArray(SPECIES, costs, k0 + j);
            for (int t = 0, o = o0 + j; t < horizon; t++, o += bs) {
                DoubleVector u = DoubleVector.fromArray(SPECIES, cv, o);
                DoubleVector w = DoubleVector.fromArray(SPECIES, cw, o);
                acc = acc.add(u.mul(wv).mul(u).add(w.mul(ww).mul(w)));
            }
            acc.intoArray(costs, k0 + j);
        }
        return j;
    }

    /**
     * costs[k0 + j] += Σ_t (wv·Δu² + ww·Δω²), Δ against the previous step's command (at t = 0 against
     * pv, pw). See {@link ControlRateCritic}.
     */
    static int rate(double[] cv, double[] cw, int o0, int bs, int horizon, int n, double wv, double ww, double pv,
                    double pw, double[] costs, int k0) {
        final int lanes = SPECIES.length();
        int j = 0;
        for (; j <= n - lanes; j += lanes) {
            DoubleVector acc = DoubleVector.fromArray(SPECIES, costs, k0 + j);
            DoubleVector lastU = DoubleVector.broadcast(SPECIES, pv);
            DoubleVector lastW = DoubleVector.broadcast(SPECIES, pw);
            for (int t = 0, o = o0 + j; t < horizon; t++, o += bs) {
                DoubleVector u = DoubleVector.fromArray(SPECIES, cv, o);
                DoubleVector w = DoubleVector.fromArray(SPECIES, cw, o);
                DoubleVector du = u.sub(lastU);
                DoubleVector dw = w.sub(lastW);
                acc = acc.add(du.mul(wv).mul(du).add(dw.mul(ww).mul(dw)));
                lastU = u;
                lastW = w;
            }
            acc.intoArray(costs, k0 + j);
        }
        return j;
    }
}
