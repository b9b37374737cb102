package org.foresight.dynamics.sim;

/**
 * What an episode achieved, in BARN's terms.
 *
 * @param outcome     how it ended.
 * @param time        AT [s]: from the moment the robot had moved 0.1 m from its start to the end.
 * @param optimalTime OT [s]: reference path length / 2 m/s.
 * @param score       success · OT / clip(AT, 2·OT, 8·OT), in [0, 0.5].
 * @param pathLength  distance driven [m].
 * @param simTime     simulated time from start to end [s].
 * @param collisionWith what the robot hit: {@link #STATIC} (the grid: walls and static obstacles), {@link #MOVING}
 *                      (a moving obstacle), or {@link #NONE} when it did not collide.
 */
public record EpisodeResult(Outcome outcome, double time, double optimalTime, double score, double pathLength,
                            double simTime, String collisionWith) {
    /** {@link #collisionWith} of an episode without a collision. */
    public static final String NONE = "none";
    /** {@link #collisionWith} of a collision with the static grid (walls and static obstacles). */
    public static final String STATIC = "static";
    /** {@link #collisionWith} of a collision with a moving obstacle. */
    public static final String MOVING = "moving";

    /** A result whose collision, if any, is not attributed ({@link #collisionWith} = {@link #NONE}). */
    public EpisodeResult(Outcome outcome, double time, double optimalTime, double score, double pathLength,
                         double simTime) {
        this(outcome, time, optimalTime, score, pathLength, simTime, NONE);
    }
}
