package org.foresight.mpc.mppi;

import org.foresight.mpc.PlanStatus;

/**
 * The MPPI softmax over the samples' costs, with the counts the planner reports:
 * <pre>
 *   w_k = exp(−(S_k − min_j S_j)/λ) / Σ_j exp(−(S_j − min S)/λ)    non-finite S_k: w_k = 0
 * </pre>
 * (the min-shift avoids overflow; the best sample's unnormalised weight is 1). Serial, in sample order:
 * deterministic. Allocation-free; not thread-safe.
 */
final class SampleWeights {
    private int finite;
    private int feasible;
    private double minCost = Double.NaN;

    /**
     * Counts the finite and the collision-free samples and, when both exist, writes the weights.
     *
     * @param costs       S_k for k in [0, samples). Not modified.
     * @param collided    non-zero for samples that collided. Not modified.
     * @param samples     K.
     * @param temperature λ &gt; 0.
     * @param w           (Output) w_k at [0, samples), written only when the result is OK. Modified.
     * @return OK, {@link PlanStatus#NON_FINITE} when no cost is finite, or
     *         {@link PlanStatus#NO_COLLISION_FREE_ROLLOUT} when every finite sample collided.
     */
    PlanStatus compute(double[] costs, byte[] collided, int samples, double temperature, double[] w) {
        PlanStatus status = count(costs, collided, samples);
        if (status != PlanStatus.OK) {
            return status;
        }
        final double min = minCost;
        final double invLambda = 1.0 / temperature;
        double sum = 0;
        for (int k = 0; k < samples; k++) {
            double ck = costs[k];
            double wk = ck - ck == 0.0 ? Math.exp(-(ck - min) * invLambda) : 0.0;
            w[k] = wk;
            sum += wk;
        }
        double invSum = 1.0 / sum;
        for (int k = 0; k < samples; k++) {
            w[k] *= invSum;
        }
        return PlanStatus.OK;
    }

    /**
     * {@link #compute} without the weights: counts the finite and the collision-free samples and finds the least
     * finite cost (for a caller that weighs the samples itself, as {@link ChunkMeans}).
     *
     * @param costs    S_k for k in [0, samples). Not modified.
     * @param collided non-zero for samples that collided. Not modified.
     * @param samples  K.
     * @return as {@link #compute}.
     */
    PlanStatus count(double[] costs, byte[] collided, int samples) {
        double min = Double.POSITIVE_INFINITY;
        int nFinite = 0;
        int nFeasible = 0;
        for (int k = 0; k < samples; k++) {
            double ck = costs[k];
            if (ck - ck == 0.0) { // finite
                nFinite++;
                if (collided[k] == 0) {
                    nFeasible++;
                }
                if (ck < min) {
                    min = ck;
                }
            }
        }
        finite = nFinite;
        feasible = nFeasible;
        minCost = nFinite > 0 ? min : Double.NaN;
        if (nFinite == 0) {
            return PlanStatus.NON_FINITE;
        }
        if (nFeasible == 0) {
            return PlanStatus.NO_COLLISION_FREE_ROLLOUT;
        }
        return PlanStatus.OK;
    }

    /** @return samples with a finite cost in the last {@link #compute}. */
    int finite() {
        return finite;
    }

    /** @return finite samples that did not collide in the last {@link #compute}. */
    int feasible() {
        return feasible;
    }

    /** @return the least finite cost of the last {@link #compute}, NaN if none. */
    double minCost() {
        return minCost;
    }
}
