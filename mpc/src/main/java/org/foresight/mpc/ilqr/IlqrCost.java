package org.foresight.mpc.ilqr;

import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * iLQR's cost ({@link IlqrPlanner}'s formula) and the Gauss–Newton derivatives of its position terms: tracking
 * w·|p_t − r_t|² and the barrier w_obs·max(0, m − d(p_t))² over the planning request's distance field, with d's
 * bilinear value and exact gradient ({@link DistanceGrid#sampleWithGradient}). Holds the reference and the
 * field of the current plan; allocation-free; not thread-safe.
 */
final class IlqrCost {
    private static final int M = LqProblem.M;
    private static final int V = 0;
    private static final int W = 1;
    private static final int X = StateIndex.X;
    private static final int Y = StateIndex.Y;

    private final IlqrConfig config;
    private final int n;
    private final int horizon;
    /** Reference positions r_t, t = 0..T, interleaved x, y [m]. */
    final double[] ref;
    private final double[] grad = new double[2];
    private double[] gv;
    private int gsx;
    private int gsy;
    private double ginv;
    private double gox;
    private double goy;

    /**
     * @param config the weights, margin and horizon.
     * @param n      model state dimension.
     */
    IlqrCost(IlqrConfig config, int n) {
        this.config = config;
        this.n = n;
        this.horizon = config.horizon();
        this.ref = new double[2 * (horizon + 1)];
    }

    /** @param g the distance field of this plan (hoisted into fields for the lookups). Not modified. */
    void bind(DistanceGrid g) {
        gv = g.values();
        gsx = g.sizeX();
        gsy = g.sizeY();
        ginv = 1.0 / g.resolution();
        gox = g.originX();
        goy = g.originY();
    }

    /** @param px x [m]. @param py y [m]. @return the bound field's signed distance there [m]. */
    double clearance(double px, double py) {
        return DistanceGrid.sample(gv, gsx, gsy, ginv, gox, goy, px, py);
    }

    /**
     * J(x, u) as in {@link IlqrPlanner}'s formula.
     *
     * @param x        states, (T + 1) × n. Not modified.
     * @param u        controls, T × 2. Not modified.
     * @param lastCmdV the previous command's v, u_{−1} [m/s].
     * @param lastCmdW the previous command's ω [rad/s].
     * @return the cost (dimensionless).
     */
    double total(double[] x, double[] u, double lastCmdV, double lastCmdW) {
        final IlqrConfig c = config;
        double j = 0.0;
        double pv = lastCmdV;
        double pw = lastCmdW;
        for (int t = 0; t < horizon; t++) {
            double v = u[t * M + V];
            double w = u[t * M + W];
            double rv = v - pv;
            double rw = w - pw;
            j += c.effortWeightV() * v * v + c.effortWeightOmega() * w * w
                    + c.rateWeightV() * rv * rv + c.rateWeightOmega() * rw * rw;
            if (t >= 1) {
                j += state(x, t, c.trackingWeight());
            }
            pv = v;
            pw = w;
        }
        return j + state(x, horizon, c.trackingWeight() + c.terminalWeight());
    }

    /** w·|p_t − r_t|² + w_obs·max(0, m − d(p_t))². */
    private double state(double[] x, int t, double wTrack) {
        double px = x[t * n + X];
        double py = x[t * n + Y];
        double ex = px - ref[2 * t];
        double ey = py - ref[2 * t + 1];
        double cost = wTrack * (ex * ex + ey * ey);
        double d = DistanceGrid.sample(gv, gsx, gsy, ginv, gox, goy, px, py);
        double m = config.obstacleMargin();
        if (d < m) {
            cost += config.obstacleWeight() * (m - d) * (m - d);
        }
        return cost;
    }

    /**
     * Adds the position terms' derivatives at step t: tracking 2w(p − r), 2wI; barrier −2w(m − d)∇d and the
     * Gauss–Newton 2w∇d∇dᵀ.
     *
     * @param lq     (Input/Output) the approximation whose ℓ_x, ℓ_xx at t to add to. Modified.
     * @param xs     the nominal states, (T + 1) × n. Not modified.
     * @param t      step 0..T.
     * @param wTrack tracking weight at this step.
     */
    void addStateDerivatives(LqProblem lq, double[] xs, int t, double wTrack) {
        final double[] lx = lq.lx;
        final double[] lxx = lq.lxx;
        final int na = lq.na;
        final int ol = t * na;
        final int oll = t * na * na;
        double px = xs[t * n + X];
        double py = xs[t * n + Y];
        lx[ol + X] += 2 * wTrack * (px - ref[2 * t]);
        lx[ol + Y] += 2 * wTrack * (py - ref[2 * t + 1]);
        lxx[oll + X * na + X] += 2 * wTrack;
        lxx[oll + Y * na + Y] += 2 * wTrack;
        double d = DistanceGrid.sampleWithGradient(gv, gsx, gsy, ginv, gox, goy, px, py, grad, 0);
        double m = config.obstacleMargin();
        if (d < m) {
            double w = config.obstacleWeight();
            double gx = grad[0];
            double gy = grad[1];
            double s = m - d;
            lx[ol + X] -= 2 * w * s * gx;
            lx[ol + Y] -= 2 * w * s * gy;
            lxx[oll + X * na + X] += 2 * w * gx * gx;
            lxx[oll + X * na + Y] += 2 * w * gx * gy;
            lxx[oll + Y * na + X] += 2 * w * gx * gy;
            lxx[oll + Y * na + Y] += 2 * w * gy * gy;
        }
    }
}
