package org.foresight.dynamics.sim;

/** How an episode stands or ended. */
public enum Outcome {
    /** Still driving. */
    RUNNING,
    /** Reached the goal (within the world's goal tolerance). */
    SUCCESS,
    /** The footprint touched an obstacle, wall or moving obstacle. */
    COLLISION,
    /** The time limit passed first. */
    TIMEOUT;

    /** Lower-case name as used in {@code result.json}: "success", "collision", "timeout", "running". */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
