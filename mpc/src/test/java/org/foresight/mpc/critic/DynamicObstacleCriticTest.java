package org.foresight.mpc.critic;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.perception.MovingDiscs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dynamic-obstacle critic on a small synthetic batch (K = 3 samples × T = 4 steps, dt = 0.1 s) against costs
 * computed by hand in the comments. One footprint circle at the origin, radius 0.1 m; costs pre-filled with 1.
 */
class DynamicObstacleCriticTest {
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
        c.horizon = T;
        costs = new double[K];
        Arrays.fill(costs, 1.0);
        // sample k stands still at (0, k) m: x = 0, y = k, θ = 0 at every step
        for (int k = 0; k < K; k++) {
            for (int t = 0; t < T; t++) {
                int i = b.index(k, t);
                b.x[i] = 0;
                b.y[i] = k;
                b.theta[i] = 0;
            }
        }
    }

    private static DynamicObstacleCritic critic(double growth, double maxSpeed) {
        // weight 4, collision cost 40, margin 0.5 m
        return new DynamicObstacleCritic(new DynamicObstacleParams(4.0, 40.0, 0.5, growth, maxSpeed, 2.0),
                new double[] {0.0}, 0.1);
    }

    @Test
    void chargesEachStepAgainstTheConstantVelocityPrediction() {
        // a disc r = 0.2 m at (1, 0) moving at −2 m/s along x: at step t (τ = 0.1(t+1)) its centre is at
        // x = 1 − 0.2(t+1) = 0.8, 0.6, 0.4, 0.2; R = 0.2 + 0.1 = 0.3, so sample 0 (at the origin) sees clearances
        // d = 0.5, 0.3, 0.1, −0.1: step 0 nothing (d = margin), step 1 (4/4)·(0.2/0.5)² = 0.16,
        // step 2 (4/4)·(0.4/0.5)² = 0.64, step 3 overlap 40/4 = 10 → 1 + 10.8.
        // Sample 1 at (0, 1): distances √(0.64+1) − 0.3 … all > 0.5 except the last, √(0.04+1) − 0.3 = 0.7198 → 0.
        MovingDiscs d = new MovingDiscs();
        d.add(1.0, 0.0, -2.0, 0.0, 0.2);
        c.movers = d;
        DynamicObstacleCritic k = critic(0.0, 5.0);
        k.prepare(c);
        k.score(c, b, 0, K, costs);
        assertAll(() -> assertEquals(11.8, costs[0], EPS), () -> assertEquals(1.0, costs[1], EPS),
                () -> assertEquals(1.0, costs[2], EPS), () -> assertEquals(0, b.collided[0], "a cost, not a flag"));
    }

    @Test
    void aDiscWithItsTrueFutureIsPlacedWhereTheTableSaysWithoutGrowth() {
        // the same disc as above (r = 0.2 at (1, 0)) but reported at rest, with a future table that walks it to the
        // origin at −2 m/s: step t at x = 0.8, 0.6, 0.4, 0.2 as in the constant-velocity case → 1 + 10.8 for sample 0,
        // although its velocity says it stays put; the growth (1 m/s here) is not applied to a true future.
        MovingDiscs d = new MovingDiscs();
        d.add(1.0, 0.0, 0.0, 0.0, 0.2);
        d.startFuture(T, 0.1);
        for (int t = 0; t < T; t++) {
            d.setFuture(0, t, 1.0 - 0.2 * (t + 1), 0.0);
        }
        c.movers = d;
        DynamicObstacleCritic k = critic(1.0, 5.0);
        k.prepare(c);
        k.score(c, b, 0, K, costs);
        assertAll(() -> assertEquals(11.8, costs[0], EPS), () -> assertEquals(1.0, costs[1], EPS));
        // the same disc without its table: at rest at 1 m, growth 1 m/s → R = 0.3 + τ, d = 0.6, 0.5, 0.4, 0.3
        // → e = 0, 0, 0.2, 0.4 → 1 + 0.04 + 0.16
        d.clear();
        d.add(1.0, 0.0, 0.0, 0.0, 0.2);
        Arrays.fill(costs, 1.0);
        k.prepare(c);
        k.score(c, b, 0, 1, costs);
        assertEquals(1.2, costs[0], EPS);
    }

    @Test
    void aTurningDiscIsChargedAlongItsArcWhenTheTurnIsHeld() {
        // a disc r = 0.2 at (0, 1.0) moving at 2 m/s along +x and turning clockwise at 5 rad/s (radius 0.4 m,
        // centre (0, 0.6)): at τ = 0.1..0.4 its heading has turned 0.5, 1, 1.5, 2 rad and its centre
        // is at (0.4 sin 5τ, 0.6 + 0.4 cos 5τ); sample 0 at the origin: distances 0.970, 0.883, 0.744, 0.566 with
        // R = 0.3 → d = 0.670, 0.583, 0.444, 0.266 → e = 0, 0, 0.111, 0.468 → 1 + 4/4·(0.0124 + 0.2192) = 1.2316.
        // Constant velocity (the default) runs it off along +x, never within the margin of the origin: no cost.
        MovingDiscs d = new MovingDiscs();
        d.add(0.0, 1.0, 2.0, 0.0, 0.2);
        d.setTurnRate(0, -5.0);
        c.movers = d;
        DynamicObstacleCritic straight = critic(0.0, 5.0);
        straight.prepare(c);
        straight.score(c, b, 0, 1, costs);
        assertEquals(1.0, costs[0], EPS);
        DynamicObstacleCritic arc = new DynamicObstacleCritic(new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0,
                0.0, 0.0, 0.0, 2.0, 0.0, 1.0, 5.0, 0.0, 0.0), new double[] {0.0}, 0.1);
        arc.prepare(c);
        arc.score(c, b, 0, 1, costs);
        double expected = 1.0;
        for (int t = 0; t < T; t++) {
            double tau = 0.1 * (t + 1);
            double dist = Math.hypot(0.4 * Math.sin(5 * tau), 0.6 + 0.4 * Math.cos(5 * tau)) - 0.3;
            if (dist < 0.5) {
                double e = (0.5 - dist) / 0.5;
                expected += e * e;
            }
        }
        assertEquals(expected, costs[0], EPS);
        assertEquals(1.2316, expected, 1e-4);
        // the clearance DWA reads follows the same arc
        assertEquals(Math.hypot(0.4 * Math.sin(2.0), 0.6 + 0.4 * Math.cos(2.0)) - 0.3, arc.clearance(d, 0, 0, 0, 0.4),
                EPS);
    }

    @Test
    void radiusGrowsWithPredictionTimeAndSpeedIsClipped() {
        // a still disc r = 0.2 at (0.8, 0): clearance 0.5 at every step without growth → no cost.
        // growth 1 m/s: R = 0.3 + τ → d = 0.4, 0.3, 0.2, 0.1 → e = (0.5 − d)/0.5 = 0.2, 0.4, 0.6, 0.8,
        // Σe² = 0.04 + 0.16 + 0.36 + 0.64 = 1.2, × 4/4 → 1 + 1.2.
        MovingDiscs d = new MovingDiscs();
        d.add(0.8, 0.0, 0.0, 0.0, 0.2);
        c.movers = d;
        DynamicObstacleCritic still = critic(0.0, 5.0);
        still.prepare(c);
        still.score(c, b, 0, 1, costs);
        assertEquals(1.0, costs[0], EPS);
        DynamicObstacleCritic grows = critic(1.0, 5.0);
        grows.prepare(c);
        grows.score(c, b, 0, 1, costs);
        assertEquals(2.2, costs[0], EPS);
        // a disc at (1, 0) reported at −20 m/s but clipped to 2 m/s: the first example's costs (10.8), not a
        // disc 2 m past the robot after one step
        Arrays.fill(costs, 1.0);
        MovingDiscs fast = new MovingDiscs();
        fast.add(1.0, 0.0, -20.0, 0.0, 0.2);
        c.movers = fast;
        DynamicObstacleCritic clipped = critic(0.0, 2.0);
        clipped.prepare(c);
        clipped.score(c, b, 0, 1, costs);
        assertEquals(11.8, costs[0], EPS);
    }

    @Test
    void silentWithoutDiscsOrWhenTheyCannotComeNear() {
        c.movers = MovingDiscs.NONE;
        DynamicObstacleCritic k = critic(0.2, 2.0);
        k.prepare(c);
        k.score(c, b, 0, K, costs);
        MovingDiscs far = new MovingDiscs();
        far.add(30.0, 0.0, 0.0, 0.0, 0.5);
        c.movers = far;
        k.prepare(c);
        k.score(c, b, 0, K, costs);
        assertAll(() -> assertEquals(1.0, costs[0], 0.0), () -> assertEquals(1.0, costs[2], 0.0));
        assertThrows(IllegalStateException.class, () -> MovingDiscs.NONE.add(0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DynamicObstacleParams(1, 1, 0, 0, 1, 1));
    }

    @Test
    void aTracksSigmaWidensItLikeALargerDisc() {
        // A disc with σ = 0.05 m and sigmaScale 2 costs exactly what a disc 0.1 m wider with σ = 0 costs, on every
        // sample; with sigmaScale 0 the σ changes nothing.
        MovingDiscs uncertain = new MovingDiscs();
        uncertain.add(1.0, 0.0, -2.0, 0.0, 0.2, 7, 0.05);
        MovingDiscs wider = new MovingDiscs();
        wider.add(1.0, 0.0, -2.0, 0.0, 0.3, 7, 0.0);
        double[] a = scoreWith(uncertain, new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0, 2.0));
        double[] w = scoreWith(wider, new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0, 2.0));
        double[] plain = scoreWith(uncertain, new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0, 0.0));
        double[] narrow = scoreWith(wider, new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0, 0.0));
        double[] base = scoreWith(uncertain, new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0));
        for (int k = 0; k < K; k++) {
            assertEquals(w[k], a[k], EPS, "sample " + k);
            assertEquals(base[k], plain[k], 0.0, "sample " + k);
        }
        assertEquals(11.8, plain[0], EPS);
        assertTrue(a[0] > plain[0] && narrow[0] == w[0]);
        assertThrows(IllegalArgumentException.class, () -> new DynamicObstacleParams(1, 1, 1, 0, 1, 1, -0.1));
    }

    private double[] scoreWith(MovingDiscs d, DynamicObstacleParams params) {
        c.movers = d;
        DynamicObstacleCritic k = new DynamicObstacleCritic(params, new double[] {0.0}, 0.1);
        double[] out = new double[K];
        Arrays.fill(out, 1.0);
        k.prepare(c);
        k.score(c, b, 0, K, out);
        return out;
    }

    @Test
    void aTracksVelocitySigmaWidensItLikeGrowth() {
        // k·σ_v·τ with k = 2, σ_v = 0.5 m/s widens the disc exactly as a growth of 1 m/s does
        MovingDiscs uncertain = new MovingDiscs();
        uncertain.add(1.0, 0.0, -2.0, 0.0, 0.2, 7, 0.0, 0.5);
        double[] a = scoreWith(uncertain, new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0, 2.0));
        double[] g = scoreWith(uncertain, new DynamicObstacleParams(4.0, 40.0, 0.5, 1.0, 5.0, 2.0, 0.0));
        for (int k = 0; k < K; k++) {
            assertEquals(g[k], a[k], EPS, "sample " + k);
        }
        assertTrue(a[0] > 11.8);
    }

    private static DynamicObstacleCritic withExtras(double lead, double leadCost, double stopCost) {
        // weight 4, collision cost 40, margin 0.5 m, no growth, clip 5 m/s, robot bound 2 m/s, braking at 2 m/s²
        return new DynamicObstacleCritic(new DynamicObstacleParams(4.0, 40.0, 0.5, 0.0, 5.0, 2.0, 0.0, lead, leadCost,
                2.0, stopCost), new double[] {0.0}, 0.1);
    }

    @Test
    void headwayCostsCrossingJustAheadOfADiscButNotBehindIt() {
        // sample 0 stands at the origin. Ahead: a disc r = 0.2 (R = 0.3) at (0, −1.05) coming at +1 m/s along y;
        // at τ = 0.1..0.4 its centre is at y = −0.95, −0.85, −0.75, −0.65: d = 0.65, 0.55, 0.45, 0.35, proximity
        // e = 0, 0, 0.1, 0.3 → 0.01 + 0.09 = 0.1. With lead 0.5 s (5 steps) its capsule reaches y = −0.45, −0.35,
        // −0.25, −0.15: clearance 0.15, 0.05, −0.05, −0.15 → two steps in its path, 2 × 8/4 = 4 → 1 + 4.1.
        MovingDiscs ahead = new MovingDiscs();
        ahead.add(0.0, -1.05, 0.0, 1.0, 0.2);
        c.movers = ahead;
        DynamicObstacleCritic off = withExtras(0.0, 8.0, 0.0);
        off.prepare(c);
        off.score(c, b, 0, 1, costs);
        assertEquals(1.1, costs[0], EPS);
        Arrays.fill(costs, 1.0);
        DynamicObstacleCritic on = withExtras(0.5, 8.0, 0.0);
        on.prepare(c);
        on.score(c, b, 0, 1, costs);
        assertEquals(5.1, costs[0], EPS);
        // behind: the same disc after it has crossed, at (0, 0.35) going away at +1 m/s: d = 0.15, 0.25, 0.35, 0.45,
        // e = 0.7, 0.5, 0.3, 0.1 → 0.84 with or without headway (its capsule leads away from the robot)
        MovingDiscs behind = new MovingDiscs();
        behind.add(0.0, 0.35, 0.0, 1.0, 0.2);
        c.movers = behind;
        Arrays.fill(costs, 1.0);
        on.prepare(c);
        on.score(c, b, 0, 1, costs);
        assertEquals(1.84, costs[0], EPS);
        Arrays.fill(costs, 1.0);
        off.prepare(c);
        off.score(c, b, 0, 1, costs);
        assertEquals(1.84, costs[0], EPS);
    }

    @Test
    void brakingCheckCostsAFastEndStateThatCannotStopShortOfADisc() {
        // a still disc r = 0.2 (R = 0.3) at (0.8, 0): clearance 0.5 = margin from the origin, so the horizon costs
        // nothing. Sample 0 ends at the origin heading +x at 2 m/s: braking at 2 m/s² it runs 1 m, and after 0.3 s
        // (0.51 m) it is 0.29 m from the centre → overlap → + 30. At 0.5 m/s it stops after 0.0625 m → nothing.
        MovingDiscs d = new MovingDiscs();
        d.add(0.8, 0.0, 0.0, 0.0, 0.2);
        c.movers = d;
        int last = b.index(0, T - 1);
        b.v[last] = 2.0;
        DynamicObstacleCritic brake = withExtras(0.0, 0.0, 30.0);
        brake.prepare(c);
        brake.score(c, b, 0, 1, costs);
        assertEquals(31.0, costs[0], EPS);
        Arrays.fill(costs, 1.0);
        DynamicObstacleCritic off = withExtras(0.0, 0.0, 0.0);
        off.prepare(c);
        off.score(c, b, 0, 1, costs);
        assertEquals(1.0, costs[0], EPS);
        Arrays.fill(costs, 1.0);
        b.v[last] = 0.5;
        brake.prepare(c);
        brake.score(c, b, 0, 1, costs);
        assertEquals(1.0, costs[0], EPS);
        assertThrows(IllegalArgumentException.class,
                () -> new DynamicObstacleParams(1, 1, 1, 0, 1, 1, 0, -0.1, 1, 2, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new DynamicObstacleParams(1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1));
    }
}
