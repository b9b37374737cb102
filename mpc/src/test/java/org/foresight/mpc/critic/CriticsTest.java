package org.foresight.mpc.critic;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.DistanceGrid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each critic on a small synthetic batch (K = 3 samples × T = 4 steps) against a cost computed by hand
 * in the comments (Nav2's critics_tests style). Costs are pre-filled with 1.0 to check critics add.
 */
class CriticsTest {
    private static final double EPS = 1e-9;
    private static final int K = 3;
    private static final int T = 4;
    private RolloutBuffers b;
    private CriticContext c;
    private double[] costs;

    @BeforeEach
    void setUp() {
        b = new RolloutBuffers();
        b.ensure(K, T);
        c = new CriticContext();
        c.dt = 0.1;
        costs = new double[K];
        Arrays.fill(costs, 1.0);
        // Sample k moves along +x at speed (k+1) m/s: x_t = (k+1)·0.1·(t+1), y = 0, θ = 0.
        for (int k = 0; k < K; k++) {
            for (int t = 0; t < T; t++) {
                int i = b.index(k, t);
                b.x[i] = (k + 1) * 0.1 * (t + 1);
                b.y[i] = 0;
                b.theta[i] = 0;
                b.v[i] = k + 1;
                b.omega[i] = 0;
                b.cmdV[i] = k + 1;
                b.cmdOmega[i] = 0.5 * t;
            }
        }
    }

    /** A field d(x, y) = a·x + b·y + c0 is reproduced exactly by bilinear interpolation. */
    private static DistanceGrid plane(double a, double bb, double c0) {
        int sx = 60;
        int sy = 60;
        double res = 0.1;
        double ox = -3;
        double oy = -3;
        double[] v = new double[sx * sy];
        for (int ix = 0; ix < sx; ix++) {
            for (int iy = 0; iy < sy; iy++) {
                v[ix * sy + iy] = a * (ox + (ix + 0.5) * res) + bb * (oy + (iy + 0.5) * res) + c0;
            }
        }
        return new DistanceGrid(v, sx, sy, res, ox, oy);
    }

    @Test
    void goalCriticAddsMeanDistanceWhenActive() {
        c.startX = 0;
        c.startY = 0;
        c.goalX = 1.0;
        c.goalY = 0;
        GoalCritic g = new GoalCritic(2.0, 5.0);
        g.prepare(c);
        g.score(c, b, 0, K, costs);
        // sample 0: x = .1 .2 .3 .4 → distances .9 .8 .7 .6, mean .75, ×2 = 1.5 (+1 prefill)
        // sample 2: x = .3 .6 .9 1.2 → .7 .4 .1 .2, mean .35, ×2 = 0.7
        assertAll(() -> assertEquals(2.5, costs[0], EPS), () -> assertEquals(1.7, costs[2], EPS));
        // Far from the goal it is silent.
        c.goalX = 100;
        double[] fresh = new double[K];
        g.prepare(c);
        g.score(c, b, 0, K, fresh);
        assertEquals(0.0, fresh[1], 0.0);
    }

    @Test
    void obstacleCriticChargesProximityAndFlagsCollision() {
        // Wall: d = 1.0 − x (obstacle beyond x = 1). One circle at the origin, radius 0.1, margin 0.5.
        c.obstacles = plane(-1.0, 0.0, 1.0);
        c.startX = 0;
        c.startY = 0;
        c.startTheta = 0;
        ObstacleCritic o = new ObstacleCritic(100.0, 2.0, 0.5, new double[] {0.0}, 0.1, 0.0);
        o.prepare(c);
        o.score(c, b, 0, K, costs);
        // sample 0: clearance 0.9 − x = .8 .7 .6 .5 → all ≥ margin → 0.
        // sample 1: x = .2 .4 .6 .8 → clearance .7 .5 .3 .1 → terms 0, 0, (.2/.5)² = .16, (.4/.5)² = .64
        //           → 2·(.8)/4 = 0.4.
        // sample 2: x = .3 .6 .9 → clearance .6 .3 0.0 → proximity (.2/.5)² = .16 at t = 1 → 2·.16/4 = .08,
        //           then collision at t = 2 → +100, flagged, t = 3 skipped.
        assertAll(
                () -> assertEquals(1.0, costs[0], EPS),
                () -> assertEquals(1.4, costs[1], EPS),
                () -> assertEquals(101.08, costs[2], EPS),
                () -> assertEquals(0, b.collided[1]),
                () -> assertEquals(1, b.collided[2]));
    }

    @Test
    void obstacleCollisionPadCountsNearMissesAsCollisions() {
        // Wall d = 1 − x, circle radius 0.1: sample 1 reaches clearance 0.1 at t = 3 (x = 0.8).
        c.obstacles = plane(-1.0, 0.0, 1.0);
        ObstacleCritic o = new ObstacleCritic(100.0, 0.0, 0.5, new double[] {0.0}, 0.1, 0.15);
        o.prepare(c);
        double[] fresh = new double[K];
        o.score(c, b, 0, K, fresh);
        assertAll(() -> assertEquals(100.0, fresh[1], EPS), () -> assertEquals(0.0, fresh[0], EPS));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ObstacleCritic(1, 1, 0.2, new double[] {0}, 0.1, 0.3));
    }

    @Test
    void obstacleCircleOffsetsFollowTheHeading() {
        // Wall beyond y = 1 (d = 1 − y); a circle 0.5 m ahead of a robot facing +y at y = 0.3 sits at y = 0.8.
        c.obstacles = plane(0.0, -1.0, 1.0);
        c.startTheta = Math.PI / 2;
        RolloutBuffers one = new RolloutBuffers();
        one.ensure(1, 1);
        one.x[0] = 0;
        one.y[0] = 0.3;
        one.theta[0] = Math.PI / 2;
        ObstacleCritic o = new ObstacleCritic(100.0, 1.0, 0.5, new double[] {0.5}, 0.1, 0.0);
        o.prepare(c);
        double[] cost = new double[1];
        o.score(c, one, 0, 1, cost);
        // clearance = (1 − 0.8) − 0.1 = 0.1 → ((0.5 − 0.1)/0.5)² = 0.64, T = 1.
        assertEquals(0.64, cost[0], 1e-6);
    }

    @Test
    void pathFollowChargesCostToGoAtTheLastPose() {
        c.guide = new GuidePath(new double[] {0, 0, 2, 0});
        new PathFollowCritic(1.5).score(c, b, 0, K, costs);
        // last x: .4, .8, 1.2 on the path → remaining 1.6, 1.2, 0.8 → ×1.5 = 2.4, 1.8, 1.2. The field is
        // sampled at cell centres, so on the path itself the lateral kink reads up to half a cell high.
        double tol = 1.5 * GuidePath.FIELD_RESOLUTION / 2 + 1e-9;
        assertAll(
                () -> assertEquals(3.4, costs[0], tol),
                () -> assertEquals(2.8, costs[1], tol),
                () -> assertEquals(2.2, costs[2], tol),
                () -> assertEquals(0.6, costs[0] - costs[1], 1e-6));
    }

    @Test
    void pathAlignChargesMeanLateralOffset() {
        // Path along y = 0.3: every pose is 0.3 m off; stride 1 → mean 0.3; weight 2 → 0.6.
        c.guide = new GuidePath(new double[] {-1, 0.3, 3, 0.3});
        new PathAlignCritic(2.0, 1.0, 1).score(c, b, 0, K, costs);
        assertEquals(1.6, costs[0], 1e-6);
        // Saturation: cap 0.2 → mean 0.2, ×2 = 0.4.
        double[] fresh = new double[K];
        new PathAlignCritic(2.0, 0.2, 1).score(c, b, 0, K, fresh);
        assertEquals(0.4, fresh[1], 1e-9);
    }

    @Test
    void controlEffortIsMeanSquaredCommand() {
        new ControlEffortCritic(0.5, 2.0).score(c, b, 0, K, costs);
        // sample 1: v = 2 → mean v² = 4 → 0.5·4 = 2; ω = 0, .5, 1, 1.5 → mean ω² = (0+.25+1+2.25)/4 = .875 → 1.75.
        assertEquals(1 + 2 + 1.75, costs[1], EPS);
    }

    @Test
    void controlRateStartsFromThePreviousCommand() {
        c.previousCmdV = 1.0;
        c.previousCmdOmega = 0.0;
        new ControlRateCritic(0.01, 0.04).score(c, b, 0, K, costs);
        // sample 2: Δv = 2 then 0,0,0 → Σ(Δv/dt)² = 400 → 0.01·400/4 = 1;
        // Δω = 0, .5, .5, .5 → Σ(Δω/dt)² = 3·25 = 75 → 0.04·75/4 = 0.75.
        assertEquals(1 + 1 + 0.75, costs[2], EPS);
    }

    @Test
    void preferForwardChargesOnlyReverse() {
        b.v[b.index(0, 0)] = -0.4;
        b.v[b.index(0, 1)] = -0.4;
        new PreferForwardCritic(10.0).score(c, b, 0, K, costs);
        // sample 0: v = −.4 −.4 1 1 → Σ max(0, −v) = .8 → 10·.8/4 = 2.
        assertAll(() -> assertEquals(3.0, costs[0], EPS), () -> assertEquals(1.0, costs[1], EPS));
    }

    @Test
    void speedChargesShortfallOnly() {
        new SpeedCritic(4.0, 2.0).score(c, b, 0, K, costs);
        // sample 0: v = 1 → (2 − 1)² = 1 → 4; sample 1: v = 2 → 0; sample 2: v = 3 → 0 (faster is free).
        assertAll(
                () -> assertEquals(5.0, costs[0], EPS),
                () -> assertEquals(1.0, costs[1], EPS),
                () -> assertEquals(1.0, costs[2], EPS));
    }

    @Test
    void criticSetBuildsByNameAndRejectsUnknown() {
        CriticSet set = CriticSet.defaults(CriticParams.defaults());
        assertEquals(CriticParams.DEFAULT_CRITICS, set.names());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CriticSet.create("twirl", CriticParams.defaults()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("twirl"));
    }

    @Test
    void fastTrigMatchesMath() {
        double worst = 0;
        for (int i = 0; i <= 20000; i++) {
            double a = -Math.PI + 2 * Math.PI * i / 20000;
            worst = Math.max(worst, Math.abs(FastTrig.cos(a) - Math.cos(a)));
            worst = Math.max(worst, Math.abs(FastTrig.sin(a) - Math.sin(a)));
        }
        org.junit.jupiter.api.Assertions.assertTrue(worst < 5e-7, "max error " + worst);
    }
}
