package org.foresight.mpc.loop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.sim.Outcome;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.junit.jupiter.api.Test;

/** The BARN condition: the planner sees a lidar-built map in its odometry frame, never the world. */
class BarnProtocolTest {
    private static EpisodeSummary run(World w, long seed, int threads, List<CycleRecord> out) {
        MppiConfig cfg = MppiConfig.defaults().withSamples(400).withHorizon(40).withThreads(threads).withSeed(seed);
        EpisodeConfig ec = EpisodeConfig.defaults(seed).withSensing(Sensing.barn()).withLatency(Latency.fixed(20))
                .withWarmupCycles(2);
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            EpisodeRunner r = new EpisodeRunner(w, p, ec);
            if (out != null) {
                r.onCycle(out::add);
            }
            return r.run(null);
        }
    }

    @Test
    void lidarAndOdometryReachTheGoalOfAnEasyWorld() {
        EpisodeSummary s = run(WorldLoader.loadBarn(0), 3, 2, null);
        assertAll(
                () -> assertEquals(Outcome.SUCCESS, s.result().outcome()),
                () -> assertEquals("lidar+odometry", s.sensing()),
                () -> assertTrue(s.perceptionMsQuantile(0.5) > 0, "the map was updated every cycle"));
    }

    @Test
    void sameSeedAndFixedLatencyGiveTheSameEpisodeWhateverTheThreadCount() {
        List<CycleRecord> a = new ArrayList<>();
        List<CycleRecord> b = new ArrayList<>();
        EpisodeSummary sa = run(WorldLoader.loadBarn(120), 7, 1, a);
        EpisodeSummary sb = run(WorldLoader.loadBarn(120), 7, 2, b);
        assertEquals(sa.result(), sb.result());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(i).state(), b.get(i).state(), "cycle " + i);
        }
    }

    @Test
    void sensorsTheSensingNeedsAreRequired() {
        EpisodeConfig plain = EpisodeConfig.defaults(1);
        assertThrows(IllegalArgumentException.class, () -> new EpisodeConfig(plain.sim(), plain.footprint(), 0, 1, 0.1, 3,
                0, plain.plant(), plain.latency(), Sensing.barn()));
        EpisodeConfig barn = plain.withSensing(Sensing.barn());
        assertTrue(barn.sim().lidar() != null && barn.sim().odometry() != null, "withSensing adds the sensors");
    }
}
