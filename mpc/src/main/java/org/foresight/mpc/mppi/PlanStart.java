package org.foresight.mpc.mppi;

import java.util.Arrays;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.CriticContext;

/**
 * What every sampling planner (MPPI, CEM) does at the start of a plan, in one place: the rollouts' initial
 * state from the measurement, the critics' context from the request, and the warm start's shift over the
 * periods that passed since the last plan. Allocation-free.
 */
public final class PlanStart {
    private PlanStart() {
    }

    /**
     * The model's initial state from the measurement. A velocity-state model fed a pose-only measurement
     * assumes the robot follows its last command (v = cmd_v, ω = cmd_ω); any further model states start at 0.
     *
     * @param s     the measured state (x, y, θ[, v, ω, ...]). Not modified.
     * @param n     the model's state dimension.
     * @param lastV the last commanded speed [m/s].
     * @param lastW the last commanded yaw rate [rad/s].
     * @param x0    (Output) the initial state, length ≥ n. Modified.
     * @return false when an entry the model reads is not finite (x0 is then not written).
     */
    public static boolean initialState(double[] s, int n, double lastV, double lastW, double[] x0) {
        for (int i = 0; i < Math.min(n, s.length); i++) {
            if (!Double.isFinite(s[i])) {
                return false;
            }
        }
        if (s.length < n) {
            System.arraycopy(s, 0, x0, 0, s.length);
            for (int i = s.length; i < n; i++) {
                x0[i] = i == StateIndex.V ? lastV : (i == StateIndex.OMEGA ? lastW : 0.0);
            }
        } else {
            System.arraycopy(s, 0, x0, 0, n);
        }
        return true;
    }

    /**
     * Fills the critics' context of one plan.
     *
     * @param c       (Output) the context. Modified.
     * @param request the plan request.
     * @param lastV   the last commanded speed [m/s].
     * @param lastW   the last commanded yaw rate [rad/s].
     * @param dt      the rollout step [s].
     * @param horizon the rollout horizon T [steps].
     */
    public static void context(CriticContext c, PlanRequest request, double lastV, double lastW, double dt,
                               int horizon) {
        double[] s = request.state();
        c.startX = s[StateIndex.X];
        c.startY = s[StateIndex.Y];
        c.startTheta = s[StateIndex.THETA];
        c.startV = s.length > StateIndex.V ? s[StateIndex.V] : lastV;
        c.startOmega = s.length > StateIndex.OMEGA ? s[StateIndex.OMEGA] : lastW;
        c.previousCmdV = lastV;
        c.previousCmdOmega = lastW;
        c.goalX = request.goalX();
        c.goalY = request.goalY();
        c.goalTolerance = request.goalTolerance();
        c.guide = request.guide();
        c.obstacles = request.obstacles().grid();
        c.movers = request.movers();
        c.dt = dt;
        c.horizon = horizon;
    }

    /**
     * The warm start was shifted by one step after the last plan; when more periods passed since (the planner
     * was busy, e.g. overrunning under charged latency), shift the rest so that ū[0] is the control for now,
     * repeating the last control at the tail.
     *
     * @param lastTime the last plan's measurement time [s], NaN before the first.
     * @param time     this plan's measurement time [s].
     * @param dt       the control step [s].
     * @param meanV    (Input/Output) the speed sequence. Modified.
     * @param meanW    (Input/Output) the yaw-rate sequence. Modified.
     * @param horizon  the sequences' length.
     */
    public static void skipElapsedSteps(double lastTime, double time, double dt, double[] meanV, double[] meanW,
                                        int horizon) {
        if (Double.isNaN(lastTime)) {
            return;
        }
        long extra = Math.round((time - lastTime) / dt) - 1;
        if (extra <= 0) {
            return;
        }
        int k = (int) Math.min(extra, horizon - 1);
        System.arraycopy(meanV, k, meanV, 0, horizon - k);
        System.arraycopy(meanW, k, meanW, 0, horizon - k);
        Arrays.fill(meanV, horizon - k, horizon, meanV[horizon - k - 1]);
        Arrays.fill(meanW, horizon - k, horizon, meanW[horizon - k - 1]);
    }
}
