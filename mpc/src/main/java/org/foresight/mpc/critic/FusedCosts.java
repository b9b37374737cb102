package org.foresight.mpc.critic;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CriticSet}'s cost terms as one per-sample-step sum, for a rollout kernel that evaluates them in the
 * same sweep as the model instead of one critic after another over a stored batch. With T the horizon, dt the
 * step, u_t = (v_t, ω_t) the commands, s_t the predicted forward speed after step t (the command for a kinematic
 * model), p_t the pose after step t and u_−1 the last commanded control, the sum over t of
 * <pre>
 *   control_effort:  (w_v·v_t² + w_ω·ω_t²)/T
 *   control_rate:    (w_v·(v_t − v_t−1)² + w_ω·(ω_t − ω_t−1)²)/(dt²·T)
 *   prefer_forward:  w·max(−s_t, 0)/T
 *   speed:           w·max(v* − s_t, 0)²/T
 *   goal:            w·‖p_t − g‖/T   (or w·‖p_T−1 − g‖ once, last step only), when active this cycle
 *   obstacle:        as {@link ObstacleCritic}: a collision costs once and ends the sample's obstacle terms
 *   path_follow:     w·ctg(p_T−1) once, the guide's cost-to-go             (with a guide this cycle)
 *   path_align:      w/⌈T/s⌉·min(lat(p_t), cap) at t = s−1, 2s−1, …         (with a guide this cycle)
 * </pre>
 * which is what those critics add, in another order of summation. Several control_effort, control_rate or
 * prefer_forward critics add their weights; at most one each of speed, goal, obstacle, path_follow and path_align.
 * A spread critic with weight 0 adds nothing and is left out; a dynamic_obstacle critic adds nothing in a cycle
 * without a moving disc in reach, and in a cycle with one the planner scores that cycle generically
 * ({@link #fusableThisCycle}). Any other critic (spread with a weight, a user's) cannot be fused: {@link #of} names it.
 * The per-cycle values (the goal's activation, the obstacle's collision threshold) are read after
 * {@link CriticSet#prepare}.
 */
public final class FusedCosts {
    /** Σ control_effort weights on v² [per (m/s)²]. */
    public final double effortV;
    /** Σ control_effort weights on ω² [per (rad/s)²]. */
    public final double effortOmega;
    /** Σ control_rate weights on Δv² (per step, before the 1/dt²). */
    public final double rateV;
    /** Σ control_rate weights on Δω² (per step, before the 1/dt²). */
    public final double rateOmega;
    /** Σ prefer_forward weights [per m/s]. */
    public final double preferForward;
    /** The speed critic's weight [per (m/s)²], 0 without one. */
    public final double speedWeight;
    /** The speed critic's target v* [m/s], 0 without one. */
    public final double speedTarget;
    private final GoalCritic goal;
    private final ObstacleCritic obstacle;
    private final PathFollowCritic follow;
    private final PathAlignCritic align;
    private final DynamicObstacleCritic moving;

    private FusedCosts(double effortV, double effortOmega, double rateV, double rateOmega, double preferForward,
                       SpeedCritic speed, GoalCritic goal, ObstacleCritic obstacle, PathFollowCritic follow,
                       PathAlignCritic align, DynamicObstacleCritic moving) {
        this.effortV = effortV;
        this.effortOmega = effortOmega;
        this.rateV = rateV;
        this.rateOmega = rateOmega;
        this.preferForward = preferForward;
        this.speedWeight = speed == null ? 0.0 : speed.weight;
        this.speedTarget = speed == null ? 0.0 : speed.target;
        this.goal = goal;
        this.obstacle = obstacle;
        this.follow = follow;
        this.align = align;
        this.moving = moving;
    }

    /**
     * @param set the critics.
     * @return their terms as one sum.
     * @throws IllegalArgumentException naming the critics that cannot be fused.
     */
    public static FusedCosts of(CriticSet set) {
        double ev = 0;
        double ew = 0;
        double rv = 0;
        double rw = 0;
        double pf = 0;
        SpeedCritic speed = null;
        GoalCritic goal = null;
        ObstacleCritic obstacle = null;
        PathFollowCritic follow = null;
        PathAlignCritic align = null;
        DynamicObstacleCritic moving = null;
        List<String> refused = new ArrayList<>();
        for (Critic c : set.critics) {
            if (c instanceof ControlEffortCritic e) {
                ev += e.weightV;
                ew += e.weightOmega;
            } else if (c instanceof ControlRateCritic r) {
                rv += r.weightV;
                rw += r.weightOmega;
            } else if (c instanceof PreferForwardCritic p) {
                pf += p.weight;
            } else if (c instanceof SpeedCritic s && speed == null) {
                speed = s;
            } else if (c instanceof GoalCritic g && goal == null) {
                goal = g;
            } else if (c instanceof ObstacleCritic o && obstacle == null) {
                obstacle = o;
            } else if (c instanceof PathFollowCritic f && follow == null) {
                follow = f;
            } else if (c instanceof PathAlignCritic a && align == null) {
                align = a;
            } else if (c instanceof DynamicObstacleCritic d && moving == null) {
                moving = d;
            } else if (c instanceof SpreadCritic s && !s.needsSpread()) {
                continue; // weight 0: adds nothing
            } else {
                refused.add(c.name());
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("the fused rollout kernel cannot evaluate critic(s) " + refused
                    + "; it fuses control_effort, control_rate, prefer_forward, one each of speed, goal, obstacle, "
                    + "path_follow, path_align and dynamic_obstacle, and spread with weight 0");
        }
        return new FusedCosts(ev, ew, rv, rw, pf, speed, goal, obstacle, follow, align, moving);
    }

    /** @return whether the goal term counts this cycle (after {@link CriticSet#prepare}). */
    public boolean goalActive() {
        return goal != null && goal.active;
    }

    /** @return the goal critic's weight [per m], 0 without one. */
    public double goalWeight() {
        return goal == null ? 0.0 : goal.weight;
    }

    /** @return whether the goal term is charged at the last step only. */
    public boolean goalLastStepOnly() {
        return goal != null && goal.lastStepOnly;
    }

    /** @return whether there is an obstacle term. */
    public boolean hasObstacle() {
        return obstacle != null;
    }

    /** @return the obstacle critic's collision cost. */
    public double collisionCost() {
        return obstacle.collisionCost;
    }

    /** @return the obstacle critic's proximity weight. */
    public double obstacleWeight() {
        return obstacle.weight;
    }

    /** @return the obstacle critic's margin [m]. */
    public double obstacleMargin() {
        return obstacle.margin;
    }

    /** @return the footprint circles' offsets along the heading [m] (the critic's array: do not modify). */
    public double[] circleOffsets() {
        return obstacle.offsets;
    }

    /** @return the footprint circles' radius [m]. */
    public double circleRadius() {
        return obstacle.radius;
    }

    /** @return the clearance [m] at or below which a pose collides this cycle (after {@link CriticSet#prepare}). */
    public double collisionBelow() {
        return obstacle.hitBelow;
    }

    /**
     * @return whether every term can be fused this cycle (after {@link CriticSet#prepare}): false when a
     *         dynamic_obstacle critic has a moving disc in reach.
     */
    public boolean fusableThisCycle() {
        return moving == null || !moving.active();
    }

    /** @return the path_follow weight [per m], 0 without one. */
    public double pathFollowWeight() {
        return follow == null ? 0.0 : follow.weight;
    }

    /** @return the path_align weight [per m], 0 without one. */
    public double pathAlignWeight() {
        return align == null ? 0.0 : align.weight;
    }

    /** @return the path_align saturation [m] (+∞ without one). */
    public double pathAlignCap() {
        return align == null ? Double.POSITIVE_INFINITY : align.cap;
    }

    /** @return the path_align stride [steps] (1 without one). */
    public int pathAlignStride() {
        return align == null ? 1 : align.stride;
    }
}
