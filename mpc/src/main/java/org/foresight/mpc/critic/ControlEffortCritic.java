package org.foresight.mpc.critic;

import org.foresight.dynamics.model.Simd;
import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * Quadratic control effort:
 * <pre>  costs[k] += (1/T) Σ_t (wV·v_t² + wΩ·ω_t²)   over the sampled commands</pre>
 */
public final class ControlEffortCritic implements Critic {
    // Package-private: FusedCosts reads them to sum the fusable critics in one kernel.
    final double weightV;
    final double weightOmega;

    /**
     * @param weightV     cost per (m/s)² of speed command, ≥ 0.
     * @param weightOmega cost per (rad/s)² of yaw-rate command, ≥ 0.
     */
    public ControlEffortCritic(double weightV, double weightOmega) {
        Critics.nonNegative("control_effort weightV", "per (m/s)^2", weightV);
        Critics.nonNegative("control_effort weightOmega", "per (rad/s)^2", weightOmega);
        this.weightV = weightV;
        this.weightOmega = weightOmega;
    }

    @Override
    public String name() {
        return "control_effort";
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        final int T = b.horizon;
        final int n = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double wv = weightV / T;
        final double ww = weightOmega / T;
        final double[] cv = b.cmdV;
        final double[] cw = b.cmdOmega;
        final int j0 = Simd.ENABLED ? CriticLanes.effort(cv, cw, o0, RolloutBuffers.BLOCK, T, n, wv, ww, costs, k0) : 0;
        for (int t = 0; t < T; t++) {
            int o = o0 + t * RolloutBuffers.BLOCK;
            for (int j = j0; j < n; j++) {
                double u = cv[o + j];
                double w = cw[o + j];
                costs[k0 + j] += wv * u * u + ww * w * w;
            }
        }
    }
}
