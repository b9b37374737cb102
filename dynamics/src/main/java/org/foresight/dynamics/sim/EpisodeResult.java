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
 */
public record EpisodeResult(Outcome outcome, double time, double optimalTime, double score, double pathLength,
                            double simTime) {
}
