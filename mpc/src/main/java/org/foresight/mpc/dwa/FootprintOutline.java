package org.foresight.mpc.dwa;

/**
 * The padded footprint rectangle as points along its outline, at most half a costmap cell apart, in the robot
 * frame, and the costmap's largest cost under them at a pose (ROS {@code base_local_planner}'s footprint cost:
 * the outline, not the area). Allocation-free; reads the {@link LocalCostmap} it was built over.
 */
final class FootprintOutline {
    /** The cost of a pose whose outline covers a lethal cell or leaves the costmap window. */
    static final double ILLEGAL = -1.0;

    private final LocalCostmap map;
    private final int n;
    private final double[] outlineX;
    private final double[] outlineY;
    /** Centre clearance [m] beyond which no cell under the outline can carry a cost. */
    private final double farFromObstacles;

    /**
     * @param config the padded footprint and the costmap's resolution and inflation.
     * @param map    the costmap the costs are read from.
     */
    FootprintOutline(DwaConfig config, LocalCostmap map) {
        this.map = map;
        this.n = map.size();
        double res = config.costmapResolution();
        double a = 0.5 * config.paddedLength();
        double b = 0.5 * config.paddedWidth();
        double[] cx = {a, -a, -a, a};
        double[] cy = {b, b, -b, -b};
        int total = 0;
        int[] per = new int[4];
        for (int e = 0; e < 4; e++) {
            double len = Math.hypot(cx[(e + 1) % 4] - cx[e], cy[(e + 1) % 4] - cy[e]);
            per[e] = Math.max(1, (int) Math.ceil(len / (0.5 * res)));
            total += per[e];
        }
        outlineX = new double[total];
        outlineY = new double[total];
        int k = 0;
        for (int e = 0; e < 4; e++) {
            for (int j = 0; j < per[e]; j++) {
                double f = (double) j / per[e];
                outlineX[k] = cx[e] + f * (cx[(e + 1) % 4] - cx[e]);
                outlineY[k] = cy[e] + f * (cy[(e + 1) % 4] - cy[e]);
                k++;
            }
        }
        // A centre cell this clear has only free cells under the whole outline (the SDF is 1-Lipschitz; the
        // margin covers cell-centre offsets and bilinear interpolation).
        this.farFromObstacles = config.circumscribedRadius() + Math.max(config.inflationRadius(), 0.5 * res) + 2.5 * res;
    }

    /**
     * Largest cost under the outline at pose (x, y, θ).
     *
     * @param x      robot x [m].
     * @param y      robot y [m].
     * @param th     heading [rad].
     * @param centre the costmap index of the cell under (x, y).
     * @return the largest cell cost under the outline, or {@link #ILLEGAL}.
     */
    double cost(double x, double y, double th, int centre) {
        if (map.clearance(centre) > farFromObstacles) {
            return 0.0;
        }
        double c = Math.cos(th);
        double s = Math.sin(th);
        double worst = 0;
        for (int k = 0; k < outlineX.length; k++) {
            double px = x + c * outlineX[k] - s * outlineY[k];
            double py = y + s * outlineX[k] + c * outlineY[k];
            int cx = map.cellX(px);
            int cy = map.cellY(py);
            if (cx < 0 || cy < 0) {
                return ILLEGAL;
            }
            int cost = map.cost(cy * n + cx);
            if (cost == LocalCostmap.LETHAL) {
                return ILLEGAL;
            }
            if (cost > worst) {
                worst = cost;
            }
        }
        return worst;
    }
}
