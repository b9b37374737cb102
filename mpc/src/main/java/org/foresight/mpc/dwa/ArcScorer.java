package org.foresight.mpc.dwa;

import org.foresight.mpc.critic.DynamicObstacleCritic;
import org.foresight.mpc.perception.MovingDiscs;

/**
 * The simulation and scoring of one DWA sample (ROS {@code base_local_planner}'s generateTrajectory), split out
 * of {@link DwaPlanner}, which chooses among the samples. A sample (vx, vθ) is a constant-command unicycle arc:
 * the velocities ramp from the measured (v, ω) toward the sample at the acceleration limits, then
 * x += v·cos θ·dt, y += v·sin θ·dt, θ += ω·dt. Each point is checked against the {@link LocalCostmap} under the
 * padded {@link FootprintOutline}, against the moving obstacles of the cycle ({@link #cycle(MovingDiscs)}), and
 * against the path and goal {@link GuideGrids}; a legal arc costs
 * <pre>  pdistScale·path_dist(last point) + gdistScale·goal_dist(last point) + occdistScale·max cost</pre>
 * with distances in metres. Points, cost and command go into the shared {@link Trajectories} store.
 * Allocation-free; not thread-safe.
 */
final class ArcScorer {
    /** The cost of an arc whose footprint hit a lethal cell (or a moving obstacle) or left the window. */
    static final double ILLEGAL_FOOTPRINT = FootprintOutline.ILLEGAL;
    /** The cost of an arc whose centre crossed a blocked or unreached cell of the path or goal grid. */
    static final double ILLEGAL_GRID = -2.0;

    private final DwaConfig config;
    private final LocalCostmap map;
    private final GuideGrids grids;
    private final FootprintOutline outline;
    private final Trajectories traj;
    private final DynamicObstacleCritic dynamic;
    private final int n;
    private final double res;
    /** The moving obstacles of this cycle's request, predicted by {@link #dynamic}. */
    private MovingDiscs movers = MovingDiscs.NONE;

    /**
     * @param config  the sampling, acceleration limits and scoring scales.
     * @param map     the cycle's local costmap (read).
     * @param grids   the cycle's path and goal grids (read).
     * @param outline the padded footprint over {@code map}.
     * @param traj    the store the arcs are written into (Modified).
     * @param dynamic the shared critic that predicts the moving obstacles.
     */
    ArcScorer(DwaConfig config, LocalCostmap map, GuideGrids grids, FootprintOutline outline, Trajectories traj,
            DynamicObstacleCritic dynamic) {
        this.config = config;
        this.map = map;
        this.grids = grids;
        this.outline = outline;
        this.traj = traj;
        this.dynamic = dynamic;
        this.n = map.size();
        this.res = config.costmapResolution();
    }

    /** @param movers the moving obstacles of this cycle's request ({@code MovingDiscs.NONE} for none). */
    void cycle(MovingDiscs movers) {
        this.movers = movers;
    }

    /**
     * Simulates and scores one sample into the next slot (base_local_planner's generateTrajectory).
     *
     * @return the slot; its cost is ≥ 0 when legal, −1 when the footprint hit a lethal cell or left the window,
     *         −2 when the centre crossed a blocked or unreached grid cell.
     */
    int generate(double x, double y, double th, double v0, double w0, double vxS, double vthS) {
        int slot = traj.add();
        int steps = config.trajectorySteps(vxS, vthS);
        double dt = config.simTime() / steps;
        int base = slot * traj.stride;
        double xi = x;
        double yi = y;
        double thi = th;
        double vi = v0;
        double wi = w0;
        double occ = 0;
        int pathD = 0;
        int goalD = 0;
        int blocked = grids.path.obstacle();
        double dvMax = config.accLimX() * dt;
        double dwMax = config.accLimTheta() * dt;
        double cost = 0;
        int count = 0;
        boolean complete = true;
        for (int i = 0; i < steps; i++) {
            int cx = map.cellX(xi);
            int cy = map.cellY(yi);
            if (cx < 0 || cy < 0) {
                cost = ILLEGAL_FOOTPRINT;
                complete = false;
                break;
            }
            int idx = cy * n + cx;
            double fp = outline.cost(xi, yi, thi, idx);
            if (fp < 0) {
                cost = ILLEGAL_FOOTPRINT;
                complete = false;
                break;
            }
            occ = Math.max(occ, Math.max(fp, map.cost(idx)));
            if (movers.count() > 0) {
                double dyn = movingCost(xi, yi, thi, i * dt);
                if (dyn < 0) {
                    cost = ILLEGAL_FOOTPRINT;
                    complete = false;
                    break;
                }
                occ = Math.max(occ, dyn);
            }
            pathD = grids.path.distance(idx);
            goalD = grids.goal.distance(idx);
            if (pathD >= blocked || goalD >= blocked) {
                cost = ILLEGAL_GRID;
                complete = false;
                break;
            }
            traj.x[base + count] = xi;
            traj.y[base + count] = yi;
            traj.theta[base + count] = thi;
            count++;
            vi = ramp(vxS, vi, dvMax);
            wi = ramp(vthS, wi, dwMax);
            xi += vi * Math.cos(thi) * dt;
            yi += vi * Math.sin(thi) * dt;
            thi += wi * dt;
        }
        if (complete) {
            traj.x[base + count] = xi; // the end state, for drawing (not scored, as in ROS)
            traj.y[base + count] = yi;
            traj.theta[base + count] = thi;
            cost = config.pdistScale() * pathD * res + config.gdistScale() * goalD * res + config.occdistScale() * occ;
        }
        traj.count[slot] = count;
        traj.complete[slot] = complete;
        traj.cost[slot] = cost;
        traj.vx[slot] = vxS;
        traj.vtheta[slot] = vthS;
        traj.dt[slot] = dt;
        return slot;
    }

    /**
     * The moving obstacles as costmap cells at the point's time: the shared {@link DynamicObstacleCritic}'s
     * clearance d of the footprint circles to each disc's prediction τ ahead; d ≤ 0 is lethal (−1), a clearance
     * inside the critic's margin m costs like an inflated cell, INSCRIBED·((m − d)/m)², else 0.
     */
    private double movingCost(double x, double y, double th, double tau) {
        double d = dynamic.clearance(movers, x, y, th, tau);
        if (d <= 0) {
            return ILLEGAL_FOOTPRINT;
        }
        double m = dynamic.params().margin();
        if (d >= m) {
            return 0.0;
        }
        double e = (m - d) / m;
        return LocalCostmap.INSCRIBED * e * e;
    }

    private static double ramp(double target, double current, double maxStep) {
        return target >= current ? Math.min(target, current + maxStep) : Math.max(target, current - maxStep);
    }
}
