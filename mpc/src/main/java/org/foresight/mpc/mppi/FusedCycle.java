package org.foresight.mpc.mppi;

import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.FusedCosts;
import org.foresight.mpc.path.GuidePath;

/**
 * One planning cycle's values of {@link FusedCosts} for {@link FusedFloatRollout}, in float: the per-step weights
 * (the critics' weights ÷ T, the rate's also ÷ dt²), the goal, the obstacle's threshold and shape, the last
 * commanded control, and the fields copied to float (the obstacles' every cycle, the guide's when it changes). Without
 * an obstacle term the threshold is −∞ and the weights 0, so a clearance of +∞ neither collides nor costs; without a
 * guide the path weights are 0 and its fields are not read. Written serially by {@link #prepare} before the workers
 * run, read by them; allocates only when a field grows.
 */
final class FusedCycle {
    /** Per-step weights of v², ω² (effort), Δv², Δω² (rate), max(−v, 0) (prefer-forward), max(v* − v, 0)² (speed). */
    float effortV;
    float effortW;
    float rateV;
    float rateW;
    float forward;
    float speed;
    /** The speed critic's v* [m/s]. */
    float targetV;
    /** Goal weights per step and at the last step (0 when inactive or absent), and the goal [m]. */
    float goalStep;
    float goalLast;
    float goalX;
    float goalY;
    /** The last commanded control (u_−1) [m/s], [rad/s]. */
    float lastV;
    float lastW;
    /** Obstacle: collision at clearance ≤ hitBelow [m], cost, per-step weight, margin [m] and 1/margin, radius [m]. */
    float hitBelow;
    float collisionCost;
    float obstacle;
    float margin;
    float invMargin;
    float radius;
    /**
     * The field value [m] above which a circle's clearance can neither cost nor collide: max(margin, hitBelow) +
     * radius, with a float ulp's slack (+∞ without an obstacle term).
     */
    float farSdf;
    /** The cycle's signed distance field in float. */
    final FloatGrid grid = new FloatGrid();
    /** Path terms (0 without a guide this cycle): follow weight [per m]; align weight per sampled step, cap [m], stride. */
    float follow;
    float align;
    float alignCap;
    int alignStride;
    /** The guide's lateral distance and cost-to-go fields in float, copied when the guide changes. */
    final FloatGrid lateral = new FloatGrid();
    final FloatGrid costToGo = new FloatGrid();
    /** The guide whose fields {@link #lateral} and {@link #costToGo} hold (a guide is immutable). */
    private GuidePath guideCopied;

    /**
     * @param f the terms (after {@link org.foresight.mpc.critic.CriticSet#prepare}).
     * @param c the critics' context of this cycle.
     * @param horizon T [steps].
     */
    void prepare(FusedCosts f, CriticContext c, int horizon) {
        final int T = horizon;
        effortV = (float) (f.effortV / T);
        effortW = (float) (f.effortOmega / T);
        double inv2 = 1.0 / (c.dt * c.dt);
        rateV = (float) (f.rateV * inv2 / T);
        rateW = (float) (f.rateOmega * inv2 / T);
        forward = (float) (f.preferForward / T);
        speed = (float) (f.speedWeight / T);
        targetV = (float) f.speedTarget;
        boolean goal = f.goalActive();
        goalStep = goal && !f.goalLastStepOnly() ? (float) (f.goalWeight() / T) : 0f;
        goalLast = goal && f.goalLastStepOnly() ? (float) f.goalWeight() : 0f;
        goalX = (float) c.goalX;
        goalY = (float) c.goalY;
        lastV = (float) c.previousCmdV;
        lastW = (float) c.previousCmdOmega;
        if (f.hasObstacle()) {
            hitBelow = (float) f.collisionBelow();
            collisionCost = (float) f.collisionCost();
            obstacle = (float) (f.obstacleWeight() / T);
            margin = (float) f.obstacleMargin();
            invMargin = (float) (1.0 / f.obstacleMargin());
            radius = (float) f.circleRadius();
            farSdf = (float) ((Math.max(f.obstacleMargin(), f.collisionBelow()) + f.circleRadius()) * (1 + 1e-6) + 1e-6);
            grid.copy(c.obstacles);
        } else {
            hitBelow = Float.NEGATIVE_INFINITY;
            collisionCost = 0f;
            obstacle = 0f;
            margin = 0f;
            invMargin = 0f;
            radius = 0f;
            farSdf = Float.POSITIVE_INFINITY;
        }
        GuidePath guide = c.guide;
        boolean path = guide != null && (f.pathFollowWeight() > 0 || f.pathAlignWeight() > 0);
        if (path && guide != guideCopied) {
            lateral.copy(guide.lateral());
            costToGo.copy(guide.costToGo());
            guideCopied = guide;
        }
        int st = f.pathAlignStride();
        follow = path ? (float) f.pathFollowWeight() : 0f;
        align = path ? (float) (f.pathAlignWeight() / ((T + st - 1) / st)) : 0f;
        alignCap = (float) f.pathAlignCap();
        alignStride = st;
    }
}
