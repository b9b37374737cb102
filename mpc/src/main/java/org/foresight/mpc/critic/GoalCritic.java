package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * Pulls rollouts onto the goal once the robot is near it (Nav2's GoalCritic): when the start is within
 * {@code activation} of the goal,
 * <pre>  costs[k] += weight · (1/T) Σ_t ‖p_t − g‖   [weight per metre]</pre>
 * otherwise nothing (far away, the path critics lead).
 */
public final class GoalCritic implements Critic {
    private final double weight;
    private final double activation;
    private boolean active;

    /**
     * @param weight     cost per metre of mean distance to the goal, ≥ 0.
     * @param activation start-to-goal distance below which the critic acts [m], ≥ 0.
     */
    public GoalCritic(double weight, double activation) {
        Critics.nonNegative("goal weight", "per m", weight);
        Critics.nonNegative("goal activation distance", "m", activation);
        this.weight = weight;
        this.activation = activation;
    }

    @Override
    public String name() {
        return "goal";
    }

    @Override
    public void prepare(CriticContext c) {
        active = Math.hypot(c.startX - c.goalX, c.startY - c.goalY) <= activation;
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        if (!active) {
            return;
        }
        final int T = b.horizon;
        final int n = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double[] xs = b.x;
        final double[] ys = b.y;
        final double gx = c.goalX;
        final double gy = c.goalY;
        final double w = weight / T;
        for (int t = 0; t < T; t++) {
            int o = o0 + t * RolloutBuffers.BLOCK;
            for (int j = 0; j < n; j++) {
                double dx = xs[o + j] - gx;
                double dy = ys[o + j] - gy;
                costs[k0 + j] += w * Math.sqrt(dx * dx + dy * dy);
            }
        }
    }
}
