package org.foresight.mpc.recovery;

/**
 * When the scripted recovery takes over from the optimising planners (MPPI, CEM, iLQR) and what it does: if the
 * robot's net displacement over the last {@code stallTime} seconds is below {@code stallProgress} (and it is not
 * at the goal), spin in place towards the way on if {@code spin} and the robot faces away from it with room to
 * turn, else back straight up at {@code speed} for {@code time} seconds while the strip behind the footprint
 * stays clear; then plan from a fresh warm start ({@link StallRecovery}). DWA keeps its own escape rules (those of ROS
 * {@code base_local_planner}) and the mode-switching planner its own stall settings, so neither is wrapped.
 *
 * @param enabled       whether {@code mppi}, {@code cem} and {@code ilqr} are wrapped in a {@link RecoveringPlanner}.
 * @param stallTime     window over which progress is judged [s], &gt; 0.
 * @param stallProgress least net displacement over stallTime that is not a stall [m], &gt; 0.
 * @param time          how long one recovery backs up [s], &gt; 0.
 * @param speed         backing speed [m/s], &gt; 0.
 * @param spin          whether a stalled robot facing more than 90° away from the way on spins towards it (when it
 *                      has room) instead of backing up.
 * @param startHold     in a world with moving obstacles (the planner is told of them: {@code PlanRequest.movers()} is
 *                      not {@code MovingDiscs.NONE}), how long the robot stands still after its first plan request
 *                      before the wrapped planner drives it [s], ≥ 0 (0: never). The tracker's first tracks settle
 *                      and discs that start next to the robot (DynaBARN's heap on the open side) move off.
 */
public record RecoveryConfig(boolean enabled, double stallTime, double stallProgress, double time, double speed,
                             boolean spin, double startHold) {

    /** Validates every field; see the record Javadoc. */
    public RecoveryConfig {
        positive("stallTime", "s", stallTime);
        positive("stallProgress", "m", stallProgress);
        positive("time", "s", time);
        positive("speed", "m/s", speed);
        if (!(startHold >= 0) || !Double.isFinite(startHold)) {
            throw new IllegalArgumentException("startHold must be finite and >= 0 s, got " + startHold);
        }
    }

    /**
     * The mode-switching planner's settings (after MLDA): recovery after 3 s with under 0.2 m of net progress,
     * backing up at 0.3 m/s for 1 s, or spinning towards the way on (session 16: BARN world 237); no start hold
     * (on DynaBARN a 1.5 s hold won on two of three seed sets and lost on the third: the README's A/B).
     *
     * @return the defaults, enabled.
     */
    public static RecoveryConfig defaults() {
        return new RecoveryConfig(true, 3.0, 0.2, 1.0, 0.3, true, 0.0);
    }

    /**
     * @param seconds the start hold [s], ≥ 0.
     * @return a copy with that start hold.
     */
    public RecoveryConfig withStartHold(double seconds) {
        return new RecoveryConfig(enabled, stallTime, stallProgress, time, speed, spin, seconds);
    }

    private static void positive(String name, String unit, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0 " + unit + ", got " + v);
        }
    }
}
