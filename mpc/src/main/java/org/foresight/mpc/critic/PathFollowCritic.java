package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * Progress along the guide path: the cost-to-go (remaining path length from the nearest path point plus
 * the distance to it, {@link GuidePath#costToGo()}) at the rollout's last pose,
 * <pre>  costs[k] += weight · ctg(p_{T−1})   [weight per metre]</pre>
 * so rollouts that get further along the path cost less. No guide ⇒ nothing.
 */
public final class PathFollowCritic implements Critic {
    final double weight; // package-private: read by FusedCosts

    /** @param weight cost per metre of remaining path, ≥ 0. */
    public PathFollowCritic(double weight) {
        Critics.nonNegative("path_follow weight", "per m", weight);
        this.weight = weight;
    }

    @Override
    public String name() {
        return "path_follow";
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        GuidePath guide = c.guide;
        if (guide == null) {
            return;
        }
        DistanceGrid g = guide.costToGo();
        final double[] v = g.values();
        final int sx = g.sizeX();
        final int sy = g.sizeY();
        final double inv = 1.0 / g.resolution();
        final double ox = g.originX();
        final double oy = g.originY();
        final int n = k1 - k0;
        final int o = b.blockOffset(k0) + (b.horizon - 1) * RolloutBuffers.BLOCK;
        for (int j = 0; j < n; j++) {
            costs[k0 + j] += weight * DistanceGrid.sample(v, sx, sy, inv, ox, oy, b.x[o + j], b.y[o + j]);
        }
    }
}
