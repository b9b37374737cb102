package org.foresight.mpc.critic;

import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.perception.DiscMotion;
import org.foresight.mpc.perception.MovingDiscs;

/**
 * Cost of coming close to moving obstacles, each predicted at constant velocity to the time of every rollout step,
 * with a radius that grows with the prediction time (its uncertainty). Rollout pose t is the state after control t,
 * so it is compared with each disc i predicted to τ = (t + 1)·dt after the measurement:
 * <pre>
 *   cᵢ(τ) = pᵢ + v̂ᵢ·τ,   v̂ᵢ = vᵢ·min(1, s_max/|vᵢ|)            (speed clipped; with turnHold or accelHold &gt; 0
 *                                                                the disc's turn and acceleration held that long,
 *                                                                MovingDiscs#predict, DiscMotion#displace)
 *   Rᵢ(τ) = rᵢ + r_f + k·(σᵢ + σᵥᵢ·τ) + g·τ                      (footprint circle radius r_f, growth g, the
 *                                                                track's position and velocity σ, k = sigmaScale)
 *   d = min over footprint circles a (centre q_a = p + a·(cos θ, sin θ)), over i, of |q_a − cᵢ(τ)| − Rᵢ(τ)
 *   d ≤ 0        ⇒ costs[k] += collisionCost / T
 *   0 &lt; d &lt; m  ⇒ costs[k] += weight / T · ((m − d)/m)²
 * </pre>
 * Two optional terms (off by default). Headway, lead L &gt; 0: the disc's predicted path over [τ, τ + L] is a
 * capsule from cᵢ(τ) to cᵢ(τ + L) of radius Rᵢ(τ + L); a pose clear of the disc (d &gt; 0) but inside that capsule
 * (the disc will be there within L: the robot crosses just ahead of it) adds leadCost / T; a pose the disc has
 * already swept does not. Braking, stopCost &gt; 0: from the rollout's last pose, speed v &gt; 0, the robot brakes
 * straight at a = stopDecel; its poses p + (v·s − a·s²/2)·(cos θ, sin θ) at s = dt, 2·dt, … until it stops are
 * compared with the discs at τ_T + s, and any overlap adds stopCost once (a rollout that cannot stop in time).
 * The prediction tables run past the horizon as far as these need.
 * <p>Discs that carry a table of their true future ({@link MovingDiscs#futureSteps()} &gt; 0, the {@code future}
 * oracle) are placed where the table says instead, cᵢ(τ) = fᵢ(τ), without growth or σ (Rᵢ = rᵢ + r_f): the upper bound of
 * prediction.
 * <p>A predicted overlap is a cost, not a collision flag: a prediction may be wrong, and when every rollout meets
 * one the robot should still take the least bad way rather than stop. Discs that cannot come within reach of
 * the robot over the horizon (its speed bound, the disc's clipped speed, the grown radius) are dropped in
 * {@link #prepare}; per sample-step the rest cost one squared-distance test each, and the footprint circles only
 * when a disc is within reach. Allocation-free after the first cycles (grow-only prediction tables).
 */
public final class DynamicObstacleCritic implements Critic {
    private final DynamicObstacleParams p;
    /** The prediction's motion model (from p). */
    private final DiscMotion motion;
    /** Scratch of one predicted centre (x, y) [m]. */
    private final double[] xy = new double[2];
    private final double[] offsets;
    private final double circleRadius;
    private final double reach;
    /** Steps predicted in the tables this cycle. */
    private int steps;
    /** Discs kept this cycle. */
    private int m;
    /** Indices of the kept discs (scratch). */
    private int[] keep = new int[0];
    /** Predicted centre x [m] of kept disc i at step t: index t·m + i. */
    private double[] cx = new double[0];
    /** Predicted centre y [m]. */
    private double[] cy = new double[0];
    /** Grown radius Rᵢ(τ) [m] (disc + footprint circle + growth). */
    private double[] cr = new double[0];
    /** (Rᵢ(τ) + reach + margin)², or the headway capsule's bound if larger: beyond it no circle can cost [m²]. */
    private double[] far2 = new double[0];
    /** Headway steps L/dt (0: off) this cycle. */
    private int leadSteps;
    /** Braking steps beyond the horizon (0: off) this cycle. */
    private int stopSteps;

    /**
     * @param params       weights and shapes.
     * @param offsets      footprint circle centres along the heading from the robot origin [m], at least one. Copied.
     * @param circleRadius footprint circle radius [m], &gt; 0.
     */
    public DynamicObstacleCritic(DynamicObstacleParams params, double[] offsets, double circleRadius) {
        if (params == null) {
            throw new IllegalArgumentException("dynamic obstacle critic needs its parameters");
        }
        if (offsets == null || offsets.length == 0) {
            throw new IllegalArgumentException("dynamic obstacle critic needs at least one footprint circle offset [m]");
        }
        Critics.positive("dynamic obstacle circle radius", "m", circleRadius);
        this.p = params;
        this.motion = params.motion();
        this.offsets = offsets.clone();
        this.circleRadius = circleRadius;
        double far = 0;
        for (double a : offsets) {
            far = Math.max(far, Math.abs(a));
        }
        this.reach = far;
    }

    @Override
    public String name() {
        return "dynamic_obstacle";
    }

    /** @return whether any moving disc can reach the rollouts this cycle (after {@link #prepare}); if not, it adds nothing. */
    public boolean active() {
        return m > 0;
    }

    @Override
    public void prepare(CriticContext c) {
        m = 0;
        steps = 0;
        MovingDiscs d = c.movers;
        int n = d == null ? 0 : d.count();
        if (n == 0 || c.horizon < 1) {
            return;
        }
        int tMax = c.horizon;
        leadSteps = p.lead() > 0 && p.leadCost() > 0 ? (int) Math.ceil(p.lead() / c.dt - 1e-9) : 0;
        stopSteps = p.stopCost() > 0 ? (int) Math.ceil(p.robotMaxSpeed() / p.stopDecel() / c.dt - 1e-9) : 0;
        int rows = tMax + Math.max(leadSteps, stopSteps);
        double span = rows * c.dt;
        double smax = p.maxSpeed();
        boolean future = d.futureSteps() > 0;
        // keep only the discs that can come within reach during the horizon (and the rows past it)
        int kept = 0;
        int[] keep = keepScratch(n);
        for (int i = 0; i < n; i++) {
            double vx = d.vx(i);
            double vy = d.vy(i);
            double s = Math.hypot(vx, vy);
            double f = s > smax ? smax / s : 1.0;
            double dist = Math.hypot(d.x(i) - c.startX, d.y(i) - c.startY);
            double sb = s * f;
            if (p.accelHold() > 0) {
                sb = Math.min(smax, sb + p.maxAccel() * p.accelHold()); // a held acceleration: the fastest it gets
            }
            double bound = (p.robotMaxSpeed() + sb + p.growth()) * span + d.radius(i)
                    + p.sigmaScale() * (d.sigma(i) + d.sigmaV(i) * span) + circleRadius + reach + p.margin();
            if (future) {
                // the true path may be faster than the clip: keep the disc if any point of it comes within reach
                dist = Double.POSITIVE_INFINITY;
                bound = p.robotMaxSpeed() * span + d.radius(i) + circleRadius + reach + p.margin();
                for (int t = 0; t < rows; t++) {
                    double tau = (t + 1) * c.dt;
                    dist = Math.min(dist, Math.hypot(d.futureX(i, tau) - c.startX, d.futureY(i, tau) - c.startY));
                }
            }
            if (Double.isFinite(dist) && dist < bound) {
                keep[kept++] = i;
            }
        }
        m = kept;
        steps = rows;
        ensure(rows * m);
        for (int t = 0; t < rows; t++) {
            double tau = (t + 1) * c.dt;
            for (int j = 0; j < m; j++) {
                int i = keep[j];
                int q = t * m + j;
                d.predict(i, tau, motion, xy);
                cx[q] = xy[0];
                cy[q] = xy[1];
                cr[q] = d.radius(i) + circleRadius + (future ? 0.0 : widening(d, i, tau));
                double r = cr[q] + reach + p.margin();
                far2[q] = r * r;
            }
        }
        if (leadSteps > 0) {
            // a circle can be inside the capsule only within |segment| + R(τ + L) + reach of its start
            for (int t = 0; t + leadSteps < rows; t++) {
                for (int j = 0; j < m; j++) {
                    int q = t * m + j;
                    int qL = q + leadSteps * m;
                    double r = Math.hypot(cx[qL] - cx[q], cy[qL] - cy[q]) + cr[qL] + reach;
                    far2[q] = Math.max(far2[q], r * r);
                }
            }
        }
    }

    /** How much a predicted disc widens by τ [m]: k·(σᵢ + σᵥᵢ·τ) + g·τ. */
    private double widening(MovingDiscs d, int i, double tau) {
        return p.sigmaScale() * (d.sigma(i) + d.sigmaV(i) * tau) + p.growth() * tau;
    }

    /**
     * The critic's clearance for one pose, for a planner that does not score a rollout batch (DWA): the same
     * prediction and grown radius as {@link #prepare}, d = min over footprint circles and discs of
     * |q_a − cᵢ(τ)| − Rᵢ(τ). No allocation.
     *
     * @param d     the discs. Not modified.
     * @param x     pose x [m].
     * @param y     pose y [m].
     * @param theta heading [rad].
     * @param tau   time of the pose after the measurement [s], ≥ 0.
     * @return the clearance [m] (+∞ without discs); ≤ 0 is a predicted overlap.
     */
    public double clearance(MovingDiscs d, double x, double y, double theta, double tau) {
        double best = Double.POSITIVE_INFINITY;
        int n = d.count();
        if (n == 0) {
            return best;
        }
        boolean future = d.futureSteps() > 0;
        double co = Math.cos(theta);
        double si = Math.sin(theta);
        for (int i = 0; i < n; i++) {
            d.predict(i, tau, motion, xy);
            double ex = x - xy[0];
            double ey = y - xy[1];
            double r = d.radius(i) + circleRadius + (future ? 0.0 : widening(d, i, tau));
            for (double a : offsets) {
                double fx = ex + a * co;
                double fy = ey + a * si;
                double dd = Math.sqrt(fx * fx + fy * fy) - r;
                best = dd < best ? dd : best;
            }
        }
        return best;
    }

    /** @return the parameters (margin [m] and the rest). */
    public DynamicObstacleParams params() {
        return p;
    }

    private int[] keepScratch(int n) {
        if (keep.length < n) {
            keep = new int[Math.max(n, 2 * keep.length)];
        }
        return keep;
    }

    private void ensure(int size) {
        if (cx.length < size) {
            int cap = Math.max(size, 2 * cx.length);
            cx = new double[cap];
            cy = new double[cap];
            cr = new double[cap];
            far2 = new double[cap];
        }
    }

    @Override
    public void score(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        final int T = b.horizon;
        final int mm = m;
        if (mm == 0) {
            return;
        }
        final int tEnd = Math.min(T, steps);
        final int n = k1 - k0;
        final int o0 = b.blockOffset(k0);
        final double[] xs = b.x;
        final double[] ys = b.y;
        final double[] ths = b.theta;
        final double[] off = offsets;
        final double mg = p.margin();
        final double invMg = 1.0 / mg;
        final double w = p.weight() / T;
        final double hit = p.collisionCost() / T;
        final double leadHit = p.leadCost() / T;
        final int ls = leadSteps;
        for (int t = 0; t < tEnd; t++) {
            int o = o0 + t * RolloutBuffers.BLOCK;
            int q0 = t * mm;
            boolean withLead = ls > 0 && t + ls < steps;
            for (int j = 0; j < n; j++) {
                int k = k0 + j;
                double px = xs[o + j];
                double py = ys[o + j];
                double dmin = Double.POSITIVE_INFINITY;
                double dlead = Double.POSITIVE_INFINITY;
                boolean trig = false;
                double co = 0;
                double si = 0;
                for (int i = 0; i < mm; i++) {
                    int q = q0 + i;
                    double ex = px - cx[q];
                    double ey = py - cy[q];
                    if (ex * ex + ey * ey >= far2[q]) {
                        continue; // no footprint circle within the margin of this disc (nor in its headway capsule)
                    }
                    if (!trig) {
                        co = FastTrig.cos(ths[o + j]);
                        si = FastTrig.sin(ths[o + j]);
                        trig = true;
                    }
                    for (double a : off) {
                        double fx = ex + a * co;
                        double fy = ey + a * si;
                        double dd = Math.sqrt(fx * fx + fy * fy) - cr[q];
                        dmin = dd < dmin ? dd : dmin;
                    }
                    if (withLead) {
                        dlead = Math.min(dlead, capsule(q, q + ls * mm, ex, ey, co, si));
                    }
                }
                if (dmin <= 0) {
                    costs[k] += hit;
                } else {
                    if (dmin < mg) {
                        double e = (mg - dmin) * invMg;
                        costs[k] += w * e * e;
                    }
                    if (dlead <= 0) {
                        costs[k] += leadHit;
                    }
                }
            }
        }
        if (stopSteps > 0 && tEnd == T) {
            scoreBraking(c, b, k0, k1, costs);
        }
    }

    /**
     * Clearance of the footprint circles to the capsule from disc centre q (at the pose's time) to qL (L later),
     * radius cr[qL]; ex, ey the pose minus centre q.
     */
    private double capsule(int q, int qL, double ex, double ey, double co, double si) {
        double lx = cx[qL] - cx[q];
        double ly = cy[qL] - cy[q];
        double l2 = lx * lx + ly * ly;
        double inv = l2 > 1e-12 ? 1.0 / l2 : 0.0;
        double best = Double.POSITIVE_INFINITY;
        for (double a : offsets) {
            double fx = ex + a * co;
            double fy = ey + a * si;
            double u = (fx * lx + fy * ly) * inv;
            u = u < 0 ? 0 : (u > 1 ? 1 : u);
            double gx = fx - u * lx;
            double gy = fy - u * ly;
            double dd = Math.sqrt(gx * gx + gy * gy) - cr[qL];
            best = dd < best ? dd : best;
        }
        return best;
    }

    /** The braking check from each rollout's last pose (class comment): adds stopCost once per overlapping rollout. */
    private void scoreBraking(CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        final int T = b.horizon;
        final int mm = m;
        final double dt = c.dt;
        final double a = p.stopDecel();
        final int o = b.blockOffset(k0) + (T - 1) * RolloutBuffers.BLOCK;
        for (int j = 0; j < k1 - k0; j++) {
            double v = b.v[o + j];
            if (!(v > 0)) {
                continue;
            }
            double px = b.x[o + j];
            double py = b.y[o + j];
            double co = FastTrig.cos(b.theta[o + j]);
            double si = FastTrig.sin(b.theta[o + j]);
            double tStop = v / a;
            boolean overlap = false;
            for (int s = 1; s <= stopSteps && !overlap; s++) {
                double st = Math.min(s * dt, tStop);
                double run = v * st - 0.5 * a * st * st;
                double qx = px + run * co;
                double qy = py + run * si;
                int q0 = (T - 1 + s) * mm;
                for (int i = 0; i < mm && !overlap; i++) {
                    int q = q0 + i;
                    double ex = qx - cx[q];
                    double ey = qy - cy[q];
                    for (double off : offsets) {
                        double fx = ex + off * co;
                        double fy = ey + off * si;
                        if (fx * fx + fy * fy <= cr[q] * cr[q]) {
                            overlap = true;
                            break;
                        }
                    }
                }
                if (s * dt >= tStop) {
                    break;
                }
            }
            if (overlap) {
                costs[k0 + j] += p.stopCost();
            }
        }
    }
}
