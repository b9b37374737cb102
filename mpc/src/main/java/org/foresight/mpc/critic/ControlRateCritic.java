package org.foresight.mpc.critic;

import org.foresight.dynamics.model.Simd;
import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * Smoothness: the squared rate of change of the commands, starting from the command applied last period,
 * <pre>  costs[k] += (1/T) Σ_t (wV·((v_t − v_{t−1})/dt)² + wΩ·((ω_t − ω_{t−1})/dt)²),  u_{−1} = previous command</pre>
 */
public final class ControlRateCritic implements Critic {
    // Package-private: FusedCosts reads them to sum the fusable critics in one kernel.
    final double weightV;
    final double weightOmega;

    /**
     * @param weightV     cost per (m/s²)² of speed-command rate, ≥ 0.
     * @param weightOmega cost per (rad/s²)² of yaw-rate-command rate, ≥ 0.
     */
    public ControlRateCritic(double weightV, double weightOmega) {
        Critics.nonNegative("control_rate weightV", "per (m/s^2)^2", weightV);
        Critics.nonNegative("control_rate weightOmega", "per (rad/s^2)^2", weightOmega);
        this.weightV = weightV;
        this.weightOmega = weightOmega;
    }

    @Override
    public String name() {
        return "control_rate";
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        final int T = b.horizon;
        final int B = RolloutBuffers.BLOCK;
        final int n = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double inv2 = 1.0 / (c.dt * c.dt);
        final double wv = weightV * inv2 / T;
        final double ww = weightOmega * inv2 / T;
        final double[] cv = b.cmdV;
        final double[] cw = b.cmdOmega;
        final double pv = c.previousCmdV;
        final double pw = c.previousCmdOmega;
        final int j0 = Simd.ENABLED ? CriticLanes.rate(cv, cw, o0, B, T, n, wv, ww, pv, pw, costs, k0) : 0;
        for (int j = j0; j < n; j++) {
            double du = cv[o0 + j] - pv;
            double dw = cw[o0 + j] - pw;
            costs[k0 + j] += wv * du * du + ww * dw * dw;
        }
        for (int t = 1; t < T; t++) {
            int o = o0 + t * B;
            for (int j = j0; j < n; j++) {
                double du = cv[o + j] - cv[o - B + j];
                double dw = cw[o + j] - cw[o - B + j];
                costs[k0 + j] += wv * du * du + ww * dw * dw;
            }
        }
    }
}
