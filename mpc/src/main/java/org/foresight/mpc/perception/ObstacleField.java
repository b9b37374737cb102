package org.foresight.mpc.perception;

/**
 * What the robot knows of the obstacles around it, as planners see it: a signed distance field on a
 * regular grid. With {@code --perception map} it wraps the world's exact field
 * ({@link MapObstacleField}); a lidar-only perception (a later issue) builds its own {@link DistanceGrid}
 * from scans and returns it here, so no planner or critic has to change.
 *
 * <p>Hot loops read the raw arrays of {@link #grid()} directly (one bilinear lookup, no virtual call per
 * sample-step); {@link #distance} is the convenient scalar query.
 */
public interface ObstacleField {

    /**
     * Signed distance from a point to the nearest known obstacle.
     *
     * @param x world x [m].
     * @param y world y [m].
     * @return distance [m]: &gt; 0 in free space, &lt; 0 inside an obstacle.
     */
    default double distance(double x, double y) {
        return grid().distance(x, y);
    }

    /**
     * The current distance grid. Must stay unchanged while a planning cycle reads it; a perception that
     * updates returns a new (or double-buffered) grid per cycle.
     *
     * @return the grid, never null.
     */
    DistanceGrid grid();
}
