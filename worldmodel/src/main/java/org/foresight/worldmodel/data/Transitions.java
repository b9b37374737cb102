package org.foresight.worldmodel.data;

import java.util.List;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.model.BodyDelta;

/**
 * One-step training pairs built from episodes: input z = (vₖ, ωₖ, cmd_vₖ, cmd_ωₖ) ({@link Inputs}) and target
 * the measured body-frame change from row k to k+1 ({@link BodyDelta}):
 * <pre>
 *   Δx = xₖ₊₁ − xₖ,  Δy = yₖ₊₁ − yₖ,  c = cos θₖ, s = sin θₖ
 *   d_forward = c·Δx + s·Δy,  d_lateral = −s·Δx + c·Δy,  d_theta = wrap(θₖ₊₁ − θₖ),
 *   d_v = vₖ₊₁ − vₖ,  d_omega = ωₖ₊₁ − ωₖ
 * </pre>
 * Channel-major arrays; pairs never straddle two episodes. Immutable after construction (accessors return
 * internal arrays: do not modify).
 */
public final class Transitions {
    private final double[][] z;
    private final double[][] d;
    private final int size;

    /**
     * @param episodes the episodes, in order; each contributes length − 1 pairs.
     */
    public Transitions(List<Episode> episodes) {
        int n = 0;
        for (Episode e : episodes) {
            n += e.length() - 1;
        }
        size = n;
        z = new double[Inputs.DIM][n];
        d = new double[BodyDelta.DIM][n];
        int i = 0;
        for (Episode e : episodes) {
            double[] x = e.state(StateIndex.X);
            double[] y = e.state(StateIndex.Y);
            double[] th = e.state(StateIndex.THETA);
            double[] v = e.state(StateIndex.V);
            double[] w = e.state(StateIndex.OMEGA);
            double[] cv = e.control(ControlIndex.V);
            double[] cw = e.control(ControlIndex.OMEGA);
            for (int k = 0; k + 1 < e.length(); k++, i++) {
                z[Inputs.V][i] = v[k];
                z[Inputs.OMEGA][i] = w[k];
                z[Inputs.CMD_V][i] = cv[k];
                z[Inputs.CMD_OMEGA][i] = cw[k];
                double dx = x[k + 1] - x[k];
                double dy = y[k + 1] - y[k];
                double c = Math.cos(th[k]);
                double s = Math.sin(th[k]);
                d[BodyDelta.FORWARD][i] = c * dx + s * dy;
                d[BodyDelta.LATERAL][i] = -s * dx + c * dy;
                d[BodyDelta.THETA][i] = Angles.wrap(th[k + 1] - th[k]);
                d[BodyDelta.V][i] = v[k + 1] - v[k];
                d[BodyDelta.OMEGA][i] = w[k + 1] - w[k];
            }
        }
    }

    /** @return number of pairs. */
    public int size() {
        return size;
    }

    /**
     * @param input an {@link Inputs} index.
     * @return that input over all pairs. Do not modify.
     */
    public double[] input(int input) {
        return z[input];
    }

    /**
     * @param output a {@link BodyDelta} index.
     * @return that target over all pairs. Do not modify.
     */
    public double[] target(int output) {
        return d[output];
    }
}
