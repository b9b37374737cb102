package org.foresight.mpc.dwa;

import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.path.GuidePath;

/**
 * The two distance grids DWA scores against, rebuilt each cycle over the {@link LocalCostmap}'s window as ROS
 * {@code base_local_planner}'s MapGrid does: {@link #path}, cells from every cell of the windowed guide, and
 * {@link #goal}, cells from its last cell on the map (the local goal). The guide is pruned to start at its first
 * point within {@link #PRUNE_DISTANCE} of the robot (prunePlan) and clipped to the window (transformGlobalPlan);
 * with no guide near the robot, the straight line to the goal stands in. Cells under the robot's footprint do
 * not block the path grid's propagation. Allocation-free; not thread-safe.
 */
final class GuideGrids {
    /** Guide points before the first one within this distance of the robot are dropped (ROS prunePlan) [m]. */
    static final double PRUNE_DISTANCE = 1.0;

    /** Cells from the windowed guide. */
    final TargetGrid path;
    /** Cells from the local goal. */
    final TargetGrid goal;
    private final DwaConfig config;
    private final LocalCostmap map;
    private final int n;
    private final double res;
    private final boolean[] withinRobot;
    private final int[] robotCells;
    private int robotCellCount;
    private final double[] fallback = new double[4];
    private double finalGoalX;
    private double finalGoalY;

    /**
     * @param config the padded footprint.
     * @param map    the costmap whose window the grids cover.
     */
    GuideGrids(DwaConfig config, LocalCostmap map) {
        this.config = config;
        this.map = map;
        this.n = map.size();
        this.res = config.costmapResolution();
        this.path = new TargetGrid(n);
        this.goal = new TargetGrid(n);
        this.withinRobot = new boolean[n * n];
        int box = (int) Math.ceil(2 * (config.circumscribedRadius() + res) / res) + 3;
        this.robotCells = new int[box * box];
    }

    /**
     * Rebuilds both grids for the robot at (x, y, θ); the costmap must already hold this cycle's window.
     *
     * @param request this cycle's guide and goal.
     * @param x       robot x [m].
     * @param y       robot y [m].
     * @param th      heading [rad].
     */
    void build(PlanRequest request, double x, double y, double th) {
        markRobotCells(x, y, th);
        buildGrids(request, x, y);
    }

    /** @return x of the windowed guide's last point [m] (the local goal's position before snapping to a cell). */
    double finalGoalX() {
        return finalGoalX;
    }

    /** @return y of the windowed guide's last point [m]. */
    double finalGoalY() {
        return finalGoalY;
    }

    /** Marks the cells under the padded footprint at the current pose (exempt from blocking in the path grid). */
    private void markRobotCells(double x, double y, double th) {
        for (int i = 0; i < robotCellCount; i++) {
            withinRobot[robotCells[i]] = false;
        }
        robotCellCount = 0;
        double c = Math.cos(th);
        double sn = Math.sin(th);
        double a = 0.5 * config.paddedLength() + 0.5 * res;
        double b = 0.5 * config.paddedWidth() + 0.5 * res;
        double r = config.circumscribedRadius() + res;
        int ix0 = Math.max(0, (int) Math.floor((x - r - map.originX()) / res));
        int ix1 = Math.min(n - 1, (int) Math.floor((x + r - map.originX()) / res));
        int iy0 = Math.max(0, (int) Math.floor((y - r - map.originY()) / res));
        int iy1 = Math.min(n - 1, (int) Math.floor((y + r - map.originY()) / res));
        for (int iy = iy0; iy <= iy1; iy++) {
            double dy = map.originY() + (iy + 0.5) * res - y;
            for (int ix = ix0; ix <= ix1; ix++) {
                double dx = map.originX() + (ix + 0.5) * res - x;
                if (Math.abs(dx * c + dy * sn) <= a && Math.abs(-dx * sn + dy * c) <= b
                        && robotCellCount < robotCells.length) {
                    int idx = iy * n + ix;
                    withinRobot[idx] = true;
                    robotCells[robotCellCount++] = idx;
                }
            }
        }
    }

    /** Path and goal grids from the windowed guide (or the straight line to the goal). */
    private void buildGrids(PlanRequest request, double x, double y) {
        path.reset();
        goal.reset();
        double half = 0.5 * n * res;
        double half2 = half * half;
        double[] pts = null;
        int count = 0;
        int start = 0;
        int end = 0;
        GuidePath guide = request.guide();
        if (guide != null) {
            pts = guide.sampledXY();
            count = guide.sampleCount();
            // prunePlan: drop the points before the first one within PRUNE_DISTANCE.
            for (int i = 0; i < count; i++) {
                if (dist2(pts, i, x, y) < PRUNE_DISTANCE * PRUNE_DISTANCE) {
                    start = i;
                    break;
                }
            }
            // transformGlobalPlan: skip to the first point within the window's half edge, keep while within.
            while (start < count && dist2(pts, start, x, y) > half2) {
                start++;
            }
            end = start;
            while (end < count && dist2(pts, end, x, y) <= half2) {
                end++;
            }
        }
        if (end <= start) {
            // No guide near the robot: the straight line to the goal, clipped to the window.
            double gx = request.goalX();
            double gy = request.goalY();
            double d = Math.hypot(gx - x, gy - y);
            double f = d > 0.95 * half ? 0.95 * half / d : 1.0;
            fallback[0] = x;
            fallback[1] = y;
            fallback[2] = x + f * (gx - x);
            fallback[3] = y + f * (gy - y);
            pts = fallback;
            start = 0;
            end = 2;
        }
        finalGoalX = pts[2 * end - 2];
        finalGoalY = pts[2 * end - 1];
        // setTargetCells / setLocalGoal: walk the windowed plan at cell resolution while it stays on the map.
        boolean started = false;
        int localGoal = -1;
        outer:
        for (int i = start; i < end; i++) {
            double x0 = pts[2 * i];
            double y0 = pts[2 * i + 1];
            int steps = 1;
            double x1 = x0;
            double y1 = y0;
            if (i + 1 < end) {
                x1 = pts[2 * i + 2];
                y1 = pts[2 * i + 3];
                steps = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) / res));
            }
            for (int j = 0; j < steps; j++) {
                double f = (double) j / steps;
                int cx = map.cellX(x0 + f * (x1 - x0));
                int cy = map.cellY(y0 + f * (y1 - y0));
                if (cx < 0 || cy < 0) {
                    if (started) {
                        break outer;
                    }
                    continue;
                }
                int idx = cy * n + cx;
                path.target(idx);
                localGoal = idx;
                started = true;
            }
        }
        if (localGoal >= 0) {
            goal.target(localGoal);
        }
        path.propagate(map, withinRobot);
        goal.propagate(map, null);
    }

    private static double dist2(double[] pts, int i, double x, double y) {
        double dx = pts[2 * i] - x;
        double dy = pts[2 * i + 1] - y;
        return dx * dx + dy * dy;
    }
}
