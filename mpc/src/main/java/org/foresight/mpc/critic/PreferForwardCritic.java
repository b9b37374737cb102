package org.foresight.mpc.critic;

import org.foresight.dynamics.model.Simd;
import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * Discourages reversing (Nav2's PreferForwardCritic):
 * <pre>  costs[k] += weight · (1/T) Σ_t max(0, −v_t)   [weight per m/s]</pre>
 * over the forward-speed channel (model state when it has one, else the command).
 */
public final class PreferForwardCritic implements Critic {
    // Package-private: FusedCosts reads them to sum the fusable critics in one kernel.
    final double weight;

    /** @param weight cost per m/s of mean reverse speed, ≥ 0. */
    public PreferForwardCritic(double weight) {
        Critics.nonNegative("prefer_forward weight", "per m/s", weight);
        this.weight = weight;
    }

    @Override
    public String name() {
        return "prefer_forward";
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        final int T = b.horizon;
        final int n = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double halfW = 0.5 * weight / T;
        final double[] vs = b.v;
        final int j0 = Simd.ENABLED ? CriticLanes.preferForward(vs, o0, RolloutBuffers.BLOCK, T, n, halfW, costs, k0) : 0;
        for (int t = 0; t < T; t++) {
            int o = o0 + t * RolloutBuffers.BLOCK;
            for (int j = j0; j < n; j++) {
                double v = vs[o + j];
                costs[k0 + j] += halfW * (Math.abs(v) - v); // 2·max(−v, 0) exactly; vectorises unlike Math.max
            }
        }
    }
}
