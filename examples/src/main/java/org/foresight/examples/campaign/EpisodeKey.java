package org.foresight.examples.campaign;

/**
 * The identity of one episode in a campaign; a resumed campaign skips every key already in its store.
 *
 * @param world      world name.
 * @param planner    planner name.
 * @param config     configuration id in a sweep, {@code -} in a bench.
 * @param model      model as given.
 * @param perception map or lidar.
 * @param robot      the plant.
 * @param seed       replicate index.
 */
public record EpisodeKey(String world, String planner, String config, String model, String perception, String robot, int seed) {

    /** @return "planner / model / perception / robot" (planner#config in a sweep), what the summary groups by. */
    public String combination() {
        return (config.equals("-") ? planner : planner + "#" + config) + " / " + model + " / " + perception + " / " + robot;
    }
}
