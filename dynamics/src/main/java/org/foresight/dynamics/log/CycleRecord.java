package org.foresight.dynamics.log;

import java.util.List;
import org.foresight.dynamics.world.MovingDisc;

/**
 * What happened in one control cycle of a closed-loop run: the state the planner saw, the command it
 * sent, how long it took, and what it weighed. Planners of any kind fill it; the viewer reads it back
 * without knowing the planner.
 *
 * @param index          cycle number, from 0.
 * @param t              simulated time at the start of the cycle [s].
 * @param state          measured state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]).
 * @param cmd            command sent (cmd_v [m/s], cmd_ω [rad/s]).
 * @param planMs         wall-clock planning time of the plan started in this cycle [ms]; NaN when the planner
 *                       was still busy with an earlier plan and none started.
 * @param mode           planner mode (e.g. "mppi", "recovery"); free text without commas.
 * @param status         "ok" or why the planner stopped the robot (e.g. "nan", "no_feasible_rollout").
 * @param planXY         chosen plan as interleaved x,y [m]; may be empty.
 * @param rolloutsXY     a bounded sample of rollouts, each interleaved x,y [m]; may be empty.
 * @param rolloutWeights weight of each sampled rollout (same length as {@code rolloutsXY}).
 * @param scan           lidar ranges [m], or null.
 * @param obstacles      moving obstacles at this time; may be empty.
 * @param latencyMs      simulated time from this cycle's measurement until its plan's command reached the wheels
 *                       [ms], rounded up to the physics step; NaN when no plan started in this cycle.
 * @param overrun        whether the cycle ended with the planner still computing (its deadline missed).
 * @param estimate       the state the robot believed it had (its odometry: x̂ [m], ŷ [m], θ̂ [rad], v [m/s],
 *                       ω [rad/s]), or null when it was given the true state. Plans and rollouts are in its frame.
 * @param knownMap       the obstacles the robot had seen by this cycle, or null when unchanged since the last
 *                       snapshot (or when it was given the exact map).
 * @param tracks         the moving obstacles the planner was told of, {@value #TRACK_FIELDS} numbers each: id, x [m],
 *                       y [m], vx [m/s], vy [m/s], radius [m], position σ [m] (0 for the true discs); null or empty
 *                       when none.
 * @param guideXY        the guide path the planner followed from this cycle on, interleaved x,y [m] in the frame of
 *                       the plans, or null when unchanged since the last cycle that had one (or when there is none).
 */
public record CycleRecord(int index, double t, double[] state, double[] cmd, double planMs, String mode,
                          String status, double[] planXY, double[][] rolloutsXY, double[] rolloutWeights,
                          double[] scan, List<? extends MovingDisc> obstacles, double latencyMs, boolean overrun,
                          double[] estimate, MapSnapshot knownMap, double[] tracks, double[] guideXY) {
    /** Numbers per track in {@link #tracks}: id, x, y, vx, vy, radius, σ. */
    public static final int TRACK_FIELDS = 7;

    /** A cycle without a new guide. */
    public CycleRecord(int index, double t, double[] state, double[] cmd, double planMs, String mode,
                       String status, double[] planXY, double[][] rolloutsXY, double[] rolloutWeights,
                       double[] scan, List<? extends MovingDisc> obstacles, double latencyMs, boolean overrun,
                       double[] estimate, MapSnapshot knownMap, double[] tracks) {
        this(index, t, state, cmd, planMs, mode, status, planXY, rolloutsXY, rolloutWeights, scan, obstacles, latencyMs,
                overrun, estimate, knownMap, tracks, null);
    }

    /** A cycle without tracks. */
    public CycleRecord(int index, double t, double[] state, double[] cmd, double planMs, String mode,
                       String status, double[] planXY, double[][] rolloutsXY, double[] rolloutWeights,
                       double[] scan, List<? extends MovingDisc> obstacles, double latencyMs, boolean overrun,
                       double[] estimate, MapSnapshot knownMap) {
        this(index, t, state, cmd, planMs, mode, status, planXY, rolloutsXY, rolloutWeights, scan, obstacles, latencyMs,
                overrun, estimate, knownMap, null);
    }

    /** A cycle in which the robot was given the true state and the exact map. */
    public CycleRecord(int index, double t, double[] state, double[] cmd, double planMs, String mode,
                       String status, double[] planXY, double[][] rolloutsXY, double[] rolloutWeights,
                       double[] scan, List<? extends MovingDisc> obstacles, double latencyMs, boolean overrun) {
        this(index, t, state, cmd, planMs, mode, status, planXY, rolloutsXY, rolloutWeights, scan, obstacles, latencyMs,
                overrun, null, null);
    }

    /** A cycle without latency (a synchronous controller): latency 0, no overrun. */
    public CycleRecord(int index, double t, double[] state, double[] cmd, double planMs, String mode,
                       String status, double[] planXY, double[][] rolloutsXY, double[] rolloutWeights,
                       double[] scan, List<? extends MovingDisc> obstacles) {
        this(index, t, state, cmd, planMs, mode, status, planXY, rolloutsXY, rolloutWeights, scan, obstacles, 0.0,
                false);
    }

    /** Checks the shapes. */
    public CycleRecord {
        if (rolloutsXY.length != rolloutWeights.length) {
            throw new IllegalArgumentException("cycle " + index + ": " + rolloutsXY.length + " rollouts but "
                    + rolloutWeights.length + " weights");
        }
        if (tracks != null && tracks.length % TRACK_FIELDS != 0) {
            throw new IllegalArgumentException("cycle " + index + ": tracks length " + tracks.length
                    + " is not a multiple of " + TRACK_FIELDS);
        }
        if (guideXY != null && guideXY.length % 2 != 0) {
            throw new IllegalArgumentException("cycle " + index + ": guide has an odd number of coordinates");
        }
        if (mode.contains(",") || status.contains(",")) {
            throw new IllegalArgumentException("cycle " + index + ": mode/status must not contain commas");
        }
    }
}
