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
                () -> assertEquals("lidar+scanmatch", s.sensing()),
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
    void aMapThatClosesUpStopsTheRobotAndTheRunCompletes() {
        // A ring of resting discs around the start: the static map has a way to the goal, what the robot sees
        // does not.
        World w0 = WorldLoader.loadBarn(0);
        List<org.foresight.dynamics.world.MovingObstacle> row = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            double a = 2 * Math.PI * i / 36;
            row.add(new org.foresight.dynamics.world.MovingObstacle(w0.start().x() + 1.3 * Math.cos(a),
                    w0.start().y() + 1.3 * Math.sin(a), 0, 0, 0.2, w0.fieldBounds()));
        }
        World w = w0.withMovingObstacles(row);
        MppiConfig cfg = MppiConfig.defaults().withSamples(400).withHorizon(40).withThreads(2).withSeed(1);
        EpisodeConfig ec = EpisodeConfig.defaults(1).withSensing(Sensing.barn()).withLatency(Latency.fixed(20))
                .withWarmupCycles(0);
        // A 360° lidar, so that the whole ring is seen from the start.
        ec = ec.withSim(ec.sim().withTimeout(8).withLidar(new org.foresight.dynamics.world.LidarConfig(1440, 2 * Math.PI,
                30, 0.01)));
        List<CycleRecord> rec = new ArrayList<>();
        EpisodeSummary s;
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            s = new EpisodeRunner(w, p, ec).onCycle(rec::add).run(null);
        }
        EpisodeSummary done = s;
        assertAll(
                () -> assertEquals(Outcome.TIMEOUT, done.result().outcome(), "it waits instead of driving into the row"),
                () -> assertTrue(rec.stream().anyMatch(r -> r.status().equals("stop:no-path-to-goal")),
                        "the log says why it stopped"),
                () -> assertEquals("stop:no-path-to-goal", done.lastStatus()));
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
