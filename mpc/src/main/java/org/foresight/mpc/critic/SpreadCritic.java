package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * The model's doubt as a cost: a rollout pays for the spread of the ensemble's predictions where it passes
 * close to obstacles, so that among rollouts of equal progress the planner prefers those whose outcome the
 * model is sure of near walls (in the spirit of risk-aware MPC over ensembles, e.g. PETS, Chua et al. 2018).
 * Per sample k, with σ_t the positional spread after step t ({@link RolloutBuffers#spread}, filled by the
 * planner from the ensemble's members) and d_t the clearance of the footprint's circumscribed circle:
 * <pre>
 *   d_t    = SDF(x_t, y_t) − R                        R = ½·√(L² + W²)  (footprint half-diagonal)
 *   prox_t = clamp((margin − d_t) / margin, 0, 1)     0 beyond the margin, 1 at contact or inside
 *   costs[k] += (weight / T) · Σ_t σ_t · prox_t
 * </pre>
 * The term is zero when the spread is zero (a model without members, or members that agree) and grows
 * linearly with the spread; it does not flag collisions (the {@link ObstacleCritic} does). Samples already
 * flagged {@code collided} are skipped. With weight 0 the critic is off: {@link #needsSpread} is false and
 * {@link #score} returns at once. Allocation-free.
 */
public final class SpreadCritic implements Critic {
    private final double weight;
    private final double margin;
    private final double radius;

    /**
     * @param params weight and margin (validated by the record).
     * @param radius radius of the circle circumscribing the footprint [m], &gt; 0.
     */
    public SpreadCritic(SpreadParams params, double radius) {
        Critics.positive("spread critic footprint radius", "m", radius);
        this.weight = params.weight();
        this.margin = params.margin();
        this.radius = radius;
    }

    @Override
    public String name() {
        return "spread";
    }

    /** @return whether the weight is positive (only then does the planner roll the members out). */
    @Override
    public boolean needsSpread() {
        return weight > 0;
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        if (weight == 0.0 || b.spread.length == 0) {
            return;
        }
        final int T = b.horizon;
        final int B = RolloutBuffers.BLOCK;
        final int o0 = b.blockOffset(k0);
        final double[] xs = b.x;
        final double[] ys = b.y;
        final double[] sp = b.spread;
        final byte[] collided = b.collided;
        final DistanceGrid g = c.obstacles;
        final double[] v = g.values();
        final int sx = g.sizeX();
        final int sy = g.sizeY();
        final double inv = 1.0 / g.resolution();
        final double ox = g.originX();
        final double oy = g.originY();
        final double far = margin + radius;
        final double invMg = 1.0 / margin;
        final double w = weight / T;
        for (int j = 0, n = k1 - k0; j < n; j++) {
            int k = k0 + j;
            if (collided[k] != 0) {
                continue;
            }
            double acc = 0.0;
            for (int t = 0, o = o0 + j; t < T; t++, o += B) {
                double s = sp[o];
                if (!(s > 0.0)) {
                    continue; // no doubt, no cost (and no lookup)
                }
                double dc = DistanceGrid.sample(v, sx, sy, inv, ox, oy, xs[o], ys[o]);
                if (dc >= far) {
                    continue;
                }
                double p = (far - dc) * invMg; // (margin − (dc − R)) / margin
                acc += s * (p > 1.0 ? 1.0 : p);
            }
            costs[k] += w * acc;
        }
    }
}
