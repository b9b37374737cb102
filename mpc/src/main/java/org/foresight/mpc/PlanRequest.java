package org.foresight.mpc;

import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.MovingDiscs;
import org.foresight.mpc.perception.ObstacleField;

/**
 * Everything a planner is told in one control cycle: where the robot is, what it knows of the world,
 * where it should go and along which guide. Planners must not modify the arrays.
 *
 * @param time          simulation time of the measurement [s].
 * @param state         measured robot state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]) as in
 *                      {@link org.foresight.dynamics.model.StateIndex}; a planner over a pose-only model
 *                      reads the first 3 entries. Not modified.
 * @param obstacles     what the robot knows of the obstacles (map or, later, lidar-built), non-null.
 * @param goalX         goal x [m].
 * @param goalY         goal y [m].
 * @param goalTolerance radius around the goal that counts as arrived [m], ≥ 0.
 * @param guide         global guide path (A* on the inflated grid), or null when none is known.
 * @param movers        the moving obstacles the robot knows of at {@code time} (positions and velocities),
 *                      {@link MovingDiscs#NONE} when none. Not modified.
 */
public record PlanRequest(double time, double[] state, ObstacleField obstacles, double goalX, double goalY,
                          double goalTolerance, GuidePath guide, MovingDiscs movers) {

    /** A request without moving obstacles. */
    public PlanRequest(double time, double[] state, ObstacleField obstacles, double goalX, double goalY,
                       double goalTolerance, GuidePath guide) {
        this(time, state, obstacles, goalX, goalY, goalTolerance, guide, MovingDiscs.NONE);
    }

    /** Validates the non-numeric fields; finite-ness of the state is the planner's to report (no throw). */
    public PlanRequest {
        if (state == null || state.length < 3) {
            throw new IllegalArgumentException("PlanRequest.state must hold at least x [m], y [m], theta [rad]");
        }
        if (obstacles == null || movers == null) {
            throw new IllegalArgumentException("PlanRequest.obstacles and movers must not be null");
        }
        if (!(goalTolerance >= 0)) {
            throw new IllegalArgumentException("PlanRequest.goalTolerance must be >= 0 m, got " + goalTolerance);
        }
    }
}
