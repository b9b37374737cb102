package org.foresight.dynamics.sim;

/**
 * The BARN challenge metric (2024 rules): score = success · OT / clip(AT, 2·OT, 8·OT), where OT is the
 * optimal time (reference path length at 2 m/s) and AT the actual traversal time. The maximum is 0.5.
 */
public final class BarnScore {
    private BarnScore() {
    }

    /**
     * @param success whether the episode reached the goal.
     * @param at      actual time [s], from the moment the robot moved 0.1 m to the end.
     * @param ot      optimal time [s], &gt; 0.
     * @return the score in [0, 0.5].
     */
    public static double score(boolean success, double at, double ot) {
        if (!(ot > 0)) {
            throw new IllegalArgumentException("optimal time OT must be > 0 s, got " + ot);
        }
        if (!success) {
            return 0.0;
        }
        double clipped = Math.min(Math.max(at, 2 * ot), 8 * ot);
        return ot / clipped;
    }
}
