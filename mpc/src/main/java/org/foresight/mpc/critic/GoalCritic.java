package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * Pulls rollouts onto the goal once the robot is near it (Nav2's GoalCritic): when the start is within
 * {@code activation} of the goal,
 * <pre>  costs[k] += weight · (1/T) Σ_t ‖p_t − g‖   [weight per metre]</pre>
 * otherwise nothing (far away, the path critics lead). With {@code lastStepOnly} it charges the last pose
 * alone, {@code costs[k] += weight · ‖p_{T−1} − g‖} (the terminal cost of the C yardstick in
 * {@code ../shared/perf}, used by the parity benchmark).
 */
public final class GoalCritic implements Critic {
    // Package-private: FusedCosts reads them to sum the fusable critics in one kernel.
    final double weight;
    private final double activation;
    final boolean lastStepOnly;
    boolean active;

    /**
     * @param weight     cost per metre of mean distance to the goal, ≥ 0.
     * @param activation start-to-goal distance below which the critic acts [m], ≥ 0.
     */
    public GoalCritic(double weight, double activation) {
        this(weight, activation, false);
    }

    /**
     * @param weight       cost per metre of mean (or, with lastStepOnly, final) distance to the goal, ≥ 0.
     * @param activation   start-to-goal distance below which the critic acts [m], ≥ 0.
     * @param lastStepOnly charge only the last pose's distance (a terminal cost) instead of the mean.
     */
    public GoalCritic(double weight, double activation, boolean lastStepOnly) {
        Critics.nonNegative("goal weight", "per m", weight);
        Critics.nonNegative("goal activation distance", "m", activation);
        this.weight = weight;
        this.activation = activation;
        this.lastStepOnly = lastStepOnly;
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
        if (lastStepOnly) {
            final double wl = weight;
            final int o = o0 + (T - 1) * RolloutBuffers.BLOCK;
            for (int j = 0; j < n; j++) {
                double dx = xs[o + j] - gx;
                double dy = ys[o + j] - gy;
                costs[k0 + j] += wl * Math.sqrt(dx * dx + dy * dy);
            }
            return;
        }
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
