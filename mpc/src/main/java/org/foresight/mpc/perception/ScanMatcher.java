package org.foresight.mpc.perception;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.LidarConfig;

/**
 * Scan-to-map matching: the robot pose at which a lidar scan's end points best lie on the surfaces of the robot's
 * own map, found by Gauss–Newton on the map's signed distance field, starting from (and pulled towards) a predicted
 * pose. The distance-field form of Hector SLAM's matcher (Kohlbrecher et al., "A Flexible and Scalable SLAM System
 * with Full 3D Motion Estimation", SSRR 2011, which climbs the bilinear occupancy instead), with a robust kernel and
 * the prediction as a prior, so a scan that constrains the pose in only some directions (a single wall, a
 * corridor) moves it only in those.
 *
 * <h2>Objective</h2>
 * Beam i of a scan (angle α_i = −FOV/2 + i·FOV/(N − 1), range r_i, minRange ≤ r_i &lt; maxRange) ends at
 * e_i = (o + r_i cos α_i, r_i sin α_i) in the robot frame (o: the sensor's offset along the heading). At pose
 * p = (x, y, θ) it lies at q_i(p) = (x, y) + R(θ)·e_i, and its residual is
 * <pre>
 *   d_i(p) = max(0, D(q_i(p)) + res/2)
 * </pre>
 * with D the map's signed distance (bilinear, {@link DistanceGrid#sampleWithGradient}) and res its cell edge: the
 * distance to the nearest occupied cell's centre, zero on the band of occupied cells. Not D itself: a surface is
 * mapped as a band one or two cells deep (range noise puts returns on both sides of a cell edge), D is flat
 * (−res/2) across a two-cell band and crosses zero a half cell outside it on either side, so minimising D² would
 * pull the end points off the true surface, which lies inside the band. The dead band costs precision: the
 * optimum is a plateau about a cell wide (position within ≈ res/2, heading within ≈ res/(2·range)).
 * With the prediction p₀ and P = diag(σ_xy², σ_xy², σ_θ²):
 * <pre>
 *   F(p) = Σ_i ρ(d_i(p)) / σ_d²  +  ½ (p − p₀)ᵀ P⁻¹ (p − p₀)
 *   ρ(d) = ½d²  (|d| ≤ k),   k|d| − ½k²  (k &lt; |d| ≤ τ),   kτ − ½k²  (|d| &gt; τ: an outlier, constant)
 * </pre>
 * k = huberDistance, τ = inlierDistance, σ_d = rangeStd. Unknown cells are free in the field, so the end points on
 * surfaces the map has not seen yet lie far from every mapped obstacle and fall out as outliers.
 *
 * <h2>Iteration (iteratively reweighted Gauss–Newton)</h2>
 * <pre>
 *   w_i = 1 (|d_i| ≤ k),  k/|d_i| (≤ τ),  0 (beyond)
 *   J_i = (∂D/∂x, ∂D/∂y, ∂D/∂x·(−(q_y − y)) + ∂D/∂y·(q_x − x))          (∂q/∂θ = R'(θ)·e_i; 0 where d_i = 0)
 *   H = Σ w_i J_i J_iᵀ / σ_d² + P⁻¹,   g = Σ w_i d_i J_i / σ_d² + P⁻¹ (p − p₀)
 *   p ← p − H⁻¹ g                                                    (3 × 3 Cholesky, unrolled)
 * </pre>
 * H is positive definite through the prior whatever the scan. Up to maxIterations steps, stopping when a step
 * moves less than 10⁻⁴ m and 10⁻⁴ rad; F is evaluated at every iterate and the lowest one kept.
 *
 * <h2>The gate: a match never makes things worse</h2>
 * The pose is moved only when the best iterate lowers F below F(p₀) by at least minImprovement, has at least
 * minInliers end points within τ, and lies within maxShift and maxTurn of p₀. Otherwise the pose is left exactly as
 * predicted.
 *
 * <p>Deterministic (no randomness, a fixed order of sums). No allocation per match once the beam table of a lidar
 * layout is built. About 0.07 ms per Hokuyo scan at p50 ({@code ScanMatchBenchmark}). Not thread-safe.
 */
public final class ScanMatcher {
    /** A step smaller than this in x and y [m] and in θ [rad] ends the iteration. */
    private static final double CONVERGED = 1e-4;

    private final ScanMatcherConfig config;
    private final double invVarD;
    private final double invVarXY;
    private final double invVarTh;

    private LidarConfig beamsFor;
    private double[] cosA = new double[0];
    private double[] sinA = new double[0];
    private double[] ex = new double[0];
    private double[] ey = new double[0];
    private final double[] grad = new double[2];

    private int points;
    private int inliers;
    private int iterations;
    private double costBefore = Double.NaN;
    private double costAfter = Double.NaN;
    private boolean accepted;
    // The last evaluation's results (see evaluate).
    private double evalCost;
    private int evalInliers;
    private double h00, h01, h02, h11, h12, h22, g0, g1, g2;

    /** @param config the matcher's settings. */
    public ScanMatcher(ScanMatcherConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("scan matcher config must be non-null");
        }
        this.config = config;
        this.invVarD = 1.0 / (config.rangeStd() * config.rangeStd());
        this.invVarXY = 1.0 / (config.priorStdXY() * config.priorStdXY());
        this.invVarTh = 1.0 / (config.priorStdTheta() * config.priorStdTheta());
    }

    /** @return the configuration. */
    public ScanMatcherConfig config() {
        return config;
    }

    /**
     * Matches one scan against a distance field, starting from a predicted pose (see the class Javadoc).
     *
     * @param ranges       ranges [m], length ≥ lidar.beams(); returns ≥ maxRange, &lt; minRange or NaN are not
     *                     used. Not modified.
     * @param lidar        the beam layout the ranges were taken with.
     * @param sensorOffset the lidar's position along the robot's heading from its origin [m].
     * @param minRange     shortest valid return [m].
     * @param field        the robot's map as a signed distance field (obstacles seen, unknown free). Not modified.
     * @param pose         (Input/Output) the predicted pose (x [m], y [m], θ [rad] at {@link StateIndex#X},
     *                     {@link StateIndex#Y}, {@link StateIndex#THETA}); overwritten with the matched pose when the
     *                     match passes the gate, left untouched (bit for bit) otherwise. Other entries not modified.
     * @return whether the pose was moved (the gate accepted the match).
     */
    public boolean match(double[] ranges, LidarConfig lidar, double sensorOffset, double minRange, DistanceGrid field,
                         double[] pose) {
        if (lidar != beamsFor && !lidar.equals(beamsFor)) {
            buildBeams(lidar);
        }
        points = endPoints(ranges, lidar.beams(), lidar.maxRange(), sensorOffset, minRange);
        accepted = false;
        iterations = 0;
        inliers = 0;
        costBefore = Double.NaN;
        costAfter = Double.NaN;
        if (points < config.minInliers()) {
            return false;
        }
        double x0 = pose[StateIndex.X];
        double y0 = pose[StateIndex.Y];
        double t0 = pose[StateIndex.THETA];
        double x = x0;
        double y = y0;
        double t = t0;
        double bestX = x0;
        double bestY = y0;
        double bestT = t0;
        double best = Double.POSITIVE_INFINITY;
        int bestInliers = 0;
        for (int it = 0; ; it++) {
            evaluate(field, x, y, t, x0, y0, t0);
            if (it == 0) {
                costBefore = evalCost;
            }
            if (evalCost < best) {
                best = evalCost;
                bestInliers = evalInliers;
                bestX = x;
                bestY = y;
                bestT = t;
            }
            if (it == config.maxIterations()) {
                break;
            }
            // δ = −H⁻¹g by Cholesky H = L·Lᵀ (H is positive definite: the prior adds P⁻¹).
            double l00 = Math.sqrt(h00);
            double l10 = h01 / l00;
            double l20 = h02 / l00;
            double l11 = Math.sqrt(h11 - l10 * l10);
            double l21 = (h12 - l20 * l10) / l11;
            double l22 = Math.sqrt(h22 - l20 * l20 - l21 * l21);
            double z0 = -g0 / l00;
            double z1 = (-g1 - l10 * z0) / l11;
            double z2 = (-g2 - l20 * z0 - l21 * z1) / l22;
            double dt = z2 / l22;
            double dy = (z1 - l21 * dt) / l11;
            double dx = (z0 - l10 * dy - l20 * dt) / l00;
            if (!Double.isFinite(dx) || !Double.isFinite(dy) || !Double.isFinite(dt)) {
                break;
            }
            x += dx;
            y += dy;
            t = Angles.wrap(t + dt);
            iterations = it + 1;
            if (Math.abs(dx) < CONVERGED && Math.abs(dy) < CONVERGED && Math.abs(dt) < CONVERGED) {
                evaluate(field, x, y, t, x0, y0, t0);
                if (evalCost < best) {
                    best = evalCost;
                    bestInliers = evalInliers;
                    bestX = x;
                    bestY = y;
                    bestT = t;
                }
                break;
            }
        }
        costAfter = best;
        inliers = bestInliers;
        accepted = best < costBefore - config.minImprovement() && bestInliers >= config.minInliers()
                && Math.hypot(bestX - x0, bestY - y0) <= config.maxShift()
                && Math.abs(Angles.wrap(bestT - t0)) <= config.maxTurn();
        if (accepted) {
            pose[StateIndex.X] = bestX;
            pose[StateIndex.Y] = bestY;
            pose[StateIndex.THETA] = bestT;
        }
        return accepted;
    }

    /**
     * F(p), the inliers, and the weighted normal equations H, g at p (class Javadoc), into the eval fields. One
     * bilinear lookup with gradient per end point.
     */
    private void evaluate(DistanceGrid field, double x, double y, double t, double x0, double y0, double t0) {
        double[] v = field.values();
        int sx = field.sizeX();
        int sy = field.sizeY();
        double invRes = 1.0 / field.resolution();
        double ox = field.originX();
        double oy = field.originY();
        double k = config.huberDistance();
        double tau = config.inlierDistance();
        double outlierCost = k * tau - 0.5 * k * k;
        double half = 0.5 * field.resolution();
        double c = Math.cos(t);
        double s = Math.sin(t);
        double cost = 0;
        int in = 0;
        double a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0, b0 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < points; i++) {
            double rx = c * ex[i] - s * ey[i];
            double ry = s * ex[i] + c * ey[i];
            double d = DistanceGrid.sampleWithGradient(v, sx, sy, invRes, ox, oy, x + rx, y + ry, grad, 0) + half;
            if (d <= 0) {
                in++; // on the band of occupied cells: no residual, no pull (ρ(0) = 0)
                continue;
            }
            double ad = d;
            if (!(ad <= tau)) {
                cost += outlierCost;
                continue;
            }
            in++;
            double w;
            if (ad <= k) {
                cost += 0.5 * d * d;
                w = 1.0;
            } else {
                cost += k * ad - 0.5 * k * k;
                w = k / ad;
            }
            double j0 = grad[0];
            double j1 = grad[1];
            double j2 = -grad[0] * ry + grad[1] * rx;
            a00 += w * j0 * j0;
            a01 += w * j0 * j1;
            a02 += w * j0 * j2;
            a11 += w * j1 * j1;
            a12 += w * j1 * j2;
            a22 += w * j2 * j2;
            b0 += w * d * j0;
            b1 += w * d * j1;
            b2 += w * d * j2;
        }
        double px = x - x0;
        double py = y - y0;
        double pt = Angles.wrap(t - t0);
        evalCost = cost * invVarD + 0.5 * (invVarXY * (px * px + py * py) + invVarTh * pt * pt);
        evalInliers = in;
        h00 = a00 * invVarD + invVarXY;
        h01 = a01 * invVarD;
        h02 = a02 * invVarD;
        h11 = a11 * invVarD + invVarXY;
        h12 = a12 * invVarD;
        h22 = a22 * invVarD + invVarTh;
        g0 = b0 * invVarD + invVarXY * px;
        g1 = b1 * invVarD + invVarXY * py;
        g2 = b2 * invVarD + invVarTh * pt;
    }

    /** The valid returns' end points in the robot frame into ex, ey; returns their count. */
    private int endPoints(double[] ranges, int beams, double maxRange, double offset, double minRange) {
        int n = 0;
        for (int i = 0; i < beams; i++) {
            double r = ranges[i];
            if (!(r >= minRange) || !(r < maxRange)) {
                continue;
            }
            ex[n] = offset + r * cosA[i];
            ey[n] = r * sinA[i];
            n++;
        }
        return n;
    }

    /** (cos α_i, sin α_i) of every beam, α_i = −FOV/2 + i·FOV/(N − 1) (0 for a single beam). Allocates. */
    private void buildBeams(LidarConfig lidar) {
        int n = lidar.beams();
        cosA = new double[n];
        sinA = new double[n];
        ex = new double[n];
        ey = new double[n];
        for (int i = 0; i < n; i++) {
            double a = n == 1 ? 0.0 : -0.5 * lidar.fieldOfView() + i * lidar.fieldOfView() / (n - 1);
            cosA[i] = Math.cos(a);
            sinA[i] = Math.sin(a);
        }
        beamsFor = lidar;
    }

    /** @return whether the last match moved the pose. */
    public boolean accepted() {
        return accepted;
    }

    /** @return the valid end points of the last scan. */
    public int points() {
        return points;
    }

    /** @return the inliers (|d| ≤ inlierDistance) at the last match's best pose (0 when it was not tried). */
    public int inliers() {
        return inliers;
    }

    /** @return Gauss–Newton steps taken in the last match. */
    public int iterations() {
        return iterations;
    }

    /** @return F at the predicted pose in the last match (NaN when it was not tried: too few end points). */
    public double costBefore() {
        return costBefore;
    }

    /** @return F at the best iterate of the last match (NaN when it was not tried). */
    public double costAfter() {
        return costAfter;
    }
}
