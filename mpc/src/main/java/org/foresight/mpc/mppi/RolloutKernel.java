package org.foresight.mpc.mppi;

/**
 * How {@link MppiPlanner} rolls its samples out and scores them.
 */
public enum RolloutKernel {
    /**
     * Any {@link org.foresight.dynamics.model.DynamicsModel} and any critics: the model's {@code stepBatch} per
     * step into a double batch, then each critic over the batch. Bit-identical for any thread count.
     */
    GENERIC,
    /**
     * A {@link org.foresight.dynamics.model.UnicycleKinematics} model and critics that
     * {@link org.foresight.mpc.critic.FusedCosts} can sum, in one sweep of float SIMD lanes per chunk
     * (FusedFloatRollout): the fast path for the yardstick's kind of problem. Results differ from GENERIC by float
     * rounding; identical for any thread count. Fast on a JDK whose Vector API compiles gathers and blends
     * (25; on 17 it is slower than GENERIC). A model or critic it cannot fuse is refused when the planner is built.
     */
    FUSED_FLOAT
}
