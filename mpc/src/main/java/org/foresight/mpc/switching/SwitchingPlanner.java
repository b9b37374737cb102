package org.foresight.mpc.switching;

import java.util.EnumMap;
import java.util.Map;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;

/**
 * MPC mode switching in the manner of MLDA (second at ICRA BARN 2024), over a fast optimiser instead of their
 * IPOPT NMPC rebuilt every cycle: one MPPI optimiser per driving mode (open, obstacle, careful, reverse), each
 * with that mode's {@link ModeLimits} over the shared MPPI settings and critics. Each cycle:
 * <ol>
 *   <li>if the robot has stalled (moved less than {@link SwitchingConfig#stallProgress()} net in
 *       {@link SwitchingConfig#stallTime()}), a scripted
 *       {@link DrivingMode#RECOVERY}: back straight up while the strip behind the footprint is clear, for
 *       {@link SwitchingConfig#recoveryTime()}, then every optimiser forgets its warm start;</li>
 *   <li>else {@link ModeSelector} picks the mode; the new mode's optimiser adopts the previous one's warm start
 *       (clipped to its bounds) and plans; if a faster mode finds no collision-free rollout, careful mode plans
 *       again in the same cycle before the robot is told to stop.</li>
 * </ol>
 * {@link Plan#mode} carries the mode's label every cycle. Deterministic for a seed (each optimiser is);
 * allocation-free after the first cycle. Not thread-safe.
 */
public final class SwitchingPlanner implements Planner {
    /** How far behind the footprint's rear edge the recovery checks for room [m]. */
    static final double RECOVERY_CHECK_DISTANCE = 0.15;
    /** Clearance the recovery keeps from anything behind [m]. */
    static final double RECOVERY_CLEARANCE = 0.05;
    /** Positions kept for the stall test: 512 cycles, 25.6 s at 20 Hz, more than any sensible stall time. */
    static final int HISTORY = 512;

    private final SwitchingConfig config;
    private final Map<DrivingMode, MppiPlanner> optimisers = new EnumMap<>(DrivingMode.class);
    private final ModeSelector selector;
    private final double halfLength;
    private final double halfWidth;
    private MppiPlanner active;
    private DrivingMode mode = DrivingMode.CAREFUL;
    /** Recent measured positions, a ring of {@link #HISTORY} (time [s], x [m], y [m]) for the stall test. */
    private final double[] historyT = new double[HISTORY];
    private final double[] historyX = new double[HISTORY];
    private final double[] historyY = new double[HISTORY];
    private int historyCount;
    private double recoveryUntil = Double.NEGATIVE_INFINITY;
    private boolean recovering;

    /**
     * @param model   the model planned through (any {@link DynamicsModel} with 2 controls).
     * @param mppi    the optimiser's settings; each mode replaces the speed bounds.
     * @param critics the critics' settings; each mode replaces the speed target and the prefer-forward weight.
     * @param config  the modes and switching rules.
     */
    public SwitchingPlanner(DynamicsModel model, MppiConfig mppi, CriticParams critics, SwitchingConfig config) {
        this.config = config;
        this.selector = new ModeSelector(config, Math.hypot(0.5 * critics.footprintLength(), 0.5 * critics.footprintWidth()));
        for (DrivingMode m : new DrivingMode[] {DrivingMode.OPEN, DrivingMode.OBSTACLE, DrivingMode.CAREFUL,
                DrivingMode.REVERSE}) {
            ModeLimits l = config.limits(m);
            optimisers.put(m, new MppiPlanner(model, mppi.withBounds(l.minV(), l.maxV(), mppi.maxOmega()),
                    CriticSet.defaults(critics.withSpeedTarget(l.speedTarget()).withPreferForward(l.preferForwardWeight()))));
        }
        this.active = optimisers.get(DrivingMode.CAREFUL);
        this.halfLength = 0.5 * critics.footprintLength();
        this.halfWidth = 0.5 * critics.footprintWidth();
    }

    /** @return "switching". */
    @Override
    public String name() {
        return "switching";
    }

    /** @return the mode of the last cycle (careful before the first). */
    public DrivingMode mode() {
        return mode;
    }

    /** @return the switching rules. */
    public SwitchingConfig config() {
        return config;
    }

    @Override
    public void reset() {
        for (MppiPlanner p : optimisers.values()) {
            p.reset();
        }
        selector.reset();
        active = optimisers.get(DrivingMode.CAREFUL);
        mode = DrivingMode.CAREFUL;
        historyCount = 0;
        recoveryUntil = Double.NEGATIVE_INFINITY;
        recovering = false;
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
        double[] s = request.state();
        double t = request.time();
        if (!recovering && stalled(request)) {
            recovering = true;
            recoveryUntil = t + config.recoveryTime();
        }
        if (recovering) {
            if (t < recoveryUntil && recover(request, out)) {
                return;
            }
            recovering = false; // done, or blocked behind: plan afresh from here
            endRecovery();
        }
        DrivingMode wanted = selector.select(t, s, request.guide(), request.obstacles());
        switchTo(wanted);
        active.plan(request, out);
        if (out.status == PlanStatus.NO_COLLISION_FREE_ROLLOUT && ModeSelector.rank(mode) > ModeSelector.rank(DrivingMode.CAREFUL)) {
            switchTo(DrivingMode.CAREFUL);
            active.plan(request, out);
        }
        out.mode = mode.label();
    }

    private void switchTo(DrivingMode wanted) {
        MppiPlanner next = optimisers.get(wanted);
        if (next != active) {
            next.adoptWarmStart(active);
            active = next;
        }
        mode = wanted;
    }

    /**
     * Whether the robot's net displacement over the last {@link SwitchingConfig#stallTime()} is below
     * {@link SwitchingConfig#stallProgress()} (away from the goal). Net displacement, not distance driven: rocking
     * back and forth in front of a gap is a stall. (The guide's cost-to-go is no measure of progress with a lidar
     * map: the guide may switch between routes of very different length from one cycle to the next.)
     */
    private boolean stalled(PlanRequest r) {
        double x = r.state()[StateIndex.X];
        double y = r.state()[StateIndex.Y];
        double t = r.time();
        int slot = historyCount % HISTORY;
        historyT[slot] = t;
        historyX[slot] = x;
        historyY[slot] = y;
        historyCount++;
        // The latest sample at least stallTime old (the ring holds well over stallTime of 50 ms cycles).
        for (int i = 1; i < Math.min(historyCount, HISTORY); i++) {
            int k = (historyCount - 1 - i) % HISTORY;
            if (t - historyT[k] >= config.stallTime()) {
                double toGoal = Math.hypot(r.goalX() - x, r.goalY() - y);
                return Math.hypot(x - historyX[k], y - historyY[k]) < config.stallProgress() && toGoal > r.goalTolerance();
            }
        }
        return false;
    }

    /**
     * Backs straight up if three points across the strip behind the footprint are clear.
     *
     * @return whether it did (false: blocked behind, nothing written).
     */
    private boolean recover(PlanRequest r, Plan out) {
        double[] s = r.state();
        double x = s[StateIndex.X];
        double y = s[StateIndex.Y];
        double c = Math.cos(s[StateIndex.THETA]);
        double sn = Math.sin(s[StateIndex.THETA]);
        double back = halfLength + RECOVERY_CHECK_DISTANCE;
        boolean clear = true;
        for (int i = -1; i <= 1; i++) {
            double lateral = i * halfWidth;
            double px = x - back * c - lateral * sn;
            double py = y - back * sn + lateral * c;
            if (!(r.obstacles().distance(px, py) > RECOVERY_CLEARANCE)) {
                clear = false;
            }
        }
        if (!clear) {
            return false;
        }
        out.status = PlanStatus.OK;
        out.command[ControlIndex.V] = -config.recoverySpeed();
        out.command[ControlIndex.OMEGA] = 0.0;
        out.planLength = 0;
        out.controlLength = 0;
        out.rolloutCount = 0;
        out.bestCost = Double.NaN;
        out.feasibleRollouts = 0;
        mode = DrivingMode.RECOVERY;
        out.mode = mode.label();
        return true;
    }

    /** Forgets every warm start and the position history; the next cycle plans afresh in careful mode. */
    private void endRecovery() {
        for (MppiPlanner p : optimisers.values()) {
            p.reset();
        }
        selector.reset();
        active = optimisers.get(DrivingMode.CAREFUL);
        historyCount = 0;
    }

    @Override
    public void close() {
        for (MppiPlanner p : optimisers.values()) {
            p.close();
        }
    }
}
