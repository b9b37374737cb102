package org.foresight.mpc.critic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.perception.DistanceGrid;
import org.junit.jupiter.api.Test;

/**
 * Properties of the {@link SpreadCritic} on random batches around one round obstacle: zero without spread,
 * linear and monotone in the spread, zero beyond the margin, equal to its formula written out directly.
 */
class SpreadCriticTest {
    private static final int K = 150; // blocks of 64, 64 and 22
    private static final int T = 12;
    private static final double RADIUS = 0.27;
    private static final double EPS = 1e-12;

    /** A 6 m × 6 m area, one disc of radius 0.5 m at the origin. */
    private static CriticContext context() {
        int n = 60;
        double res = 0.1;
        double[] v = new double[n * n];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                v[ix * n + iy] = Math.hypot(-3 + (ix + 0.5) * res, -3 + (iy + 0.5) * res) - 0.5;
            }
        }
        CriticContext c = new CriticContext();
        c.obstacles = new DistanceGrid(v, n, n, res, -3, -3);
        c.horizon = T;
        c.dt = 0.05;
        return c;
    }

    private static RolloutBuffers batch(long seed, double spreadScale) {
        RolloutBuffers b = new RolloutBuffers();
        b.enableSpread();
        b.ensure(K, T);
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < K; k++) {
            for (int t = 0; t < T; t++) {
                int i = b.index(k, t);
                b.x[i] = 4 * r.nextDouble() - 2;
                b.y[i] = 4 * r.nextDouble() - 2;
                b.spread[i] = spreadScale * 0.3 * r.nextDouble();
            }
        }
        return b;
    }

    private static double[] score(SpreadCritic critic, CriticContext c, RolloutBuffers b) {
        double[] costs = new double[K];
        new CriticSet(java.util.List.of(critic)).score(c, b, 0, K, costs);
        return costs;
    }

    @Test
    void zeroWhenTheSpreadIsZero() {
        CriticContext c = context();
        double[] costs = score(new SpreadCritic(new SpreadParams(50, 0.5), RADIUS), c, batch(3, 0.0));
        for (int k = 0; k < K; k++) {
            assertEquals(0.0, costs[k], 0.0, "sample " + k);
        }
    }

    @Test
    void linearAndMonotoneInTheSpread() {
        CriticContext c = context();
        SpreadCritic critic = new SpreadCritic(new SpreadParams(50, 0.5), RADIUS);
        RolloutBuffers b = batch(5, 1.0);
        double[] base = score(critic, c, b);
        for (int i = 0; i < b.spread.length; i++) {
            b.spread[i] *= 2.5;
        }
        double[] scaled = score(critic, c, b);
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < b.spread.length; i++) {
            b.spread[i] += 0.2 * r.nextDouble(); // more doubt everywhere
        }
        double[] more = score(critic, c, b);
        int positive = 0;
        for (int k = 0; k < K; k++) {
            assertEquals(2.5 * base[k], scaled[k], EPS * (1 + scaled[k]), "sample " + k);
            assertTrue(more[k] >= scaled[k], "sample " + k);
            positive += base[k] > 0 ? 1 : 0;
        }
        assertTrue(positive > K / 2, "most random rollouts pass near the disc: " + positive);
    }

    @Test
    void equalsTheFormulaWrittenOut() {
        CriticContext c = context();
        double w = 40;
        double margin = 0.6;
        RolloutBuffers b = batch(7, 1.0);
        double[] costs = score(new SpreadCritic(new SpreadParams(w, margin), RADIUS), c, b);
        for (int k = 0; k < K; k++) {
            double want = 0;
            for (int t = 0; t < T; t++) {
                int i = b.index(k, t);
                double d = Math.hypot(b.x[i], b.y[i]) - 0.5 - RADIUS; // exact SDF; the grid's bilinear one differs
                double p = Math.min(1, Math.max(0, (margin - d) / margin));
                want += b.spread[i] * p;
            }
            want *= w / T;
            // the bilinear grid is within ~0.01 m of the exact distance here; the proximity within 0.02
            assertEquals(want, costs[k], 0.02 * w * 0.3 + 1e-9, "sample " + k);
        }
    }

    @Test
    void zeroFarFromObstacles() {
        CriticContext c = context();
        RolloutBuffers b = batch(11, 1.0);
        for (int i = 0; i < b.x.length; i++) {
            b.x[i] = 2.5; // corner of the area: clearance ≈ 3.0 m, far beyond the margin
            b.y[i] = 2.5;
        }
        double[] costs = score(new SpreadCritic(new SpreadParams(50, 0.5), RADIUS), c, b);
        for (int k = 0; k < K; k++) {
            assertEquals(0.0, costs[k], 0.0);
        }
    }

    @Test
    void offAtWeightZeroAndCollidedSamplesSkipped() {
        assertFalse(new SpreadCritic(SpreadParams.defaults(), RADIUS).needsSpread());
        assertTrue(new SpreadCritic(new SpreadParams(1, 0.5), RADIUS).needsSpread());
        CriticContext c = context();
        RolloutBuffers b = batch(13, 1.0);
        b.collided[4] = 1;
        double[] costs = score(new SpreadCritic(new SpreadParams(50, 0.5), RADIUS), c, b);
        assertEquals(0.0, costs[4], 0.0);
    }

    @Test
    void badParametersAreRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpreadParams(-1, 0.5));
        assertTrue(e.getMessage().contains("critics.spread.weight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SpreadParams(1, 0));
        assertTrue(e.getMessage().contains("critics.spread.margin"), e.getMessage());
    }
}
