package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * Smoothness: the squared rate of change of the commands, starting from the command applied last period,
 * <pre>  costs[k] += (1/T) Σ_t (wV·((v_t − v_{t−1})/dt)² + wΩ·((ω_t − ω_{t−1})/dt)²),  u_{−1} = previous command</pre>
 */
public final class ControlRateCritic implements Critic {
    private final double weightV;
    private final double weightOmega;

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
        final double inv2 = 1.0 / (c.dt * c.dt);
        final double wv = weightV * inv2 / T;
        final double ww = weightOmega * inv2 / T;
        final double[] cv = b.cmdV;
        final double[] cw = b.cmdOmega;
        for (int k = k0; k < k1; k++) {
            int base = k * T;
            double pv = c.previousCmdV;
            double pw = c.previousCmdOmega;
            double av = 0;
            double aw = 0;
            for (int t = 0; t < T; t++) {
                double u = cv[base + t];
                double o = cw[base + t];
                av += (u - pv) * (u - pv);
                aw += (o - pw) * (o - pw);
                pv = u;
                pw = o;
            }
            costs[k] += wv * av + ww * aw;
        }
    }
}
