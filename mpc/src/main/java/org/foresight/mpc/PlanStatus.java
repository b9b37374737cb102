package org.foresight.mpc;

/** How a planning cycle ended; the run log records {@link #label()} per cycle. */
public enum PlanStatus {
    /** A finite plan with at least one collision-free rollout; its first control is commanded. */
    OK("ok"),
    /** Every sampled rollout collided (or was invalid): the robot is told to stop. */
    NO_COLLISION_FREE_ROLLOUT("stop:no-collision-free-rollout"),
    /** The model, a cost or the optimal sequence produced NaN/∞: the robot is told to stop. */
    NON_FINITE("stop:non-finite"),
    /** The measured state given to the planner was not finite: the robot is told to stop. */
    BAD_STATE("stop:bad-state"),
    /** What the robot has seen leaves no path to the goal (a lidar map that closed up); it waits and re-plans. */
    NO_PATH("stop:no-path-to-goal");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    /** @return the short text written to the run log (e.g. {@code "stop:non-finite"}). */
    public String label() {
        return label;
    }

    /** @return whether this status commands a stop (0, 0) instead of the optimised control. */
    public boolean isStop() {
        return this != OK;
    }
}
