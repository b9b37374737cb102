package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * Obstacle cost from the signed distance field, the footprint approximated by circles along the heading.
 * Per sample-step, with circle centres c_i = p + a_i·(cos θ, sin θ) and clearance d = min_i SDF(c_i) − r:
 * <pre>
 *   d ≤ d_hit               ⇒  collision: costs[k] += collisionCost once, collided[k] = 1, later steps skipped
 *   d_hit &lt; d &lt; margin  ⇒  costs[k] += weight · (1/T) · ((margin − d)/margin)²   (each step before a hit)
 * </pre>
 * A sample already flagged {@code collided} when scoring starts is skipped.
 * Fast path: the bilinear SDF is Lipschitz with constant ≤ √2 (each partial derivative is a convex
 * combination of 1-Lipschitz differences), so if SDF(p) − √2·max|a_i| − r ≥ margin no circle can cost
 * anything and the step needs one lookup and no trigonometry (most steps in open space). A circle at
 * offset 0 reuses that lookup, so an odd number of circles costs no more than one fewer. The same bound
 * skips lookups altogether: after a lookup with slack s = SDF(p_t) − reach ≥ 0, the next poses satisfy
 * SDF(p_{t+i}) − reach ≥ s − √2·Σ‖p_{t+j} − p_{t+j−1}‖, so while that running bound stays ≥ 1e-9 m (a guard
 * for its rounding) the steps cost nothing and are not looked up (in a BARN world about two thirds of the
 * sample-steps are beyond reach; the bound holds for any model, since it uses the rolled-out poses). The
 * result is the same, bit for bit, as looking every step up.
 * d_hit = min(pad, d₀ − 0.02 m) where pad is a safety clearance (covering the SDF's corner over-estimate,
 * up to 0.03 m at 0.15 m cells, and model error) and d₀ the start pose's clearance: if the circles are
 * already that close at the start, only rollouts that get closer count as collisions, so the robot can back
 * out instead of freezing. A NaN pose counts as a collision.
 */
public final class ObstacleCritic implements Critic {
    private static final double START_SLACK = 0.02;
    /** Lipschitz constant of the bilinear SDF (see the class comment). */
    private static final double LIPSCHITZ = Math.sqrt(2.0);
    /** Slack [m] kept beyond the bound before a lookup is skipped: covers the rounding of the running bound. */
    private static final double SLACK_GUARD = 1e-9;

    // Package-private: FusedCosts reads them to sum the fusable critics in one kernel.
    final double collisionCost;
    final double weight;
    final double margin;
    final double[] offsets;
    final double radius;
    private final double pad;
    private final double reach;
    double hitBelow;

    /**
     * @param collisionCost cost of a colliding rollout (dimensionless), ≥ 0.
     * @param weight        weight of the proximity term (dimensionless), ≥ 0.
     * @param margin        clearance below which proximity costs [m], &gt; 0.
     * @param offsets       circle centres along the heading from the robot origin [m], at least one. Copied.
     * @param radius        circle radius [m], &gt; 0.
     * @param pad           clearance below which a pose counts as a collision [m], ≥ 0, &lt; margin.
     */
    public ObstacleCritic(double collisionCost, double weight, double margin, double[] offsets, double radius,
                          double pad) {
        Critics.nonNegative("obstacle collisionCost", "", collisionCost);
        Critics.nonNegative("obstacle weight", "", weight);
        Critics.positive("obstacle margin", "m", margin);
        Critics.positive("obstacle circle radius", "m", radius);
        Critics.nonNegative("obstacle collision pad", "m", pad);
        if (pad >= margin) {
            throw new IllegalArgumentException("obstacle collision pad (" + pad + " m) must be below the margin ("
                    + margin + " m)");
        }
        if (offsets == null || offsets.length == 0) {
            throw new IllegalArgumentException("obstacle critic needs at least one footprint circle offset [m]");
        }
        this.collisionCost = collisionCost;
        this.weight = weight;
        this.margin = margin;
        this.offsets = offsets.clone();
        this.radius = radius;
        this.pad = pad;
        double far = 0;
        for (double a : offsets) {
            far = Math.max(far, Math.abs(a));
        }
        this.reach = Math.sqrt(2.0) * far + radius + margin;
    }

    /**
     * Circles covering a rectangle footprint: n equal circles along the length, centres at
     * −L/2 + (i + ½)·L/n, radius √((W/2)² + (L/2n)²) (each covers its L/n × W slice).
     *
     * @param length footprint length along the heading [m].
     * @param width  footprint width [m].
     * @param n      number of circles, ≥ 1.
     * @return {offsets..., radius} as a pair: offsets in [0], radius in [1][0].
     */
    public static double[][] circlesFor(double length, double width, int n) {
        double[] off = new double[n];
        for (int i = 0; i < n; i++) {
            off[i] = -0.5 * length + (i + 0.5) * length / n;
        }
        return new double[][] {off, {Math.hypot(0.5 * width, 0.5 * length / n)}};
    }

    @Override
    public String name() {
        return "obstacle";
    }

    @Override
    public void prepare(CriticContext c) {
        double d0 = clearance(c.obstacles, c.startX, c.startY, Math.cos(c.startTheta), Math.sin(c.startTheta));
        hitBelow = Double.isNaN(d0) ? pad : Math.min(pad, d0 - START_SLACK);
    }

    /**
     * @return clearance [m] of the circle footprint at a pose (min SDF at the centres − radius).
     */
    double clearance(DistanceGrid g, double x, double y, double cos, double sin) {
        double best = Double.POSITIVE_INFINITY;
        for (double a : offsets) {
            best = Math.min(best, g.distance(x + a * cos, y + a * sin));
        }
        return best - radius;
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        final int T = b.horizon;
        final int n = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double[] xs = b.x;
        final double[] ys = b.y;
        final double[] ths = b.theta;
        final byte[] collided = b.collided;
        final DistanceGrid g = c.obstacles;
        final double[] v = g.values();
        final int sx = g.sizeX();
        final int sy = g.sizeY();
        final double inv = 1.0 / g.resolution();
        final double ox = g.originX();
        final double oy = g.originY();
        final double[] off = offsets;
        final int nc = off.length;
        final double r = radius;
        final double hit = hitBelow;
        final double mg = margin;
        final double invMg = 1.0 / margin;
        final double w = weight / T;
        final double safe = reach;
        final double cc = collisionCost;
        final int B = RolloutBuffers.BLOCK;
        // Sample-major: a sample's steps in order (its cost sums in the same order as step-major), so a
        // collision ends its loop and the Lipschitz slack stays in a register.
        for (int j = 0; j < n; j++) {
            int k = k0 + j;
            if (collided[k] != 0) {
                continue; // charged once; later steps do not matter
            }
            double acc = costs[k];
            double slack = -1.0; // lower bound on SDF(p_t) − reach from the last lookup, < 0: none
            double qx = 0.0;
            double qy = 0.0;
            for (int t = 0, o = o0 + j; t < T; t++, o += B) {
                double px = xs[o];
                double py = ys[o];
                if (slack > 0.0) {
                    double dx = px - qx;
                    double dy = py - qy;
                    slack -= LIPSCHITZ * Math.sqrt(dx * dx + dy * dy);
                    qx = px;
                    qy = py;
                    if (slack >= SLACK_GUARD) {
                        continue; // still provably beyond reach: no lookup (see class comment)
                    }
                }
                double dc0 = DistanceGrid.sample(v, sx, sy, inv, ox, oy, px, py);
                slack = dc0 - safe;
                qx = px;
                qy = py;
                if (dc0 >= safe) {
                    continue; // no circle can be within the margin (see class comment)
                }
                if (dc0 != dc0) { // NaN pose
                    collided[k] = 1;
                    acc += cc;
                    break;
                }
                double th = ths[o];
                double co = FastTrig.cos(th);
                double si = FastTrig.sin(th);
                double dmin = Double.POSITIVE_INFINITY;
                for (int i = 0; i < nc; i++) {
                    double a = off[i];
                    double d = a == 0.0 ? dc0 : DistanceGrid.sample(v, sx, sy, inv, ox, oy, px + a * co, py + a * si);
                    dmin = d < dmin ? d : dmin;
                }
                double dc = dmin - r;
                if (!(dc > hit)) {
                    collided[k] = 1;
                    acc += cc;
                    break;
                } else if (dc < mg) {
                    double e = (mg - dc) * invMg;
                    acc += w * e * e;
                }
            }
            costs[k] = acc;
        }
    }
}
