package org.foresight.mpc.dwa;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.foresight.mpc.critic.DynamicObstacleCritic;
import org.foresight.mpc.critic.DynamicObstacleParams;
import org.foresight.mpc.critic.ObstacleCritic;

/**
 * The classical baseline of the BARN challenge: ROS {@code base_local_planner}'s trajectory planner with
 * {@code dwa: true} ({@code TrajectoryPlannerROS} behind {@code move_base}), rebuilt from its published
 * behaviour with the harness's parameters ({@link DwaConfig#defaults()}). The guide path plays navfn's global
 * plan.
 *
 * <p><b>Not through a learned model.</b> DWA is the classical reference the other planners are compared with:
 * its trajectories are constant-command unicycle arcs simulated exactly as base_local_planner simulates them
 * (velocities ramp from the measured (v, ω) toward the sample at the acceleration limits, then
 * x += v·cos θ·dt, y += v·sin θ·dt, θ += ω·dt), never through a {@code DynamicsModel}.
 *
 * <p>One cycle:
 * <ol>
 *   <li>A rolling local costmap around the robot ({@link LocalCostmap}: lethal, inscribed and inflated costs
 *       from the signed distance field, obstacles only within the obstacle range).</li>
 *   <li>The guide is pruned to start at its first point within {@value #PRUNE_DISTANCE} m of the robot and
 *       cut where it leaves the local window (half its edge, as the ROS wrapper transforms the plan); a path grid
 *       (distance to the nearest windowed guide cell) and a goal grid (distance to the last windowed guide point,
 *       the local goal) are propagated around obstacles as MapGrid does ({@link TargetGrid}). Without a guide,
 *       the straight line to the goal (clipped to the window) stands in.</li>
 *   <li>The {@link DynamicWindow} from the measured velocity; vxSamples forward speeds × (the straight arc and
 *       vthetaSamples − 1 yaw rates from the window's low end, as ROS steps them), unless escaping.</li>
 *   <li>Each trajectory (simulated and scored by {@link ArcScorer}) has max(|vx|·simTime/simGranularity,
 *       |vθ|/angularSimGranularity) points; a point is illegal if it leaves the window, if the padded footprint's
 *       outline covers a lethal cell, or if its centre lies on a blocked or unreached cell of either grid. A legal
 *       trajectory costs
 *       <pre>  pdistScale·path_dist(last point) + gdistScale·goal_dist(last point) + occdistScale·max cost</pre>
 *       with distances in metres (meter scoring) and the max over the footprint outlines and centre cells.
 *       The moving obstacles of the request ({@link PlanRequest#movers()}) are costmap cells at each point's time:
 *       the shared {@link DynamicObstacleCritic}'s clearance of the footprint circles to every disc's prediction
 *       (the same prediction and grown radius MPPI's critic uses), lethal at an overlap, INSCRIBED·((m − d)/m)²
 *       within its margin m. The cheapest forward trajectory wins.</li>
 *   <li>In-place rotations (|vθ| raised to minInPlaceVelTheta, samples within one step of 0 skipped) replace it
 *       when no more costly, preferring the one whose end, headingLookahead ahead, is nearest the local goal.
 *       Oscillation suppression as in ROS: after two in-place rotations to one side without the robot moving
 *       oscillationResetDist, rotating to the other side is barred.</li>
 *   <li>If nothing is legal: back up at escapeVel (vθ = 0) and escape (no forward samples) until the robot
 *       has moved escapeResetDist or turned escapeResetTheta; the backward arc is taken even when its footprint
 *       touches a lethal cell when {@link DwaConfig#blindEscape()} (ROS's behaviour), but never when it crosses
 *       a blocked grid cell. Otherwise the robot stops with {@link PlanStatus#NO_COLLISION_FREE_ROLLOUT}.</li>
 * </ol>
 * The command is the chosen sample (vx, vθ), as TrajectoryPlannerROS publishes it. The {@link Plan} gets the
 * chosen arc resampled at the control period as its polyline, the constant command as its control sequence,
 * and the legal trajectories, heaviest first, with weights ∝ exp(−cost) normalised over all legal ones.
 *
 * <p>Not modelled: move_base's recovery behaviours (costmap clearing, rotate recovery), the goal-orientation
 * phase inside xy_goal_tolerance, the costmap's memory of obstacles once out of laser range, and heading
 * scoring (off in the harness). Deterministic (no randomness); {@link #plan} allocates nothing; not
 * thread-safe.
 */
public final class DwaPlanner implements Planner {
    /** Guide points before the first one within this distance of the robot are dropped (ROS prunePlan) [m]. */
    public static final double PRUNE_DISTANCE = GuideGrids.PRUNE_DISTANCE;
    /** Mode of a forward arc. */
    public static final String MODE_FORWARD = "dwa";
    /** Mode of an in-place rotation. */
    public static final String MODE_ROTATE = "dwa-rotate";
    /** Mode of the backward escape. */
    public static final String MODE_ESCAPE = "dwa-escape";

    private static final double ILLEGAL_FOOTPRINT = ArcScorer.ILLEGAL_FOOTPRINT;
    private static final double ILLEGAL_GRID = ArcScorer.ILLEGAL_GRID;

    private final DwaConfig config;
    private final LocalCostmap map;
    /** The path and goal distance grids of this cycle. */
    private final GuideGrids grids;
    private final int n;
    private final DynamicWindow window = new DynamicWindow();

    /** This cycle's simulated trajectories. */
    private final Trajectories traj;
    /** Simulates and scores each sample into {@link #traj}, with the moving obstacles of the cycle. */
    private final ArcScorer arcs;

    // Planner state carried between cycles (as TrajectoryPlanner keeps it).
    private double lastCmdV;
    private double lastCmdW;
    private boolean rotatingLeft;
    private boolean rotatingRight;
    private boolean stuckLeft;
    private boolean stuckRight;
    private double prevX;
    private double prevY;
    private boolean escaping;
    private double escapeX;
    private double escapeY;
    private double escapeTheta;

    /**
     * A DWA planner that predicts moving obstacles with the default {@link DynamicObstacleParams}.
     *
     * @param config the parameters ({@link DwaConfig#defaults()} for the harness's).
     */
    public DwaPlanner(DwaConfig config) {
        this(config, DynamicObstacleParams.defaults());
    }

    /**
     * @param config  the parameters ({@link DwaConfig#defaults()} for the harness's).
     * @param dynamic how moving obstacles are predicted and grown (the planner configuration's
     *                {@code critics.dynamicObstacle}, shared with the other planners).
     */
    public DwaPlanner(DwaConfig config, DynamicObstacleParams dynamic) {
        this.config = config;
        double[][] circles = ObstacleCritic.circlesFor(config.footprintLength(), config.footprintWidth(), 3);
        this.map = new LocalCostmap(config);
        this.n = map.size();
        this.grids = new GuideGrids(config, map);
        this.traj = new Trajectories(config.vxSamples() * config.vthetaSamples() + config.vthetaSamples() + 1,
                config.maxTrajectorySteps());
        this.arcs = new ArcScorer(config, map, grids, new FootprintOutline(config, map), traj,
                new DynamicObstacleCritic(dynamic, circles[0], circles[1][0]));
        reset();
    }

    /** @return "dwa". */
    @Override
    public String name() {
        return "dwa";
    }

    /** @return the parameters. */
    public DwaConfig config() {
        return config;
    }

    /** @return the last cycle's dynamic window (a live view, overwritten by the next {@link #plan}). */
    public DynamicWindow window() {
        return window;
    }

    /** @return how many horizon steps the plan polyline uses: simTime·controllerFrequency, at least 1. */
    public int horizonSteps() {
        return Math.max(1, (int) Math.round(config.simTime() * config.controllerFrequency()));
    }

    /** @return whether the planner is escaping (backing up, no forward samples). */
    public boolean escaping() {
        return escaping;
    }

    /** @return trajectories simulated in the last cycle (for tests and diagnostics). */
    int trajectoryCount() {
        return traj.size;
    }

    /**
     * @param slot a trajectory of the last cycle, &lt; {@link #trajectoryCount()}.
     * @return {vx [m/s], vθ [rad/s], cost (−1 footprint, −2 grid), scored points}.
     */
    double[] trajectory(int slot) {
        return new double[] {traj.vx[slot], traj.vtheta[slot], traj.cost[slot], traj.count[slot]};
    }

    /** @return the local costmap of the last cycle (for tests and diagnostics). */
    LocalCostmap costmap() {
        return map;
    }

    @Override
    public void reset() {
        lastCmdV = 0;
        lastCmdW = 0;
        rotatingLeft = false;
        rotatingRight = false;
        stuckLeft = false;
        stuckRight = false;
        prevX = 0;
        prevY = 0;
        escaping = false;
        escapeX = 0;
        escapeY = 0;
        escapeTheta = 0;
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
        out.mode = MODE_FORWARD;
        out.rolloutCount = 0;
        double[] s = request.state();
        int dim = Math.min(s.length, StateIndex.FULL_DIM);
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(s[i])) {
                stop(out, PlanStatus.BAD_STATE);
                return;
            }
        }
        double x = s[StateIndex.X];
        double y = s[StateIndex.Y];
        double th = s[StateIndex.THETA];
        double v = s.length > StateIndex.V ? s[StateIndex.V] : lastCmdV;
        double w = s.length > StateIndex.OMEGA ? s[StateIndex.OMEGA] : lastCmdW;
        if (!Double.isFinite(request.goalX()) || !Double.isFinite(request.goalY())) {
            stop(out, PlanStatus.BAD_STATE);
            return;
        }

        arcs.cycle(request.movers());
        map.update(request.obstacles().grid(), x, y);
        grids.build(request, x, y, th);
        window.set(config, v, w, Math.hypot(grids.finalGoalX() - x, grids.finalGoalY() - y));

        int best = chooseTrajectory(x, y, th, v, w);
        if (best < 0) {
            stop(out, PlanStatus.NO_COLLISION_FREE_ROLLOUT);
            return;
        }
        double cost = traj.cost[best];
        if (!(cost - cost == 0.0)) {
            stop(out, PlanStatus.NON_FINITE);
            return;
        }
        double cmdV = traj.vx[best];
        double cmdW = traj.vtheta[best];
        out.status = PlanStatus.OK;
        out.command[ControlIndex.V] = cmdV;
        out.command[ControlIndex.OMEGA] = cmdW;
        out.mode = cmdV > 0 ? MODE_FORWARD : (cmdV < 0 ? MODE_ESCAPE : MODE_ROTATE);
        out.bestCost = cost;
        int h = Math.min(horizonSteps(), out.maxHorizon());
        traj.resample(best, out.planXY, h, x, y, config.simTime());
        out.planLength = h + 1;
        for (int t = 0; t < h; t++) {
            out.controls[2 * t] = cmdV;
            out.controls[2 * t + 1] = cmdW;
        }
        out.controlLength = h;
        traj.writeRollouts(out, h, x, y, config.simTime());
        lastCmdV = cmdV;
        lastCmdW = cmdW;
    }

    private void stop(Plan out, PlanStatus why) {
        out.stop(why);
        out.mode = MODE_FORWARD;
        out.bestCost = Double.NaN;
        out.feasibleRollouts = 0;
        lastCmdV = 0;
        lastCmdW = 0;
    }

    // ---- trajectories ---------------------------------------------------------------------------------------

    /** The sampling and selection of base_local_planner's createTrajectories; returns the chosen slot or −1. */
    private int chooseTrajectory(double x, double y, double th, double v, double w) {
        traj.clear();
        int vxN = config.vxSamples();
        int vthN = config.vthetaSamples();
        double dvx = window.vxStep(vxN);
        double dvth = window.vthetaStep(vthN);
        int best = -1;
        if (!escaping) {
            double vxS = window.minVx;
            for (int i = 0; i < vxN; i++) {
                int slot = arcs.generate(x, y, th, v, w, vxS, 0.0);
                if (traj.cost[slot] >= 0 && (best < 0 || traj.cost[slot] < traj.cost[best])) {
                    best = slot;
                }
                double vthS = window.minVtheta;
                for (int j = 0; j < vthN - 1; j++) {
                    slot = arcs.generate(x, y, th, v, w, vxS, vthS);
                    if (traj.cost[slot] >= 0 && (best < 0 || traj.cost[slot] < traj.cost[best])) {
                        best = slot;
                    }
                    vthS += dvth;
                }
                vxS += dvx;
            }
        }
        // In-place rotations toward open space.
        int headingDist = Integer.MAX_VALUE;
        double vthS = window.minVtheta;
        double minInPlace = config.minInPlaceVelTheta();
        for (int i = 0; i < vthN; i++) {
            double limited = vthS > 0 ? Math.max(vthS, minInPlace) : Math.min(vthS, -minInPlace);
            int slot = arcs.generate(x, y, th, v, w, 0.0, limited);
            double c = traj.cost[slot];
            if (c >= 0 && (best < 0 || c <= traj.cost[best]) && (vthS > dvth || vthS < -dvth) && traj.count[slot] > 0) {
                int last = slot * traj.stride + traj.count[slot] - 1;
                double ex = traj.x[last] + config.headingLookahead() * Math.cos(traj.theta[last]);
                double ey = traj.y[last] + config.headingLookahead() * Math.sin(traj.theta[last]);
                int cx = map.cellX(ex);
                int cy = map.cellY(ey);
                if (cx >= 0 && cy >= 0) {
                    int ahead = grids.goal.distance(cy * n + cx);
                    if (ahead < headingDist && ((vthS < 0 && !stuckLeft) || (vthS > 0 && !stuckRight))) {
                        best = slot;
                        headingDist = ahead;
                    }
                }
            }
            vthS += dvth;
        }
        if (best >= 0) {
            if (!(traj.vx[best] > 0)) {
                // Oscillation flags: rotating twice to one side bars the other side until the robot moves.
                if (traj.vtheta[best] < 0) {
                    if (rotatingRight) {
                        stuckRight = true;
                    }
                    rotatingRight = true;
                } else if (traj.vtheta[best] > 0) {
                    if (rotatingLeft) {
                        stuckLeft = true;
                    }
                    rotatingLeft = true;
                }
                prevX = x;
                prevY = y;
            }
            resetOscillation(x, y);
            resetEscape(x, y, th);
            return best;
        }
        // Last resort: back up.
        int slot = arcs.generate(x, y, th, v, w, config.escapeVel(), 0.0);
        resetOscillation(x, y);
        double c = traj.cost[slot];
        if (!escaping && c > ILLEGAL_GRID) {
            escapeX = x;
            escapeY = y;
            escapeTheta = th;
            escaping = true;
        }
        resetEscape(x, y, th);
        if (c >= 0) {
            return slot;
        }
        if (c == ILLEGAL_FOOTPRINT && config.blindEscape()) {
            traj.cost[slot] = 1.0; // ROS scores a blind backing-up arc 1
            return slot;
        }
        return -1;
    }

    private void resetOscillation(double x, double y) {
        if (Math.hypot(x - prevX, y - prevY) > config.oscillationResetDist()) {
            rotatingLeft = false;
            rotatingRight = false;
            stuckLeft = false;
            stuckRight = false;
        }
    }

    private void resetEscape(double x, double y, double th) {
        double turn = Math.abs(Math.IEEEremainder(th - escapeTheta, 2 * Math.PI));
        if (Math.hypot(x - escapeX, y - escapeY) > config.escapeResetDist() || turn > config.escapeResetTheta()) {
            escaping = false;
        }
    }
}
