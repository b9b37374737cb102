package org.foresight.mpc.mppi;

import java.util.Arrays;

/**
 * The MPPI update's weighted mean of the sampled commands over the batch's block layout
 * ({@link RolloutBuffers}: sample k0 + j of a block at step t at {@code k0·T + t·B + j}):
 * <pre>
 *   ū_t = Σ_blocks ( Σ_{j in block} w_{k0+j} · u_{k0+j,t} )      j in order, blocks in order
 * </pre>
 * a fixed order, so the result does not depend on the thread count. Each inner sum is a chain of dependent
 * additions; this kernel runs four steps' chains of both channels side by side (eight independent chains
 * per sample, each sum still in its own order), so the additions' latency overlaps instead of adding up. The
 * values are those of the one-step-at-a-time loop bit for bit ({@code WeightedMeanTest}). Allocation-free.
 */
final class WeightedMean {
    private static final int B = RolloutBuffers.BLOCK;

    private WeightedMean() {
    }

    /**
     * ū_t for both channels (see the class formula).
     *
     * @param w       normalised weights, w[k] for sample k; zero for samples left out. Not modified.
     * @param cv      cmd_v [m/s] of the samples, block layout. Not modified.
     * @param cw      cmd_ω [rad/s] of the samples, block layout. Not modified.
     * @param samples K.
     * @param horizon T.
     * @param meanV   (Output) ū_v,t [m/s] at [0, T). Modified.
     * @param meanW   (Output) ū_ω,t [rad/s] at [0, T). Modified.
     */
    static void of(double[] w, double[] cv, double[] cw, int samples, int horizon, double[] meanV, double[] meanW) {
        final int T = horizon;
        Arrays.fill(meanV, 0, T, 0.0);
        Arrays.fill(meanW, 0, T, 0.0);
        for (int k0 = 0; k0 < samples; k0 += B) {
            final int cnt = Math.min(B, samples - k0);
            final int o0 = k0 * T; // = RolloutBuffers.blockOffset(k0)
            int t = 0;
            for (; t + 4 <= T; t += 4) {
                final int o = o0 + t * B;
                double v0 = 0;
                double v1 = 0;
                double v2 = 0;
                double v3 = 0;
                double w0 = 0;
                double w1 = 0;
                double w2 = 0;
                double w3 = 0;
                for (int j = 0; j < cnt; j++) {
                    final double wk = w[k0 + j];
                    final int i = o + j;
                    v0 += wk * cv[i];
                    w0 += wk * cw[i];
                    v1 += wk * cv[i + B];
                    w1 += wk * cw[i + B];
                    v2 += wk * cv[i + 2 * B];
                    w2 += wk * cw[i + 2 * B];
                    v3 += wk * cv[i + 3 * B];
                    w3 += wk * cw[i + 3 * B];
                }
                meanV[t] += v0;
                meanW[t] += w0;
                meanV[t + 1] += v1;
                meanW[t + 1] += w1;
                meanV[t + 2] += v2;
                meanW[t + 2] += w2;
                meanV[t + 3] += v3;
                meanW[t + 3] += w3;
            }
            for (; t < T; t++) {
                final int o = o0 + t * B;
                double sv = 0;
                double sw = 0;
                for (int j = 0; j < cnt; j++) {
                    final double wk = w[k0 + j];
                    sv += wk * cv[o + j];
                    sw += wk * cw[o + j];
                }
                meanV[t] += sv;
                meanW[t] += sw;
            }
        }
    }
}
