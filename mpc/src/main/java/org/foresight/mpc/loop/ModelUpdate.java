package org.foresight.mpc.loop;

/**
 * What the episode loop tells once per control period, between plans, so that a model can be refit online
 * (e.g. recursive least squares on the robot's own state estimates) or swapped (an oracle following a changed
 * plant). {@link EpisodeRunner} calls it on the episode's thread after sensing and before the cycle's plan, never
 * while a plan is in progress: an implementation may replace the model the planner steps through, and every
 * rollout of a plan still sees one model. The calls do not depend on wall-clock time, so an episode with a fixed
 * latency stays deterministic.
 */
@FunctionalInterface
public interface ModelUpdate {
    /**
     * One control period has passed.
     *
     * @param t        the time now [s].
     * @param measured what the robot measures now and the planner is about to be given (x [m], y [m], θ [rad],
     *                 v [m/s], ω [rad/s]: the true state, or the odometry estimate under odometry localization).
     *                 Not to be modified or kept.
     * @param command  the command the wheels held over the period that just ended, averaged over its physics
     *                 steps (a command arriving mid-period under latency counts for the steps it held), or null at
     *                 the first cycle. Not to be modified or kept.
     */
    void cycle(double t, double[] measured, double[] command);
}
