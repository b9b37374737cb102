package org.foresight.mpc.perception;

/**
 * Which lidar returns the static map accounts for: the {@link DiscTracker} clusters only the others into discs.
 * Implementations: a known maps distance grid (within a tolerance of an obstacle) and
 * {@link SettledCells} (the robot's own map: within a tolerance of a cell occupied for long enough).
 */
public interface ReturnExplainer {
    /**
     * @param x return end point x [m], in the map's frame.
     * @param y return end point y [m].
     * @return whether the static map accounts for a return there.
     */
    boolean explains(double x, double y);
}
