package org.foresight.mpc.mppi;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The MPPI update ū_t = Σ_k w_k·u_k,t, w_k = exp(−(S_k − m)/λ) / Σ_j exp(−(S_j − m)/λ), summed chunk by chunk
 * where the chunk's commands were made, so that no serial pass reads the whole batch again. Per chunk c, with
 * m_c its least finite cost and e_k = exp(−(S_k − m_c)/λ) (0 for a non-finite S_k):
 * <pre>
 *   E_c = Σ_k e_k,   U_c,t = Σ_k e_k·u_k,t                   on the worker, after the chunk's costs
 *   ū_t = Σ_c f_c·U_c,t / Σ_c f_c·E_c,   f_c = exp(−(m_c − m)/λ)   serial, chunks in order
 * </pre>
 * which are the softmax weights, regrouped (exact in exact arithmetic; m_c ≥ m, so no f_c overflows). U_c,t is
summed in float on SIMD lanes (the commands are float; about 1e-7 relative), E_c and the combination in double. Each chunk
 * writes only its own row and the combination runs in chunk order: the result does not depend on the thread
 * count. The same pass leaves the normalised weights w_k for the plan's heaviest rollouts, so the samples' exponentials
 * are taken once. Used by {@link FusedFloatRollout}; allocation-free.
 */
final class ChunkMeans {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Padding after each worker's rows [floats]: 128 B. */
    private static final int PAD = 32;
    private final int horizon;
    private final double invLambda;
    private final double[] chunkMin;
    private final double[] chunkSum;
    private final double[] chunkV;
    private final double[] chunkW;
    /** e_k of every sample (relative to its chunk's least cost). */
    private final double[] expCost;
    /** Per worker: the chunk's e_k in float, and the lane sums of e·u per step (row t at t·L), padded. */
    private final float[][] expFloat;
    private final float[][] laneV;
    private final float[][] laneW;

    /**
     * @param config  the planner's parameters (samples, horizon, λ).
     * @param threads the worker pool's size.
     */
    ChunkMeans(MppiConfig config, int threads) {
        this.horizon = config.horizon();
        this.invLambda = 1.0 / config.temperature();
        int chunks = (config.samples() + MppiPlanner.CHUNK - 1) / MppiPlanner.CHUNK;
        chunkMin = new double[chunks];
        chunkSum = new double[chunks];
        chunkV = new double[chunks * horizon];
        chunkW = new double[chunks * horizon];
        expCost = new double[chunks * MppiPlanner.CHUNK];
        int lanes = S.length();
        expFloat = new float[threads][MppiPlanner.CHUNK + PAD];
        laneV = new float[threads][horizon * lanes + PAD];
        laneW = new float[threads][horizon * lanes + PAD];
    }

    /**
     * One chunk's E_c and U_c,t (see the class formula).
     *
     * @param costs  S_k of the batch (the chunk's entries final).
     * @param k0     the chunk's first sample (a multiple of the chunk size).
     * @param cnt    its sample count.
     * @param cv     the chunk's cmd_v [m/s], row t + 1 at (t + 1)·stride (row 0 unused here).
     * @param cw     the chunk's cmd_ω [rad/s], the same layout.
     * @param stride the row stride of cv and cw.
     * @param worker the worker's index (its scratch).
     */
    void add(double[] costs, int k0, int cnt, float[] cv, float[] cw, int stride, int worker) {
        final int T = horizon;
        final int c = k0 / MppiPlanner.CHUNK;
        final double[] e = expCost;
        double m = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cnt; j++) {
            double ck = costs[k0 + j];
            if (ck - ck == 0.0 && ck < m) {
                m = ck;
            }
        }
        double sum = 0;
        for (int j = 0; j < cnt; j++) {
            double ck = costs[k0 + j];
            double ek = ck - ck == 0.0 ? Math.exp(-(ck - m) * invLambda) : 0.0;
            e[k0 + j] = ek;
            sum += ek;
        }
        chunkMin[c] = m;
        chunkSum[c] = sum;
        // U_c,t on float lanes: per lane group, e·u added into a row of lane sums per step (stored, not
        // carried: a loop-carried vector is boxed), then each step's lanes summed once.
        final int L = S.length();
        final float[] ef = expFloat[worker];
        final float[] av = laneV[worker];
        final float[] aw = laneW[worker];
        for (int j = 0; j < MppiPlanner.CHUNK; j++) {
            ef[j] = j < cnt ? (float) e[k0 + j] : 0f;
        }
        Arrays.fill(av, 0, T * L, 0f);
        Arrays.fill(aw, 0, T * L, 0f);
        for (int g = 0; g < cnt; g += L) {
            FloatVector eg = FloatVector.fromArray(S, ef, g);
            for (int t = 0; t < T; t++) {
                final int f = (t + 1) * stride + g;
                FloatVector.fromArray(S, av, t * L).add(eg.mul(FloatVector.fromArray(S, cv, f))).intoArray(av, t * L);
                FloatVector.fromArray(S, aw, t * L).add(eg.mul(FloatVector.fromArray(S, cw, f))).intoArray(aw, t * L);
            }
        }
        // The lanes summed in lane order, not by reduceLanes: its order for floats is unspecified (the compiled
        // and the interpreted reduction differ in the last bit), and the result must not depend on the JIT.
        for (int t = 0; t < T; t++) {
            double sv = 0;
            double sw = 0;
            for (int l = 0; l < L; l++) {
                sv += av[t * L + l];
                sw += aw[t * L + l];
            }
            chunkV[c * T + t] = sv;
            chunkW[c * T + t] = sw;
        }
    }

    /**
     * ū_t from every chunk's row (see the class formula).
     *
     * @param samples K.
     * @param min     m, the least finite cost of the iteration (some cost is finite).
     * @param meanV   (Output) ū_v,t [m/s] at [0, T). Modified.
     * @param meanW   (Output) ū_ω,t [rad/s] at [0, T). Modified.
     * @param weights (Output) the normalised weights w_k at [0, samples). Modified.
     */
    void mean(int samples, double min, double[] meanV, double[] meanW, double[] weights) {
        final int T = horizon;
        final int chunks = (samples + MppiPlanner.CHUNK - 1) / MppiPlanner.CHUNK;
        Arrays.fill(meanV, 0, T, 0.0);
        Arrays.fill(meanW, 0, T, 0.0);
        double total = 0;
        for (int c = 0; c < chunks; c++) {
            if (chunkSum[c] == 0.0) {
                continue; // no finite cost in this chunk
            }
            double f = Math.exp(-(chunkMin[c] - min) * invLambda);
            total += f * chunkSum[c];
            for (int t = 0; t < T; t++) {
                meanV[t] += f * chunkV[c * T + t];
                meanW[t] += f * chunkW[c * T + t];
            }
        }
        double inv = 1.0 / total;
        for (int t = 0; t < T; t++) {
            meanV[t] *= inv;
            meanW[t] *= inv;
        }
        for (int c = 0; c < chunks; c++) { // w_k = e_k·f_c / Σ (for the plan's heaviest rollouts)
            double f = chunkSum[c] == 0.0 ? 0.0 : Math.exp(-(chunkMin[c] - min) * invLambda) * inv;
            int k1 = Math.min(samples, (c + 1) * MppiPlanner.CHUNK);
            for (int k = c * MppiPlanner.CHUNK; k < k1; k++) {
                weights[k] = expCost[k] * f;
            }
        }
    }
}
