package org.foresight.mpc.critic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.junit.jupiter.api.Test;

/** The goal critic's terminal mode ({@code lastStepOnly}) against a direct sum over random batches. */
class GoalCriticTest {
    @Test
    void lastStepOnlyChargesTheFinalDistanceAlone() {
        Random r = new Random(5);
        int k = 150;
        int t = 7;
        RolloutBuffers b = new RolloutBuffers();
        b.ensure(k, t);
        for (int i = 0; i < b.x.length; i++) {
            b.x[i] = 4 * r.nextDouble() - 2;
            b.y[i] = 4 * r.nextDouble() - 2;
        }
        CriticContext c = new CriticContext();
        c.goalX = 0.5;
        c.goalY = -0.25;
        GoalCritic g = new GoalCritic(3.0, 10.0, true);
        g.prepare(c);
        double[] costs = new double[k];
        java.util.Arrays.fill(costs, 1.0);
        CriticSet set = new CriticSet(java.util.List.of(g));
        set.score(c, b, 0, k, costs);
        for (int s = 0; s < k; s++) {
            int i = b.index(s, t - 1);
            double want = 1.0 + 3.0 * Math.hypot(b.x[i] - 0.5, b.y[i] + 0.25);
            assertEquals(want, costs[s], 1e-12, "sample " + s);
        }
    }
}
