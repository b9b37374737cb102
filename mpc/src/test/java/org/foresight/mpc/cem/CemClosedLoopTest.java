package org.foresight.mpc.cem;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.sim.Outcome;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.loop.EpisodeRunner;
import org.foresight.mpc.loop.EpisodeSummary;
import org.foresight.mpc.loop.Latency;
import org.junit.jupiter.api.Test;

/** Closed loop: CEM through the unicycle drives the true (noisy) Jackal through an easy BARN world. */
class CemClosedLoopTest {

    @Test
    void reachesTheGoalOfAnEasyBarnWorld() {
        World world = WorldLoader.loadBarn(0);
        // A small population keeps the test fast: 3 × 160 rollouts of 40 steps per cycle.
        CemConfig cfg = CemConfig.defaults().withPopulation(160, 16).withIterations(3).withHorizon(40).withThreads(2)
                .withSeed(1);
        EpisodeSummary s;
        try (CemPlanner p = new CemPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            s = new EpisodeRunner(world, p, EpisodeConfig.defaults(1).withLatency(Latency.fixed(20)).withWarmupCycles(2))
                    .run(null);
        }
        EpisodeSummary done = s;
        assertAll(
                () -> assertEquals(Outcome.SUCCESS, done.result().outcome()),
                () -> assertTrue(done.result().score() > 0.4, "score " + done.result().score()),
                () -> assertEquals(0, done.stopCycles(), "no stop commands"),
                () -> assertEquals(0, done.overrunCycles(), "20 ms of charged latency fits the 50 ms period"));
    }
}
