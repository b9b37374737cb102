package org.foresight.dynamics.log;

/**
 * The obstacles a robot had seen at some moment, as a run log keeps them: a grid's geometry and the cells it
 * knew to be occupied, in the robot's own (odometry) frame.
 *
 * @param originX    x of the grid's lower-left corner [m].
 * @param originY    y of the grid's lower-left corner [m].
 * @param resolution cell edge [m], &gt; 0.
 * @param sizeX      cells along x, ≥ 1.
 * @param sizeY      cells along y, ≥ 1.
 * @param occupied   occupied cells as ix · sizeY + iy, ascending.
 */
public record MapSnapshot(double originX, double originY, double resolution, int sizeX, int sizeY, int[] occupied) {
    /** Checks the geometry and the cell indices. */
    public MapSnapshot {
        if (!(resolution > 0) || sizeX < 1 || sizeY < 1) {
            throw new IllegalArgumentException("map snapshot needs a resolution > 0 m and at least one cell");
        }
        long cells = (long) sizeX * sizeY;
        for (int i = 0; i < occupied.length; i++) {
            if (occupied[i] < 0 || occupied[i] >= cells || (i > 0 && occupied[i] <= occupied[i - 1])) {
                throw new IllegalArgumentException("map snapshot cell indices must be ascending within [0, " + cells
                        + "), got " + occupied[i] + " at " + i);
            }
        }
    }
}
