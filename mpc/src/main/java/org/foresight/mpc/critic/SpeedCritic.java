package org.foresight.mpc.critic;

import org.foresight.dynamics.model.Simd;
import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * Holds a cruise speed, charging only for going slower than it (going faster is bounded by the
 * controls anyway):
 * <pre>  costs[k] += weight · (1/T) Σ_t max(0, v* − v_t)²   [weight per (m/s)²]</pre>
 */
public final class SpeedCritic implements Critic {
    // Package-private: FusedCosts reads them to sum the fusable critics in one kernel.
    final double weight;
    final double target;

    /**
     * @param weight cost per (m/s)² of mean squared shortfall, ≥ 0.
     * @param target cruise speed v* [m/s], ≥ 0.
     */
    public SpeedCritic(double weight, double target) {
        Critics.nonNegative("speed weight", "per (m/s)^2", weight);
        Critics.nonNegative("speed target", "m/s", target);
        this.weight = weight;
        this.target = target;
    }

    @Override
    public String name() {
        return "speed";
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        final int T = b.horizon;
        final int n = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double w = weight / T;
        final double vt = target;
        final double[] vs = b.v;
        final int j0 = Simd.ENABLED ? CriticLanes.speed(vs, o0, RolloutBuffers.BLOCK, T, n, w, vt, costs, k0) : 0;
        for (int t = 0; t < T; t++) {
            int o = o0 + t * RolloutBuffers.BLOCK;
            for (int j = j0; j < n; j++) {
                double d = vt - vs[o + j];
                double e = 0.5 * (d + Math.abs(d)); // max(d, 0), exactly; vectorises unlike Math.max
                costs[k0 + j] += w * e * e;
            }
        }
    }
}
