package org.foresight.mpc.critic;

import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.MovingDiscs;

/**
 * What every critic may read besides the rollouts, set once per planning cycle by the optimiser (a
 * mutable holder reused across cycles so planning allocates nothing). Critics must treat it as read-only.
 */
public final class CriticContext {
    /** Start pose x [m]. */
    public double startX;
    /** Start pose y [m]. */
    public double startY;
    /** Start heading [rad]. */
    public double startTheta;
    /** Start forward speed [m/s] (measured). */
    public double startV;
    /** Start yaw rate [rad/s] (measured). */
    public double startOmega;
    /** Speed command applied in the previous period [m/s]. */
    public double previousCmdV;
    /** Yaw-rate command applied in the previous period [rad/s]. */
    public double previousCmdOmega;
    /** Goal x [m]. */
    public double goalX;
    /** Goal y [m]. */
    public double goalY;
    /** Goal tolerance radius [m]. */
    public double goalTolerance;
    /** Guide path, or null. */
    public GuidePath guide;
    /** Obstacle distance grid (what the robot knows). */
    public DistanceGrid obstacles;
    /** Moving obstacles at the measurement (positions [m], velocities [m/s], radii [m]); never null. */
    public MovingDiscs movers = MovingDiscs.NONE;
    /** Model step [s]. */
    public double dt;
    /** Rollout horizon T [steps] (pose entry t is the state at (t + 1)·dt after the measurement). */
    public int horizon;
}
