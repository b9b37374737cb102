package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link WeightedMean} gives the bits of the one-step-at-a-time blocked loop it replaced, and the naive
 * Σ_k w_k u_k,t to rounding, for batches that do and do not fill their last block and horizons that are and
 * are not multiples of the kernel's four interleaved steps.
 */
class WeightedMeanTest {
    private static final int B = RolloutBuffers.BLOCK;

    /** The update as MppiPlanner computed it before the kernel: per block, per step, j in order. */
    private static void reference(double[] w, double[] cv, double[] cw, int K, int T, double[] mv, double[] mw) {
        java.util.Arrays.fill(mv, 0.0);
        java.util.Arrays.fill(mw, 0.0);
        for (int k0 = 0; k0 < K; k0 += B) {
            int cnt = Math.min(B, K - k0);
            for (int t = 0; t < T; t++) {
                int o = k0 * T + t * B;
                double sv = 0;
                double sw = 0;
                for (int j = 0; j < cnt; j++) {
                    sv += w[k0 + j] * cv[o + j];
                    sw += w[k0 + j] * cw[o + j];
                }
                mv[t] += sv;
                mw[t] += sw;
            }
        }
    }

    @Test
    void equalsTheBlockedLoopBitForBitAndTheNaiveSumToRounding() {
        SplittableRandom r = new SplittableRandom(4);
        int[][] sizes = {{2000, 56}, {1000, 7}, {64, 4}, {65, 3}, {1, 1}, {130, 9}};
        for (int[] kt : sizes) {
            int K = kt[0];
            int T = kt[1];
            RolloutBuffers buf = new RolloutBuffers();
            buf.ensure(K, T);
            double[] w = new double[K];
            double sum = 0;
            for (int k = 0; k < K; k++) {
                w[k] = r.nextInt(5) == 0 ? 0.0 : Math.exp(-10 * r.nextDouble());
                sum += w[k];
            }
            for (int k = 0; k < K; k++) {
                w[k] /= sum;
            }
            double[] cv = new double[buf.cmdV.length];
            double[] cw = new double[buf.cmdOmega.length];
            for (int k = 0; k < K; k++) {
                for (int t = 0; t < T; t++) {
                    cv[buf.index(k, t)] = 2.5 * r.nextDouble() - 0.5;
                    cw[buf.index(k, t)] = 8 * r.nextDouble() - 4;
                }
            }
            double[] mv = new double[T + 2];
            double[] mw = new double[T + 2];
            mv[T] = 42; // past the horizon: untouched
            WeightedMean.of(w, cv, cw, K, T, mv, mw);
            double[] rv = new double[T];
            double[] rw = new double[T];
            reference(w, cv, cw, K, T, rv, rw);
            for (int t = 0; t < T; t++) {
                String at = "K " + K + " T " + T + " t " + t;
                assertEquals(Double.doubleToLongBits(rv[t]), Double.doubleToLongBits(mv[t]), at + " v");
                assertEquals(Double.doubleToLongBits(rw[t]), Double.doubleToLongBits(mw[t]), at + " omega");
                double nv = 0;
                double nw = 0;
                for (int k = 0; k < K; k++) {
                    nv += w[k] * cv[buf.index(k, t)];
                    nw += w[k] * cw[buf.index(k, t)];
                }
                assertEquals(nv, mv[t], 1e-13, at + " v against the naive sum");
                assertEquals(nw, mw[t], 1e-13, at + " omega against the naive sum");
            }
            assertEquals(42.0, mv[T], 0.0);
        }
    }
}
