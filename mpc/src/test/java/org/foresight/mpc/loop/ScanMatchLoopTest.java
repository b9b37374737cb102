package org.foresight.mpc.loop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.dynamics.sim.OdometryConfig;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.perception.LidarMapConfig;
import org.junit.jupiter.api.Test;

/** {@code --localization scanmatch} in the closed loop: the estimate the planner sees stays near the truth. */
class ScanMatchLoopTest {
    /** A gyro bias twenty times the Jackal's, so plain odometry drifts visibly within one short episode. */
    private static final OdometryConfig BAD_GYRO = new OdometryConfig(0.01, 0.002, 0.002, 0.04, 0.0005);

    /** @return the largest heading error [rad] of the estimate over the episode, and its largest position error [m]. */
    private static double[] worstError(Sensing.Localization loc, List<CycleRecord> rec, EpisodeSummary[] out) {
        MppiConfig cfg = MppiConfig.defaults().withSamples(400).withHorizon(40).withThreads(1).withSeed(5);
        EpisodeConfig ec = EpisodeConfig.defaults(5)
                .withSensing(new Sensing(Sensing.Perception.LIDAR, loc, LidarMapConfig.DEFAULT_RESOLUTION))
                .withLatency(Latency.fixed(20)).withWarmupCycles(0);
        ec = ec.withSim(ec.sim().withOdometry(BAD_GYRO));
        try (MppiPlanner p = new MppiPlanner(new Unicycle(), cfg, CriticSet.defaults(CriticParams.defaults()))) {
            out[0] = new EpisodeRunner(WorldLoader.loadBarn(0), p, ec).onCycle(rec::add).run(null);
        }
        double th = 0;
        double pos = 0;
        for (CycleRecord r : rec) {
            double[] t = r.state();
            double[] e = r.estimate();
            th = Math.max(th, Math.abs(Angles.wrap(e[StateIndex.THETA] - t[StateIndex.THETA])));
            pos = Math.max(pos, Math.hypot(e[StateIndex.X] - t[StateIndex.X], e[StateIndex.Y] - t[StateIndex.Y]));
        }
        return new double[] {th, pos};
    }

    @Test
    void scanMatchingKeepsTheEstimateNearTheTruthWhereOdometryDrifts() {
        EpisodeSummary[] so = new EpisodeSummary[1];
        EpisodeSummary[] sm = new EpisodeSummary[1];
        double[] odo = worstError(Sensing.Localization.ODOMETRY, new ArrayList<>(), so);
        double[] matched = worstError(Sensing.Localization.SCANMATCH, new ArrayList<>(), sm);
        assertAll("odometry " + odo[0] + " rad " + odo[1] + " m; scanmatch " + matched[0] + " rad " + matched[1] + " m",
                () -> assertEquals("lidar+scanmatch", sm[0].sensing()),
                () -> assertTrue(odo[0] > 0.05, "plain odometry drifts by more than 0.05 rad"),
                () -> assertTrue(matched[0] < 0.02, "scan matching holds the heading within 0.02 rad (the dead band seen from 1-3 m)"),
                () -> assertTrue(matched[1] < 0.06, "and the position within about a 5 cm map cell"),
                () -> assertTrue(sm[0].perceptionMsQuantile(0.5) > 0, "the match is timed as perception"));
    }

    @Test
    void scanMatchingNeedsTheLidarMap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sensing(
                Sensing.Perception.MAP, Sensing.Localization.SCANMATCH, LidarMapConfig.DEFAULT_RESOLUTION));
        assertTrue(e.getMessage().contains("lidar"), e.getMessage());
    }
}
