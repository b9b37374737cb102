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
import org.foresight.mpc.path.GuidePath;

/**
 * MPC mode switching in the manner of MLDA (second at ICRA BARN 2024), over a fast optimiser instead of their
 * IPOPT NMPC rebuilt every cycle: one MPPI optimiser per driving mode (open, obstacle, careful, reverse), each
 * with that mode's {@link ModeLimits} over the shared MPPI settings and critics. Each cycle:
 * <ol>
 *   <li>if progress along the guide has stalled ({@link SwitchingConfig#stallTime()}), a scripted
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

    private final SwitchingConfig config;
    private final Map<DrivingMode, MppiPlanner> optimisers = new EnumMap<>(DrivingMode.class);
    private final ModeSelector selector;
    private final double halfLength;
    private final double halfWidth;
    private MppiPlanner active;
    private DrivingMode mode = DrivingMode.CAREFUL;
    /** Progress reference: cost-to-go [m] at {@link #refTime} [s]; NaN before the first plan. */
    private double refProgress = Double.NaN;
    private double refTime;
    private GuidePath refGuide;
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
        refProgress = Double.NaN;
        refGuide = null;
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
            endRecovery(request);
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
     * Whether the guide's cost-to-go has failed to fall by {@link SwitchingConfig#stallProgress()} over
     * {@link SwitchingConfig#stallTime()}. A new guide re-bases the reference by the jump it causes at the
     * robot, so a re-planned guide is neither progress nor a stall.
     */
    private boolean stalled(PlanRequest r) {
        double p = progressMeasure(r.guide(), r);
        if (!Double.isFinite(p)) {
            return false;
        }
        if (Double.isNaN(refProgress)) {
            resetProgress(r, p);
            return false;
        }
        if (r.guide() != refGuide) {
            double before = progressMeasure(refGuide, r);
            if (Double.isFinite(before)) {
                refProgress += p - before;
            }
            refGuide = r.guide();
        }
        if (p < refProgress - config.stallProgress()) {
            refProgress = p;
            refTime = r.time();
            return false;
        }
        double toGoal = Math.hypot(r.goalX() - r.state()[StateIndex.X], r.goalY() - r.state()[StateIndex.Y]);
        return r.time() - refTime >= config.stallTime() && toGoal > r.goalTolerance();
    }

    private void resetProgress(PlanRequest r, double p) {
        refProgress = p;
        refTime = r.time();
        refGuide = r.guide();
    }

    /** Remaining guide length plus lateral offset at the robot [m], or the straight distance to the goal. */
    private static double progressMeasure(GuidePath guide, PlanRequest r) {
        double x = r.state()[StateIndex.X];
        double y = r.state()[StateIndex.Y];
        return guide != null ? guide.costToGo().distance(x, y) : Math.hypot(r.goalX() - x, r.goalY() - y);
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

    /** Forgets every warm start and the progress reference; the next cycle plans afresh in careful mode. */
    private void endRecovery(PlanRequest r) {
        for (MppiPlanner p : optimisers.values()) {
            p.reset();
        }
        selector.reset();
        active = optimisers.get(DrivingMode.CAREFUL);
        double p = progressMeasure(r.guide(), r);
        if (Double.isFinite(p)) {
            resetProgress(r, p);
        } else {
            refProgress = Double.NaN;
        }
    }

    @Override
    public void close() {
        for (MppiPlanner p : optimisers.values()) {
            p.close();
        }
    }
}
