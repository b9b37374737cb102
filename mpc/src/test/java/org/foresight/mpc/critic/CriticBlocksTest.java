package org.foresight.mpc.critic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.junit.jupiter.api.Test;

/**
 * Critics over a batch of several blocks (the last one partial): scoring any sample range through
 * {@link CriticSet} must give, for every sample, the critic's formula evaluated on that sample's own
 * entries (found through {@link RolloutBuffers#index}), however the range cuts the blocks.
 */
class CriticBlocksTest {
    private static final int K = 150; // blocks of 64, 64 and 22 samples
    private static final int T = 9;
    private static final double DT = 0.05;

    @Test
    void multiBlockRangesScoreEachSampleByItsOwnEntries() {
        RolloutBuffers b = new RolloutBuffers();
        b.ensure(K, T);
        SplittableRandom r = new SplittableRandom(11);
        for (int k = 0; k < K; k++) {
            for (int t = 0; t < T; t++) {
                int i = b.index(k, t);
                b.x[i] = 4 * r.nextDouble() - 2;
                b.y[i] = 4 * r.nextDouble() - 2;
                b.v[i] = 3 * r.nextDouble() - 1;
                b.cmdV[i] = 3 * r.nextDouble() - 1;
                b.cmdOmega[i] = 2 * r.nextDouble() - 1;
            }
        }
        CriticContext c = new CriticContext();
        c.dt = DT;
        c.previousCmdV = 0.3;
        c.previousCmdOmega = -0.2;
        c.goalX = 0.5;
        c.goalY = -0.25;
        c.startX = 0;
        c.startY = 0;
        CriticSet set = new CriticSet(java.util.List.of(new GoalCritic(2.0, 10.0), new ControlEffortCritic(0.5, 0.25),
                new ControlRateCritic(0.01, 0.02), new PreferForwardCritic(3.0), new SpeedCritic(4.0, 1.5)));
        set.prepare(c);
        int[][] ranges = {{0, K}, {10, 140}, {63, 65}, {128, 150}, {5, 6}};
        for (int[] range : ranges) {
            double[] costs = new double[K];
            set.score(c, b, range[0], range[1], costs);
            for (int k = 0; k < K; k++) {
                double want = range[0] <= k && k < range[1] ? expected(b, c, k) : 0.0;
                assertEquals(want, costs[k], 1e-9 * (1 + Math.abs(want)), "sample " + k + " of range " + range[0] + ".."
                        + range[1]);
            }
        }
    }

    /** The five critics' formulas (see their class comments) for sample k, written out directly. */
    private static double expected(RolloutBuffers b, CriticContext c, int k) {
        double goal = 0;
        double effort = 0;
        double rate = 0;
        double reverse = 0;
        double slow = 0;
        double pv = c.previousCmdV;
        double pw = c.previousCmdOmega;
        for (int t = 0; t < T; t++) {
            int i = b.index(k, t);
            goal += Math.hypot(b.x[i] - c.goalX, b.y[i] - c.goalY);
            effort += 0.5 * b.cmdV[i] * b.cmdV[i] + 0.25 * b.cmdOmega[i] * b.cmdOmega[i];
            double dv = (b.cmdV[i] - pv) / DT;
            double dw = (b.cmdOmega[i] - pw) / DT;
            rate += 0.01 * dv * dv + 0.02 * dw * dw;
            pv = b.cmdV[i];
            pw = b.cmdOmega[i];
            reverse += Math.max(0, -b.v[i]);
            slow += Math.pow(Math.max(0, 1.5 - b.v[i]), 2);
        }
        return (2.0 * goal + effort + rate + 3.0 * reverse + 4.0 * slow) / T;
    }
}
