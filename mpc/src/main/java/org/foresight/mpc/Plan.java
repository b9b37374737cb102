package org.foresight.mpc;

import java.util.Arrays;
import org.foresight.dynamics.model.ControlIndex;

/**
 * The caller-owned output of one planning cycle, preallocated once and overwritten every cycle so that
 * planning allocates nothing: the command to apply, the status, the chosen plan as a pose polyline and
 * the optimal control sequence, and a bounded sample of rollouts with their normalised weights.
 */
public final class Plan {
    /** The command to hold for this control period: (cmd_v [m/s], cmd_ω [rad/s]), {@link ControlIndex}. */
    public final double[] command = new double[ControlIndex.DIM];
    /** How the cycle ended. */
    public PlanStatus status = PlanStatus.OK;
    /** The planner's mode this cycle, e.g. {@code "mppi"} (mode-switching planners change it). */
    public String mode = "";
    /** Number of poses in {@link #planXY} (horizon + 1 including the current pose). */
    public int planLength;
    /** Chosen plan as interleaved x0,y0,x1,y1,… [m], valid up to 2·{@link #planLength}. */
    public final double[] planXY;
    /** Number of controls in {@link #controls}. */
    public int controlLength;
    /** The optimal control sequence interleaved v0,ω0,v1,ω1,… [m/s, rad/s] before the warm-start shift. */
    public final double[] controls;
    /** Number of valid entries in {@link #rolloutXY} / {@link #rolloutWeights}. */
    public int rolloutCount;
    /** Sampled rollouts (the heaviest first), each interleaved x,y [m] of {@link #planLength} poses. */
    public final double[][] rolloutXY;
    /** Normalised softmax weight of each recorded rollout (dimensionless, the batch sums to 1). */
    public final double[] rolloutWeights;
    /** Lowest rollout cost of the last iteration (dimensionless), NaN if none was finite. */
    public double bestCost = Double.NaN;
    /** Number of collision-free, finite rollouts in the last iteration. */
    public int feasibleRollouts;

    /**
     * @param maxHorizon  the longest horizon (steps) any planner writing here uses, ≥ 1.
     * @param maxRollouts how many rollouts to record per cycle (0 = none), ≥ 0.
     */
    public Plan(int maxHorizon, int maxRollouts) {
        if (maxHorizon < 1) {
            throw new IllegalArgumentException("Plan maxHorizon must be >= 1 step, got " + maxHorizon);
        }
        if (maxRollouts < 0) {
            throw new IllegalArgumentException("Plan maxRollouts must be >= 0, got " + maxRollouts);
        }
        planXY = new double[2 * (maxHorizon + 1)];
        controls = new double[ControlIndex.DIM * maxHorizon];
        rolloutXY = new double[maxRollouts][2 * (maxHorizon + 1)];
        rolloutWeights = new double[maxRollouts];
    }

    /** @return the recorded-rollout capacity. */
    public int maxRollouts() {
        return rolloutXY.length;
    }

    /** @return the horizon capacity [steps]. */
    public int maxHorizon() {
        return controls.length / ControlIndex.DIM;
    }

    /** @return a copy of the valid part of {@link #planXY} (for logs; allocates). */
    public double[] planXYCopy() {
        return Arrays.copyOf(planXY, 2 * planLength);
    }

    /** @return copies of the recorded rollouts (for logs; allocates). */
    public double[][] rolloutsCopy() {
        double[][] r = new double[rolloutCount][];
        for (int i = 0; i < rolloutCount; i++) {
            r[i] = Arrays.copyOf(rolloutXY[i], 2 * planLength);
        }
        return r;
    }

    /** @return a copy of the valid recorded weights (for logs; allocates). */
    public double[] rolloutWeightsCopy() {
        return Arrays.copyOf(rolloutWeights, rolloutCount);
    }

    /**
     * Sets a stop command and status, clearing plan and rollouts.
     *
     * @param why the reason, a stop status.
     */
    public void stop(PlanStatus why) {
        command[ControlIndex.V] = 0.0;
        command[ControlIndex.OMEGA] = 0.0;
        status = why;
        planLength = 0;
        controlLength = 0;
        rolloutCount = 0;
    }

    /**
     * Sets a command chosen without planning (a hold, a recovery manoeuvre): status OK, no plan, no rollouts, no
     * cost.
     *
     * @param v     commanded forward speed [m/s].
     * @param omega commanded yaw rate [rad/s].
     * @param mode  the mode shown in logs and replays, e.g. "hold".
     */
    public void fixedCommand(double v, double omega, String mode) {
        status = PlanStatus.OK;
        command[ControlIndex.V] = v;
        command[ControlIndex.OMEGA] = omega;
        planLength = 0;
        controlLength = 0;
        rolloutCount = 0;
        bestCost = Double.NaN;
        feasibleRollouts = 0;
        this.mode = mode;
    }
}
