package org.foresight.mpc.critic;

import java.util.List;

/**
 * Parameters of the built-in critics, defaults in one place ({@link #defaults()}), validated by each
 * critic's constructor when {@link CriticSet#fromNames} builds it. Costs are dimensionless; each weight's
 * unit is "cost per" the quantity named.
 *
 * @param goalWeight          {@link GoalCritic} per m.
 * @param goalActivation      {@link GoalCritic} activation distance [m].
 * @param pathFollowWeight    {@link PathFollowCritic} per m of remaining path.
 * @param pathAlignWeight     {@link PathAlignCritic} per m of mean lateral offset.
 * @param pathAlignCap        {@link PathAlignCritic} saturation [m].
 * @param collisionCost       {@link ObstacleCritic} cost of a collision.
 * @param obstacleWeight      {@link ObstacleCritic} proximity weight.
 * @param obstacleMargin      {@link ObstacleCritic} clearance that starts costing [m].
 * @param collisionPad        {@link ObstacleCritic} clearance that counts as a collision [m].
 * @param footprintLength     footprint length along heading [m] (circles are fitted to it).
 * @param footprintWidth      footprint width [m].
 * @param footprintCircles    number of circles along the footprint, ≥ 1.
 * @param effortWeightV       {@link ControlEffortCritic} per (m/s)².
 * @param effortWeightOmega   {@link ControlEffortCritic} per (rad/s)².
 * @param rateWeightV         {@link ControlRateCritic} per (m/s²)².
 * @param rateWeightOmega     {@link ControlRateCritic} per (rad/s²)².
 * @param preferForwardWeight {@link PreferForwardCritic} per m/s.
 * @param speedWeight         {@link SpeedCritic} per (m/s)².
 * @param speedTarget         {@link SpeedCritic} cruise speed [m/s].
 * @param dynamicObstacle     {@link DynamicObstacleCritic} parameters.
 * @param spread              {@link SpreadCritic} parameters (off by default).
 */
public record CriticParams(double goalWeight, double goalActivation, double pathFollowWeight, double pathAlignWeight,
                           double pathAlignCap, double collisionCost, double obstacleWeight, double obstacleMargin, double collisionPad,
                           double footprintLength, double footprintWidth, int footprintCircles,
                           double effortWeightV, double effortWeightOmega, double rateWeightV, double rateWeightOmega,
                           double preferForwardWeight, double speedWeight, double speedTarget,
                           DynamicObstacleParams dynamicObstacle, SpreadParams spread) {

    /** The default critic list, in scoring order. */
    public static final List<String> DEFAULT_CRITICS = List.of("obstacle", "goal", "path_follow", "path_align",
            "control_effort", "control_rate", "prefer_forward", "speed", "dynamic_obstacle", "spread");

    /** Validates the footprint (the critics validate their own fields when built). */
    public CriticParams {
        Critics.positive("footprintLength", "m", footprintLength);
        Critics.positive("footprintWidth", "m", footprintWidth);
        if (dynamicObstacle == null) {
            throw new IllegalArgumentException("dynamicObstacle parameters must be present");
        }
        if (spread == null) {
            throw new IllegalArgumentException("spread parameters must be present");
        }
        if (footprintCircles < 1) {
            throw new IllegalArgumentException("footprintCircles must be >= 1, got " + footprintCircles);
        }
    }

    /**
     * Tuned for the Jackal (0.42 × 0.33 m) in BARN worlds.
     *
     * @return the defaults.
     */
    public static CriticParams defaults() {
        return new CriticParams(3.0, 2.0, 3.0, 1.0, 1.0, 1000.0, 3.0, 0.25, 0.04,
                0.42, 0.33, 3,
                0.0, 0.02, 0.0002, 0.0005,
                5.0, 1.0, 1.6, DynamicObstacleParams.defaults(), SpreadParams.defaults());
    }

    /** @param length [m]. @param width [m]. @return a copy with the footprint changed. */
    public CriticParams withFootprint(double length, double width) {
        return new CriticParams(goalWeight, goalActivation, pathFollowWeight, pathAlignWeight, pathAlignCap,
                collisionCost, obstacleWeight, obstacleMargin, collisionPad, length, width, footprintCircles, effortWeightV,
                effortWeightOmega, rateWeightV, rateWeightOmega, preferForwardWeight, speedWeight, speedTarget,
                dynamicObstacle, spread);
    }

    /** @param target cruise speed [m/s]. @return a copy with it changed. */
    public CriticParams withSpeedTarget(double target) {
        return new CriticParams(goalWeight, goalActivation, pathFollowWeight, pathAlignWeight, pathAlignCap,
                collisionCost, obstacleWeight, obstacleMargin, collisionPad, footprintLength, footprintWidth, footprintCircles,
                effortWeightV, effortWeightOmega, rateWeightV, rateWeightOmega, preferForwardWeight, speedWeight, target,
                dynamicObstacle, spread);
    }

    /** @param weight cost per m/s of reversing. @return a copy with the prefer-forward weight changed. */
    public CriticParams withPreferForward(double weight) {
        return new CriticParams(goalWeight, goalActivation, pathFollowWeight, pathAlignWeight, pathAlignCap,
                collisionCost, obstacleWeight, obstacleMargin, collisionPad, footprintLength, footprintWidth, footprintCircles,
                effortWeightV, effortWeightOmega, rateWeightV, rateWeightOmega, weight, speedWeight, speedTarget,
                dynamicObstacle, spread);
    }
}
