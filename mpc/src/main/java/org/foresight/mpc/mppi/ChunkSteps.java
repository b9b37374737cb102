package org.foresight.mpc.mppi;

import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.CriticSet;

/**
 * The two steps every sampling planner (MPPI, CEM) does per chunk of samples around its own noise and commands:
 * storing one model step's states into the rollout batch, and scoring the finished chunk with the critics.
 * Stateless; allocates nothing.
 */
public final class ChunkSteps {
    private ChunkSteps() {
    }

    /**
     * Copies the states after one step, in {@code stepBatch} layout (channel i of chunk sample j at i·cnt + j),
     * into the batch at block offset o: one copy per channel, the step's samples being contiguous there.
     *
     * @param xb          the states after the step.
     * @param cnt         samples in the chunk.
     * @param b           the batch.
     * @param o           the batch offset of this step's first sample.
     * @param hasVelocity whether the model's state carries v, ω (else the batch's velocity channels alias the
     *                    commands, already written).
     */
    public static void store(double[] xb, int cnt, RolloutBuffers b, int o, boolean hasVelocity) {
        System.arraycopy(xb, StateIndex.X * cnt, b.x, o, cnt);
        System.arraycopy(xb, StateIndex.Y * cnt, b.y, o, cnt);
        System.arraycopy(xb, StateIndex.THETA * cnt, b.theta, o, cnt);
        if (hasVelocity) {
            System.arraycopy(xb, StateIndex.V * cnt, b.v, o, cnt);
            System.arraycopy(xb, StateIndex.OMEGA * cnt, b.omega, o, cnt);
        }
    }

    /**
     * Scores samples [k0, k1) of one block with the critics into {@code b.costs} (cleared first, with the
     * collision flags), then marks non-finite every sample whose last state is not finite: a NaN anywhere in a
     * rollout propagates to its last state.
     *
     * @param critics the critic set.
     * @param context the plan's context.
     * @param b       the batch.
     * @param k0      first sample.
     * @param k1      one past the last sample (same block).
     * @param o0      the batch offset of sample k0 at step 0.
     * @param horizon T, steps per rollout.
     */
    public static void score(CriticSet critics, CriticContext context, RolloutBuffers b, int k0, int k1, int o0,
                             int horizon) {
        final double[] costs = b.costs;
        for (int k = k0; k < k1; k++) {
            costs[k] = 0.0;
            b.collided[k] = 0;
        }
        critics.score(context, b, k0, k1, costs);
        final int last = o0 + (horizon - 1) * RolloutBuffers.BLOCK;
        for (int j = 0; j < k1 - k0; j++) {
            double chk = b.x[last + j] + b.y[last + j] + b.theta[last + j];
            if (!(chk - chk == 0.0)) {
                costs[k0 + j] = Double.NaN;
            }
        }
    }
}
