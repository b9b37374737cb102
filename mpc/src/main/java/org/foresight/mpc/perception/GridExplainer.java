package org.foresight.mpc.perception;

/**
 * A return is the static map's when its end point lies within a tolerance of an obstacle of a distance grid:
 * {@code grid.distance(x, y) ≤ tolerance}. Reused scan after scan (the grid is set per scan, since a lidar map
 * publishes a new one), so no allocation.
 */
final class GridExplainer implements ReturnExplainer {
    private final double tolerance;
    private DistanceGrid grid;

    /** @param tolerance distance to an obstacle within which a return is explained [m]. */
    GridExplainer(double tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * @param g the grid of this scan. Not modified.
     * @return this.
     */
    GridExplainer of(DistanceGrid g) {
        this.grid = g;
        return this;
    }

    @Override
    public boolean explains(double x, double y) {
        return !(grid.distance(x, y) > tolerance);
    }
}
