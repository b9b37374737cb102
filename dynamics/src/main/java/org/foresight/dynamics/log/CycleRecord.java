package org.foresight.dynamics.log;

import java.util.List;
import org.foresight.dynamics.world.MovingObstacle;

/**
 * What happened in one control cycle of a closed-loop run: the state the planner saw, the command it
 * sent, how long it took, and what it weighed. Planners of any kind fill it; the viewer reads it back
 * without knowing the planner.
 *
 * @param index          cycle number, from 0.
 * @param t              simulated time at the start of the cycle [s].
 * @param state          measured state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]).
 * @param cmd            command sent (cmd_v [m/s], cmd_ω [rad/s]).
 * @param planMs         wall-clock planning time [ms].
 * @param mode           planner mode (e.g. "mppi", "recovery"); free text without commas.
 * @param status         "ok" or why the planner stopped the robot (e.g. "nan", "no_feasible_rollout").
 * @param planXY         chosen plan as interleaved x,y [m]; may be empty.
 * @param rolloutsXY     a bounded sample of rollouts, each interleaved x,y [m]; may be empty.
 * @param rolloutWeights weight of each sampled rollout (same length as {@code rolloutsXY}).
 * @param scan           lidar ranges [m], or null.
 * @param obstacles      moving obstacles at this time; may be empty.
 */
public record CycleRecord(int index, double t, double[] state, double[] cmd, double planMs, String mode,
                          String status, double[] planXY, double[][] rolloutsXY, double[] rolloutWeights,
                          double[] scan, List<MovingObstacle> obstacles) {
    /** Checks the shapes. */
    public CycleRecord {
        if (rolloutsXY.length != rolloutWeights.length) {
            throw new IllegalArgumentException("cycle " + index + ": " + rolloutsXY.length + " rollouts but "
                    + rolloutWeights.length + " weights");
        }
        if (mode.contains(",") || status.contains(",")) {
            throw new IllegalArgumentException("cycle " + index + ": mode/status must not contain commas");
        }
    }
}
