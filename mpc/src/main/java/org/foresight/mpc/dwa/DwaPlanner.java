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
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.MovingDiscs;

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
 *   <li>Each trajectory has max(|vx|·simTime/simGranularity, |vθ|/angularSimGranularity) points; a point is
 *       illegal if it leaves the window, if the padded footprint's outline covers a lethal cell, or if its centre
 *       lies on a blocked or unreached cell of either grid. A legal trajectory costs
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
    public static final double PRUNE_DISTANCE = 1.0;
    /** Mode of a forward arc. */
    public static final String MODE_FORWARD = "dwa";
    /** Mode of an in-place rotation. */
    public static final String MODE_ROTATE = "dwa-rotate";
    /** Mode of the backward escape. */
    public static final String MODE_ESCAPE = "dwa-escape";

    private static final double ILLEGAL_FOOTPRINT = -1.0;
    private static final double ILLEGAL_GRID = -2.0;

    private final DwaConfig config;
    private final LocalCostmap map;
    private final TargetGrid pathGrid;
    private final TargetGrid goalGrid;
    private final int n;
    private final double res;
    private final boolean[] withinRobot;
    private final int[] robotCells;
    private int robotCellCount;
    private final DynamicWindow window = new DynamicWindow();
    private final double[] outlineX;
    private final double[] outlineY;
    private final double farFromObstacles;

    // Trajectory store: slot s holds points [s·stride, s·stride + count) of x, y, θ.
    private final int capacity;
    private final int stride;
    private final double[] tx;
    private final double[] ty;
    private final double[] tth;
    private final int[] tCount;
    private final boolean[] tComplete;
    private final double[] tCost;
    private final double[] tVx;
    private final double[] tVtheta;
    private final double[] tDt;
    private int trajCount;
    private final double[] weights;
    private final int[] topSlot;
    private final double[] topWeight;
    private final double[] fallback = new double[4];

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
    private double finalGoalX;
    private double finalGoalY;
    /** The moving obstacles of this cycle's request, and the shared critic that predicts them. */
    private MovingDiscs movers = MovingDiscs.NONE;
    private final DynamicObstacleCritic dynamic;

    /**
     * @param config the parameters ({@link DwaConfig#defaults()} for the harness's).
     */
    public DwaPlanner(DwaConfig config) {
        this.config = config;
        double[][] circles = ObstacleCritic.circlesFor(config.footprintLength(), config.footprintWidth(), 3);
        this.dynamic = new DynamicObstacleCritic(DynamicObstacleParams.defaults(), circles[0], circles[1][0]);
        this.map = new LocalCostmap(config);
        this.n = map.size();
        this.res = config.costmapResolution();
        this.pathGrid = new TargetGrid(n);
        this.goalGrid = new TargetGrid(n);
        this.withinRobot = new boolean[n * n];
        int box = (int) Math.ceil(2 * (config.circumscribedRadius() + res) / res) + 3;
        this.robotCells = new int[box * box];
        // Outline of the padded rectangle, points at most half a cell apart, in the robot frame.
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
        this.capacity = config.vxSamples() * config.vthetaSamples() + config.vthetaSamples() + 1;
        this.stride = config.maxTrajectorySteps() + 1;
        this.tx = new double[capacity * stride];
        this.ty = new double[capacity * stride];
        this.tth = new double[capacity * stride];
        this.tCount = new int[capacity];
        this.tComplete = new boolean[capacity];
        this.tCost = new double[capacity];
        this.tVx = new double[capacity];
        this.tVtheta = new double[capacity];
        this.tDt = new double[capacity];
        this.weights = new double[capacity];
        this.topSlot = new int[capacity];
        this.topWeight = new double[capacity];
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
        return trajCount;
    }

    /**
     * @param slot a trajectory of the last cycle, &lt; {@link #trajectoryCount()}.
     * @return {vx [m/s], vθ [rad/s], cost (−1 footprint, −2 grid), scored points}.
     */
    double[] trajectory(int slot) {
        return new double[] {tVx[slot], tVtheta[slot], tCost[slot], tCount[slot]};
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

        movers = request.movers();
        map.update(request.obstacles().grid(), x, y);
        markRobotCells(x, y, th);
        buildGrids(request, x, y);
        window.set(config, v, w, Math.hypot(finalGoalX - x, finalGoalY - y));

        int best = chooseTrajectory(x, y, th, v, w);
        if (best < 0) {
            stop(out, PlanStatus.NO_COLLISION_FREE_ROLLOUT);
            return;
        }
        double cost = tCost[best];
        if (!(cost - cost == 0.0)) {
            stop(out, PlanStatus.NON_FINITE);
            return;
        }
        double cmdV = tVx[best];
        double cmdW = tVtheta[best];
        out.status = PlanStatus.OK;
        out.command[ControlIndex.V] = cmdV;
        out.command[ControlIndex.OMEGA] = cmdW;
        out.mode = cmdV > 0 ? MODE_FORWARD : (cmdV < 0 ? MODE_ESCAPE : MODE_ROTATE);
        out.bestCost = cost;
        int h = Math.min(horizonSteps(), out.maxHorizon());
        resample(best, out.planXY, h, x, y);
        out.planLength = h + 1;
        for (int t = 0; t < h; t++) {
            out.controls[2 * t] = cmdV;
            out.controls[2 * t + 1] = cmdW;
        }
        out.controlLength = h;
        writeRollouts(out, h, x, y);
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

    // ---- the local costmap's helpers ------------------------------------------------------------------------

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
        pathGrid.reset();
        goalGrid.reset();
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
                pathGrid.target(idx);
                localGoal = idx;
                started = true;
            }
        }
        if (localGoal >= 0) {
            goalGrid.target(localGoal);
        }
        pathGrid.propagate(map, withinRobot);
        goalGrid.propagate(map, null);
    }

    private static double dist2(double[] pts, int i, double x, double y) {
        double dx = pts[2 * i] - x;
        double dy = pts[2 * i + 1] - y;
        return dx * dx + dy * dy;
    }

    // ---- trajectories ---------------------------------------------------------------------------------------

    /** The sampling and selection of base_local_planner's createTrajectories; returns the chosen slot or −1. */
    private int chooseTrajectory(double x, double y, double th, double v, double w) {
        trajCount = 0;
        int vxN = config.vxSamples();
        int vthN = config.vthetaSamples();
        double dvx = window.vxStep(vxN);
        double dvth = window.vthetaStep(vthN);
        int best = -1;
        if (!escaping) {
            double vxS = window.minVx;
            for (int i = 0; i < vxN; i++) {
                int slot = generate(x, y, th, v, w, vxS, 0.0);
                if (tCost[slot] >= 0 && (best < 0 || tCost[slot] < tCost[best])) {
                    best = slot;
                }
                double vthS = window.minVtheta;
                for (int j = 0; j < vthN - 1; j++) {
                    slot = generate(x, y, th, v, w, vxS, vthS);
                    if (tCost[slot] >= 0 && (best < 0 || tCost[slot] < tCost[best])) {
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
            int slot = generate(x, y, th, v, w, 0.0, limited);
            double c = tCost[slot];
            if (c >= 0 && (best < 0 || c <= tCost[best]) && (vthS > dvth || vthS < -dvth) && tCount[slot] > 0) {
                int last = slot * stride + tCount[slot] - 1;
                double ex = tx[last] + config.headingLookahead() * Math.cos(tth[last]);
                double ey = ty[last] + config.headingLookahead() * Math.sin(tth[last]);
                int cx = map.cellX(ex);
                int cy = map.cellY(ey);
                if (cx >= 0 && cy >= 0) {
                    int ahead = goalGrid.distance(cy * n + cx);
                    if (ahead < headingDist && ((vthS < 0 && !stuckLeft) || (vthS > 0 && !stuckRight))) {
                        best = slot;
                        headingDist = ahead;
                    }
                }
            }
            vthS += dvth;
        }
        if (best >= 0) {
            if (!(tVx[best] > 0)) {
                // Oscillation flags: rotating twice to one side bars the other side until the robot moves.
                if (tVtheta[best] < 0) {
                    if (rotatingRight) {
                        stuckRight = true;
                    }
                    rotatingRight = true;
                } else if (tVtheta[best] > 0) {
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
        int slot = generate(x, y, th, v, w, config.escapeVel(), 0.0);
        resetOscillation(x, y);
        double c = tCost[slot];
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
            tCost[slot] = 1.0; // ROS scores a blind backing-up arc 1
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

    /**
     * Simulates and scores one sample into the next slot (base_local_planner's generateTrajectory).
     *
     * @return the slot; its cost is ≥ 0 when legal, −1 when the footprint hit a lethal cell or left the window,
     *         −2 when the centre crossed a blocked or unreached grid cell.
     */
    private int generate(double x, double y, double th, double v0, double w0, double vxS, double vthS) {
        int slot = trajCount++;
        int steps = config.trajectorySteps(vxS, vthS);
        double dt = config.simTime() / steps;
        int base = slot * stride;
        double xi = x;
        double yi = y;
        double thi = th;
        double vi = v0;
        double wi = w0;
        double occ = 0;
        int pathD = 0;
        int goalD = 0;
        int blocked = pathGrid.obstacle();
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
            double fp = footprintCost(xi, yi, thi, idx);
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
            pathD = pathGrid.distance(idx);
            goalD = goalGrid.distance(idx);
            if (pathD >= blocked || goalD >= blocked) {
                cost = ILLEGAL_GRID;
                complete = false;
                break;
            }
            tx[base + count] = xi;
            ty[base + count] = yi;
            tth[base + count] = thi;
            count++;
            vi = ramp(vxS, vi, dvMax);
            wi = ramp(vthS, wi, dwMax);
            xi += vi * Math.cos(thi) * dt;
            yi += vi * Math.sin(thi) * dt;
            thi += wi * dt;
        }
        if (complete) {
            tx[base + count] = xi; // the end state, for drawing (not scored, as in ROS)
            ty[base + count] = yi;
            tth[base + count] = thi;
            cost = config.pdistScale() * pathD * res + config.gdistScale() * goalD * res + config.occdistScale() * occ;
        }
        tCount[slot] = count;
        tComplete[slot] = complete;
        tCost[slot] = cost;
        tVx[slot] = vxS;
        tVtheta[slot] = vthS;
        tDt[slot] = dt;
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

    /** Largest cost under the padded footprint's outline, −1 if it covers a lethal cell or leaves the window. */
    private double footprintCost(double x, double y, double th, int centre) {
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
                return ILLEGAL_FOOTPRINT;
            }
            int cost = map.cost(cy * n + cx);
            if (cost == LocalCostmap.LETHAL) {
                return ILLEGAL_FOOTPRINT;
            }
            if (cost > worst) {
                worst = cost;
            }
        }
        return worst;
    }

    // ---- output ---------------------------------------------------------------------------------------------

    /** Writes slot's poses at times k·simTime/h, k = 0..h, into dst (x, y interleaved). */
    private void resample(int slot, double[] dst, int h, double x, double y) {
        int pts = tCount[slot] + (tComplete[slot] ? 1 : 0);
        int base = slot * stride;
        if (pts == 0) {
            for (int k = 0; k <= h; k++) {
                dst[2 * k] = x;
                dst[2 * k + 1] = y;
            }
            return;
        }
        double dt = tDt[slot];
        double span = config.simTime();
        for (int k = 0; k <= h; k++) {
            double f = k * span / h / dt;
            int j = (int) f;
            if (j >= pts - 1) {
                dst[2 * k] = tx[base + pts - 1];
                dst[2 * k + 1] = ty[base + pts - 1];
            } else {
                double u = f - j;
                dst[2 * k] = tx[base + j] + u * (tx[base + j + 1] - tx[base + j]);
                dst[2 * k + 1] = ty[base + j] + u * (ty[base + j + 1] - ty[base + j]);
            }
        }
    }

    /** Softmax weights exp(−(cost − min)) over the legal trajectories; the heaviest go into the plan. */
    private void writeRollouts(Plan out, int h, double x, double y) {
        double min = Double.POSITIVE_INFINITY;
        int legal = 0;
        for (int s = 0; s < trajCount; s++) {
            if (tCost[s] >= 0 && tComplete[s]) {
                legal++;
                min = Math.min(min, tCost[s]);
            }
        }
        out.feasibleRollouts = legal;
        int want = Math.min(out.maxRollouts(), legal);
        if (want == 0) {
            out.rolloutCount = 0;
            return;
        }
        double sum = 0;
        for (int s = 0; s < trajCount; s++) {
            double wk = tCost[s] >= 0 && tComplete[s] ? Math.exp(-(tCost[s] - min)) : 0.0;
            weights[s] = wk;
            sum += wk;
        }
        int have = 0;
        for (int s = 0; s < trajCount; s++) {
            double wk = weights[s];
            if (!(wk > 0) || (have == want && !(wk > topWeight[have - 1]))) {
                continue;
            }
            int pos = have < want ? have++ : want - 1;
            while (pos > 0 && topWeight[pos - 1] < wk) {
                topWeight[pos] = topWeight[pos - 1];
                topSlot[pos] = topSlot[pos - 1];
                pos--;
            }
            topWeight[pos] = wk;
            topSlot[pos] = s;
        }
        for (int r = 0; r < have; r++) {
            resample(topSlot[r], out.rolloutXY[r], h, x, y);
            out.rolloutWeights[r] = topWeight[r] / sum;
        }
        out.rolloutCount = have;
    }
}
