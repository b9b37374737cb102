package org.foresight.mpc.cem;

import java.util.Arrays;
import org.foresight.mpc.Plan;
import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * CEM's elites of one iteration: the E lowest finite costs of the population, chosen in one serial scan in
 * sample order, and the refit of the sampling distribution to them. With e_i the elites' control sequences and
 * α the momentum:
 * <pre>
 *   m_t = (1/E) Σ_i e_i,t        s_t = sqrt((1/E) Σ_i (e_i,t − m_t)²)
 *   μ_t ← α μ_t + (1 − α) m_t    σ_t ← max(σ_min, α σ_t + (1 − α) s_t)      (per channel v, ω)
 * </pre>
 * Ties keep the lower sample index first and sums run in rank order, so the result does not depend on the
 * thread count. Sized in the constructor; allocates nothing per call. Not thread-safe.
 */
final class EliteSet {
    private final int[] index;
    private final double[] cost;
    private final int[] offset;
    /** Elites held (E, or fewer when fewer samples were finite). */
    int count;
    /** Samples with a finite cost in the last scan. */
    int finite;
    /** Finite samples whose rollout did not collide. */
    int feasible;
    /** The least finite cost, +∞ if none. */
    double min;
    /** The least cost of a collision-free sample, +∞ if none. */
    double minFeasible;
    /** That sample's index, −1 if none. */
    int argFeasible;

    /** @param elites E, the number of elites refitted to. */
    EliteSet(int elites) {
        index = new int[elites];
        cost = new double[elites];
        offset = new int[elites];
    }

    /** Forgets the last iteration's elites. */
    void clear() {
        count = 0;
    }

    /**
     * Serial scan in sample order: counts, the best collision-free sample and the E lowest costs kept sorted by
     * insertion (strict comparisons, so ties keep the lower index first).
     *
     * @param costs    each sample's total cost.
     * @param collided 1 where the sample's rollout collided.
     * @param samples  K, the population.
     */
    void select(double[] costs, byte[] collided, int samples) {
        final int e = index.length;
        double least = Double.POSITIVE_INFINITY;
        double leastFeasible = Double.POSITIVE_INFINITY;
        int arg = -1;
        int nFinite = 0;
        int nFeasible = 0;
        int held = 0;
        for (int k = 0; k < samples; k++) {
            double ck = costs[k];
            if (!(ck - ck == 0.0)) {
                continue;
            }
            nFinite++;
            if (ck < least) {
                least = ck;
            }
            if (collided[k] == 0) {
                nFeasible++;
                if (ck < leastFeasible) {
                    leastFeasible = ck;
                    arg = k;
                }
            }
            if (held == e && !(ck < cost[e - 1])) {
                continue;
            }
            int pos = held < e ? held++ : e - 1;
            while (pos > 0 && cost[pos - 1] > ck) {
                cost[pos] = cost[pos - 1];
                index[pos] = index[pos - 1];
                pos--;
            }
            cost[pos] = ck;
            index[pos] = k;
        }
        finite = nFinite;
        feasible = nFeasible;
        min = least;
        minFeasible = leastFeasible;
        argFeasible = arg;
        count = held;
    }

    /**
     * Sets the buffers' weights to 1/E on the elites and 0 elsewhere (for diagnostics and the recorded
     * rollouts), then refits μ and σ to the elites (the class equation). Needs at least one elite.
     */
    void refit(RolloutBuffers buffers, int samples, int horizon, CemConfig config,
               double[] meanV, double[] meanW, double[] sigmaV, double[] sigmaW) {
        final int held = count;
        final double[] w = buffers.weights;
        Arrays.fill(w, 0, samples, 0.0);
        final double we = 1.0 / held;
        for (int i = 0; i < held; i++) {
            w[index[i]] = we;
            offset[i] = buffers.blockOffset(index[i]);
        }
        final int b = RolloutBuffers.BLOCK;
        final double[] cv = buffers.cmdV;
        final double[] cw = buffers.cmdOmega;
        final double keep = config.momentum();
        final double take = 1.0 - keep;
        final double floorV = config.minSigmaV();
        final double floorW = config.minSigmaOmega();
        final double inv = 1.0 / held;
        for (int t = 0; t < horizon; t++) {
            final int ot = t * b;
            double sv = 0;
            double sw = 0;
            for (int i = 0; i < held; i++) {
                sv += cv[offset[i] + ot];
                sw += cw[offset[i] + ot];
            }
            final double mv = sv * inv;
            final double mw = sw * inv;
            double qv = 0;
            double qw = 0;
            for (int i = 0; i < held; i++) {
                double dv = cv[offset[i] + ot] - mv;
                double dw = cw[offset[i] + ot] - mw;
                qv += dv * dv;
                qw += dw * dw;
            }
            double newSigmaV = keep * sigmaV[t] + take * Math.sqrt(qv * inv);
            double newSigmaW = keep * sigmaW[t] + take * Math.sqrt(qw * inv);
            meanV[t] = keep * meanV[t] + take * mv;
            meanW[t] = keep * meanW[t] + take * mw;
            sigmaV[t] = newSigmaV < floorV ? floorV : newSigmaV;
            sigmaW[t] = newSigmaW < floorW ? floorW : newSigmaW;
        }
    }

    /**
     * Copies the elites' rollouts into the plan, best first, each with weight 1/E, each starting at (x0, y0).
     */
    void writeRollouts(Plan out, RolloutBuffers buffers, int horizon, double x0, double y0) {
        int want = Math.min(out.maxRollouts(), count);
        if (want == 0 || horizon > out.maxHorizon()) {
            out.rolloutCount = 0;
            return;
        }
        final int b = RolloutBuffers.BLOCK;
        final double w = 1.0 / count;
        for (int r = 0; r < want; r++) {
            double[] xy = out.rolloutXY[r];
            xy[0] = x0;
            xy[1] = y0;
            int o = buffers.blockOffset(index[r]);
            for (int t = 0; t < horizon; t++) {
                xy[2 * t + 2] = buffers.x[o + t * b];
                xy[2 * t + 3] = buffers.y[o + t * b];
            }
            out.rolloutWeights[r] = w;
        }
        out.rolloutCount = want;
    }
}
