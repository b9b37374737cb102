package org.foresight.mpc.dwa;

import java.util.Arrays;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * A rolling local costmap in the manner of costmap_2d (obstacle layer + inflation layer), approximated from
 * the signed distance field the planner is given. Cells hold costmap_2d's byte costs:
 * <pre>
 *   d = SDF at the cell centre [m], r = distance from the robot to the cell centre [m]
 *   r &gt; obstacleRange                 → FREE (0)             (the laser has not marked it)
 *   d &lt; res/2                         → LETHAL (254)         (a cell a laser return would mark)
 *   d &gt; inflationRadius               → FREE (0)
 *   d ≤ inscribed radius              → INSCRIBED (253)
 *   otherwise                         → ⌊252·exp(−costScalingFactor·(d − inscribed))⌋
 * </pre>
 * The window (edge {@link DwaConfig#localCostmapSize()}) is centred on the robot with its origin snapped to
 * whole cells of the world frame. Cell (ix, iy) is stored at {@code iy·n + ix}. Allocation-free after
 * construction; not thread-safe.
 */
final class LocalCostmap {
    /** No cost. */
    static final int FREE = 0;
    /** Highest inflated cost outside the inscribed radius. */
    static final int MAX_INFLATED = 252;
    /** The robot's centre here puts its (padded) footprint on an obstacle. */
    static final int INSCRIBED = 253;
    /** An obstacle cell. */
    static final int LETHAL = 254;

    private final DwaConfig config;
    private final int n;
    private final double res;
    private final byte[] cost;
    /** SDF at each cell centre [m] (+∞ beyond the obstacle range). */
    private final float[] clearance;
    private double originX;
    private double originY;

    LocalCostmap(DwaConfig config) {
        this.config = config;
        this.n = config.costmapCells();
        this.res = config.costmapResolution();
        this.cost = new byte[n * n];
        this.clearance = new float[n * n];
    }

    /**
     * Rebuilds the window around the robot.
     *
     * @param grid the distance field. Not modified.
     * @param rx   robot x [m].
     * @param ry   robot y [m].
     */
    void update(DistanceGrid grid, double rx, double ry) {
        double half = 0.5 * n * res;
        originX = Math.floor((rx - half) / res) * res;
        originY = Math.floor((ry - half) / res) * res;
        double[] v = grid.values();
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        double invRes = 1.0 / grid.resolution();
        double gox = grid.originX();
        double goy = grid.originY();
        double range = config.obstacleRange();
        double range2 = range * range;
        double inscribed = config.inscribedRadius();
        double inflation = config.inflationRadius();
        double scaling = config.costScalingFactor();
        double lethalBelow = 0.5 * res;
        for (int iy = 0; iy < n; iy++) {
            double cy = originY + (iy + 0.5) * res;
            double dy = cy - ry;
            int row = iy * n;
            for (int ix = 0; ix < n; ix++) {
                double cx = originX + (ix + 0.5) * res;
                double dx = cx - rx;
                int i = row + ix;
                if (dx * dx + dy * dy > range2) {
                    cost[i] = FREE;
                    clearance[i] = Float.POSITIVE_INFINITY;
                    continue;
                }
                double d = DistanceGrid.sample(v, sx, sy, invRes, gox, goy, cx, cy);
                clearance[i] = (float) d;
                cost[i] = (byte) cellCost(d, lethalBelow, inscribed, inflation, scaling);
            }
        }
    }

    /**
     * costmap_2d's cost of a cell whose centre is d from the nearest obstacle.
     *
     * @param d           signed distance [m] (NaN counts as lethal).
     * @param lethalBelow distance under which the cell is an obstacle cell [m].
     * @param inscribed   inscribed radius of the padded footprint [m].
     * @param inflation   inflation radius [m].
     * @param scaling     cost scaling factor [1/m].
     * @return the cost 0..254.
     */
    static int cellCost(double d, double lethalBelow, double inscribed, double inflation, double scaling) {
        if (!(d >= lethalBelow)) {
            return LETHAL;
        }
        if (d > inflation) {
            return FREE;
        }
        if (d <= inscribed) {
            return INSCRIBED;
        }
        return (int) (MAX_INFLATED * Math.exp(-scaling * (d - inscribed)));
    }

    /** @return cells per edge. */
    int size() {
        return n;
    }

    /** @return cell edge [m]. */
    double resolution() {
        return res;
    }

    /** @return world x of the window's lower-left corner [m]. */
    double originX() {
        return originX;
    }

    /** @return world y of the window's lower-left corner [m]. */
    double originY() {
        return originY;
    }

    /** @param x world x [m]. @return the cell column, or −1 outside the window. */
    int cellX(double x) {
        double f = (x - originX) / res;
        return f >= 0 && f < n ? (int) f : -1;
    }

    /** @param y world y [m]. @return the cell row, or −1 outside the window. */
    int cellY(double y) {
        double f = (y - originY) / res;
        return f >= 0 && f < n ? (int) f : -1;
    }

    /** @param index cell index iy·n + ix. @return its cost 0..254. */
    int cost(int index) {
        return cost[index] & 0xFF;
    }

    /** @param index cell index. @return the SDF at its centre [m], +∞ beyond the obstacle range. */
    double clearance(int index) {
        return clearance[index];
    }

    /** Marks every cell free (for tests). */
    void clear() {
        Arrays.fill(cost, (byte) FREE);
        Arrays.fill(clearance, Float.POSITIVE_INFINITY);
    }
}
