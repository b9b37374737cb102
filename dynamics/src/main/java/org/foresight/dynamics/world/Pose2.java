package org.foresight.dynamics.world;

/**
 * A planar pose in the world frame.
 *
 * @param x     position [m].
 * @param y     position [m].
 * @param theta heading [rad], counter-clockwise from +x.
 */
public record Pose2(double x, double y, double theta) {
    /** Validates that every component is finite. */
    public Pose2 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(theta)) {
            throw new IllegalArgumentException("pose must be finite (x, y [m], theta [rad]): " + x + ", " + y + ", " + theta);
        }
    }
}
