package org.foresight.mpc;

/**
 * A receding-horizon planner: once per control period it turns what the robot knows into the control to
 * apply now, plus what it weighed (the chosen plan and a bounded sample of rollouts with weights).
 * Implementations keep their warm start (the previous optimal sequence) between calls; MPPI is the first,
 * CEM, iLQR, DWA and a mode-switching planner fit the same shape.
 *
 * <p>A planner never throws on bad numbers: a NaN model, a non-finite state or a situation with no safe
 * option yields a stop command (0, 0) and a {@link PlanStatus} saying why. Not thread-safe: one planner
 * serves one robot; it may use its own worker threads internally.
 */
public interface Planner extends AutoCloseable {

    /** @return a short name for logs, e.g. {@code "mppi"}. */
    String name();

    /** Forgets the warm start and any per-episode state (call before a new episode). */
    void reset();

    /**
     * Plans one control cycle.
     *
     * @param request the measurement, perception, goal and guide. Not modified.
     * @param out     (Output) caller-owned result, overwritten: command, status, plan, rollouts. Modified.
     */
    void plan(PlanRequest request, Plan out);

    /** Releases worker threads; the planner must not be used afterwards. */
    @Override
    default void close() {
    }
}
