package org.foresight.mpc.critic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foresight.dynamics.model.Simd;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernels of the per-step critics ({@link CriticLanes}) against each critic's formula summed per
 * sample in the scalar order (costs pre-filled with random values, then t ascending): bit for bit, for full
 * blocks, partial blocks and ranges shorter than one lane group.
 */
class CriticLanesTest {
    private static final int K = 150; // blocks of 64, 64 and 22 samples
    private static final int T = 56;
    private static final double DT = 0.05;

    @Test
    void lanesRunInTheseTests() {
        assertTrue(Simd.ENABLED, "the tests run with jdk.incubator.vector, so the lane kernels are what they check");
    }

    @Test
    void perStepCriticsAreBitIdenticalToTheScalarSum() {
        RolloutBuffers b = new RolloutBuffers();
        b.ensure(K, T);
        SplittableRandom r = new SplittableRandom(21);
        for (int k = 0; k < K; k++) {
            for (int t = 0; t < T; t++) {
                int i = b.index(k, t);
                b.v[i] = 3 * r.nextDouble() - 1;
                b.cmdV[i] = 3 * r.nextDouble() - 1;
                b.cmdOmega[i] = 8 * r.nextDouble() - 4;
            }
        }
        CriticContext c = new CriticContext();
        c.dt = DT;
        c.previousCmdV = 0.3;
        c.previousCmdOmega = -0.2;
        Critic[] critics = {new SpeedCritic(1.0, 1.6), new PreferForwardCritic(5.0), new ControlEffortCritic(0.1, 0.02),
            new ControlRateCritic(0.0002, 0.0005)};
        int[][] ranges = {{0, 64}, {64, 128}, {128, 150}, {3, 40}, {70, 75}, {149, 150}};
        for (Critic critic : critics) {
            for (int[] range : ranges) {
                double[] costs = new double[K];
                for (int k = 0; k < K; k++) {
                    costs[k] = 10 * r.nextDouble();
                }
                double[] want = costs.clone();
                critic.score(c, b, range[0], range[1], costs);
                for (int k = range[0]; k < range[1]; k++) {
                    want[k] = reference(critic, b, c, k, want[k]);
                }
                for (int k = 0; k < K; k++) {
                    assertEquals(Double.doubleToRawLongBits(want[k]), Double.doubleToRawLongBits(costs[k]),
                            critic.name() + " sample " + k + " of range " + range[0] + ".." + range[1]);
                }
            }
        }
    }

    /** One sample's sum, t ascending, with each critic's scalar expression (see the critics' sources). */
    private static double reference(Critic critic, RolloutBuffers b, CriticContext c, int k, double cost) {
        double acc = cost;
        for (int t = 0; t < T; t++) {
            int i = b.index(k, t);
            if (critic instanceof SpeedCritic) {
                double w = 1.0 / T;
                double d = 1.6 - b.v[i];
                double e = 0.5 * (d + Math.abs(d));
                acc += w * e * e;
            } else if (critic instanceof PreferForwardCritic) {
                double halfW = 0.5 * 5.0 / T;
                acc += halfW * (Math.abs(b.v[i]) - b.v[i]);
            } else if (critic instanceof ControlEffortCritic) {
                double wv = 0.1 / T;
                double ww = 0.02 / T;
                acc += wv * b.cmdV[i] * b.cmdV[i] + ww * b.cmdOmega[i] * b.cmdOmega[i];
            } else {
                double inv2 = 1.0 / (DT * DT);
                double wv = 0.0002 * inv2 / T;
                double ww = 0.0005 * inv2 / T;
                double pu = t == 0 ? c.previousCmdV : b.cmdV[b.index(k, t - 1)];
                double pw = t == 0 ? c.previousCmdOmega : b.cmdOmega[b.index(k, t - 1)];
                double du = b.cmdV[i] - pu;
                double dw = b.cmdOmega[i] - pw;
                acc += wv * du * du + ww * dw * dw;
            }
        }
        return acc;
    }
}
