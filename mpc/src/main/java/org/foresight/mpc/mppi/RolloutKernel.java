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
     * A {@link org.foresight.dynamics.model.UnicycleKinematics} or {@link org.foresight.dynamics.model.BodyFrameKinematics}
     * model (the unicycle; a learned linear, sparse or physics model) and critics that
     * {@link org.foresight.mpc.critic.FusedCosts} can sum (the default set), in one sweep of float SIMD lanes per chunk
     * (FusedFloatRollout), the update summed per chunk (ChunkMeans). A cycle with a moving disc in the
     * dynamic_obstacle critic's reach runs GENERIC's path instead. Results differ from GENERIC by float rounding; identical for any thread count. Fast and
     * allocation-free on a JDK whose Vector API compiles gathers, blends and lane conversions (25); on 17 it is
     * slower than GENERIC and allocates. A model, critic or bound it cannot take is refused when the planner is
     * built. The batch ({@link MppiPlanner#buffers}) then holds costs, collision flags and weights; its pose and
     * command channels are not written (the positions for the plan's heaviest rollouts stay in the kernel's own
     * float batch).
     */
    FUSED_FLOAT
}
