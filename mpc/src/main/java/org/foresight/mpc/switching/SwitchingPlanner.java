package org.foresight.mpc.switching;

import java.util.EnumMap;
import java.util.Map;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.recovery.StallRecovery;

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
    private final SwitchingConfig config;
    private final Map<DrivingMode, MppiPlanner> optimisers = new EnumMap<>(DrivingMode.class);
    private final ModeSelector selector;
    private final StallRecovery recovery;
    private MppiPlanner active;
    private DrivingMode mode = DrivingMode.CAREFUL;

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
        this.recovery = new StallRecovery(config.stallTime(), config.stallProgress(), config.recoveryTime(),
                config.recoverySpeed(), 0.5 * critics.footprintLength(), 0.5 * critics.footprintWidth(), false);
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
        recovery.reset();
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
        double[] s = request.state();
        double t = request.time();
        StallRecovery.Outcome o = recovery.step(request, out);
        if (o == StallRecovery.Outcome.BACKING) {
            mode = DrivingMode.RECOVERY;
            return;
        }
        if (o == StallRecovery.Outcome.ENDED) {
            endRecovery(); // done, or blocked behind: plan afresh from here
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

    /** Forgets every warm start; this cycle plans afresh in careful mode. */
    private void endRecovery() {
        for (MppiPlanner p : optimisers.values()) {
            p.reset();
        }
        selector.reset();
        active = optimisers.get(DrivingMode.CAREFUL);
    }

    @Override
    public void close() {
        for (MppiPlanner p : optimisers.values()) {
            p.close();
        }
    }
}
