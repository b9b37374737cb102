package org.foresight.mpc.ilqr;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.sim.Outcome;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.loop.EpisodeRunner;
import org.foresight.mpc.loop.EpisodeSummary;
import org.foresight.mpc.loop.Latency;
import org.junit.jupiter.api.Test;

/** Closed loop: iLQR through the unicycle drives the true (noisy) Jackal through an easy BARN world. */
class IlqrClosedLoopTest {

    @Test
    void reachesTheGoalOfBarnWorldZero() {
        World world = WorldLoader.loadBarn(0);
        EpisodeSummary s;
        try (IlqrPlanner p = new IlqrPlanner(new Unicycle(), IlqrConfig.defaults())) {
            s = new EpisodeRunner(world, p, EpisodeConfig.defaults(1).withLatency(Latency.fixed(20)).withWarmupCycles(2))
                    .run(null);
        }
        EpisodeSummary done = s;
        System.out.println("iLQR BARN 0: " + done.result().outcome() + ", score " + done.result().score()
                + ", cycles " + done.cycles() + ", stops " + done.stopCycles() + ", plan p50 "
                + done.planMsQuantile(0.5) + " ms, p99 " + done.planMsQuantile(0.99) + " ms");
        assertAll(
                () -> assertEquals(Outcome.SUCCESS, done.result().outcome()),
                () -> assertEquals(0, done.overrunCycles(), "20 ms of charged latency fits the 50 ms period"));
    }
}
