package org.foresight.mpc.loop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.sim.Outcome;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.Planner;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closed loop: MPPI through the unicycle drives the true (noisy) Jackal through an easy BARN world. */
class EpisodeRunnerTest {

    @Test
    void reachesTheGoalInAnEasyBarnWorldAndWritesTheRun(@TempDir Path dir) throws Exception {
        World world = WorldLoader.loadBarn(0);
        MppiConfig cfg = MppiConfig.defaults().withSamples(600).withHorizon(40).withThreads(2).withSeed(1);
        EpisodeSummary s;
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()));
             RunLogWriter log = RunLogWriter.create(dir, world, EpisodeConfig.defaults(1).footprint(), Map.of("test", true))) {
            s = new EpisodeRunner(world, p, EpisodeConfig.defaults(1).withRecordRollouts(4)).run(log);
        }
        EpisodeSummary done = s;
        String json = Files.readString(dir.resolve("result.json"));
        assertAll(
                () -> assertEquals(Outcome.SUCCESS, done.result().outcome()),
                () -> assertTrue(done.result().score() > 0.4, "score " + done.result().score()),
                () -> assertEquals(0, done.stopCycles()),
                () -> assertTrue(json.contains("\"outcome\"") && json.contains("\"success\"")),
                () -> assertTrue(json.contains("\"plan_ms_p99\"") && json.contains("\"time_s\"") && json.contains("\"ot_s\"")
                        && json.contains("\"score\"") && json.contains("\"path_m\"") && json.contains("\"plan_ms_p50\"")),
                () -> assertTrue(Files.size(dir.resolve("rollouts.bin")) > 0));
    }

    @Test
    void warmUpCyclesLeaveTheEpisodeUnchanged() {
        World world = WorldLoader.loadBarn(0);
        MppiConfig cfg = MppiConfig.defaults().withSamples(256).withHorizon(30).withThreads(2).withSeed(4);
        int[] warmUps = {0, 7};
        EpisodeSummary[] s = new EpisodeSummary[warmUps.length];
        int[] calls = new int[warmUps.length];
        for (int i = 0; i < warmUps.length; i++) {
            try (MppiPlanner mppi = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
                int slot = i;
                Planner counted = new Planner() {
                    @Override
                    public String name() {
                        return mppi.name();
                    }

                    @Override
                    public void reset() {
                        mppi.reset();
                    }

                    @Override
                    public void plan(PlanRequest request, Plan out) {
                        calls[slot]++;
                        mppi.plan(request, out);
                    }
                };
                s[i] = new EpisodeRunner(world, counted, EpisodeConfig.defaults(2).withWarmupCycles(warmUps[i])
                        .withLatency(Latency.fixed(20))).run(null);
            }
        }
        assertAll(
                () -> assertEquals(s[0].result(), s[1].result(), "same outcome, times and path to the bit"),
                () -> assertEquals(s[0].planMs().length, s[1].planMs().length, "same number of cycles"),
                () -> assertEquals(s[1].planMs().length + 7, calls[1], "the warm-up planned 7 extra times"),
                () -> assertEquals(s[0].planMs().length, calls[0]));
    }
}
