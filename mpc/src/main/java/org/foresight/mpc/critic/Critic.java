package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * One cost term shared by sampling planners (Nav2's {@code CriticFunction}): it adds
 * {@code weight × term} for each sample into {@code costs[k]} and never overwrites. Configuration (weights,
 * thresholds) comes from the critic's constructor; {@link #prepare} runs once per planning cycle on the
 * caller's thread; {@link #score} runs on worker threads over disjoint sample ranges, must be allocation-free
 * and must only write {@code costs[k]} / {@code batch.collided[k]} for its own k.
 *
 * <p>A range never crosses a {@link RolloutBuffers#BLOCK block}, so entry (k0 + j, t) of every channel is
 * at {@code batch.blockOffset(k0) + t·BLOCK + j}: the natural kernel is "for t, for j", contiguous in j.
 */
public interface Critic {

    /** @return the critic's name as used in critic lists, e.g. {@code "obstacle"}. */
    String name();

    /**
     * Whether this critic reads {@link RolloutBuffers#spread}: a planner over an
     * {@link org.foresight.dynamics.model.EnsembleDynamics} model then rolls every member out to fill it (which
     * costs one more rollout per member). Default: false.
     *
     * @return true if {@link #score} reads the spread channel.
     */
    default boolean needsSpread() {
        return false;
    }

    /**
     * Per-cycle setup (e.g. cache a field from the context). Default: nothing.
     *
     * @param context the cycle's context. Not modified.
     */
    default void prepare(CriticContext context) {
    }

    /**
     * Adds this critic's weighted cost of samples k ∈ [k0, k1) to {@code costs[k]}.
     *
     * @param context the cycle's context. Not modified.
     * @param batch   the rollouts (see {@link RolloutBuffers#index}). Only {@code collided[k]} may be modified.
     * @param k0      first sample (inclusive).
     * @param k1      last sample (exclusive); [k0, k1) lies within one block of {@link RolloutBuffers#BLOCK}.
     * @param costs   (Output) per-sample costs, index k; incremented. Modified.
     */
    void score(CriticContext context, RolloutBuffers batch, int k0, int k1, double[] costs);
}
