package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * Keeps rollouts near the guide path: the mean distance of their poses to the path
 * ({@link GuidePath#lateral()}), saturated at {@code cap} so a justified detour is not punished without
 * bound,
 * <pre>  costs[k] += weight · (1/T) Σ_t min(lat(p_t), cap)   [weight per metre]</pre>
 * Every {@code stride}-th step is sampled (the field is smooth). No guide ⇒ nothing.
 */
public final class PathAlignCritic implements Critic {
    final double weight; // package-private: read by FusedCosts
    final double cap;
    final int stride;

    /**
     * @param weight cost per metre of mean lateral offset, ≥ 0.
     * @param cap    saturation distance [m], &gt; 0.
     * @param stride evaluate every stride-th step, ≥ 1.
     */
    public PathAlignCritic(double weight, double cap, int stride) {
        Critics.nonNegative("path_align weight", "per m", weight);
        Critics.positive("path_align cap", "m", cap);
        if (stride < 1) {
            throw new IllegalArgumentException("path_align stride must be >= 1 step, got " + stride);
        }
        this.weight = weight;
        this.cap = cap;
        this.stride = stride;
    }

    @Override
    public String name() {
        return "path_align";
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        GuidePath guide = c.guide;
        if (guide == null) {
            return;
        }
        DistanceGrid g = guide.lateral();
        final double[] v = g.values();
        final int sx = g.sizeX();
        final int sy = g.sizeY();
        final double inv = 1.0 / g.resolution();
        final double ox = g.originX();
        final double oy = g.originY();
        final int T = b.horizon;
        final int st = stride;
        final double cp = cap;
        final int cnt = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double[] xs = b.x;
        final double[] ys = b.y;
        final double w = weight / ((T + st - 1) / st);
        for (int t = st - 1; t < T; t += st) {
            int o = o0 + t * RolloutBuffers.BLOCK;
            for (int j = 0; j < cnt; j++) {
                double d = DistanceGrid.sample(v, sx, sy, inv, ox, oy, xs[o + j], ys[o + j]);
                costs[k0 + j] += w * Math.min(d, cp);
            }
        }
    }
}
