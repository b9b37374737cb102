package org.foresight.worldmodel.testutil;

import java.util.ArrayList;
import java.util.List;

import org.foresight.dynamics.model.JackalParams;
import org.foresight.worldmodel.collect.DataCollector;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.LogLoader;

/** Test data: episodes of the true Jackal from the project's own data collector (in memory, no files). */
public final class JackalData {
    private JackalData() {
    }

    /**
     * @param episodes number of episodes.
     * @param seconds  duration of each [s].
     * @param seed     seed.
     * @param robot    hidden parameters.
     * @return the episodes at 50 ms.
     */
    public static List<Episode> episodes(int episodes, double seconds, long seed, JackalParams robot) {
        DataCollector.Plan plan = new DataCollector.Plan(episodes, seconds, seed, robot, 0.05, 0.005);
        List<Episode> out = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            out.add(LogLoader.toEpisode(DataCollector.episode(plan, e), "episode_" + e, null));
        }
        return out;
    }
}
