package org.foresight.dynamics.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnicycleTest {
    /** Exact kinematics, closed-form answers: round-off only [m, rad]. */
    private static final double EPS = 1e-12;
    /** |analytic − finite difference| ≤ JACOBIAN_TOLERANCE·(1 + |fd|). */
    private static final double JACOBIAN_TOLERANCE = 1e-6;

    private final Unicycle model = new Unicycle();

    @Test
    void straightLine() {
        double[] x = {1.0, -2.0, 0.3};
        double[] next = nan(3);
        model.step(x, new double[] {1.5, 0.0}, 0.5, next);
        assertAll(
                () -> assertEquals(1.0 + 0.75 * Math.cos(0.3), next[StateIndex.X], EPS),
                () -> assertEquals(-2.0 + 0.75 * Math.sin(0.3), next[StateIndex.Y], EPS),
                () -> assertEquals(0.3, next[StateIndex.THETA], EPS));
    }

    @Test
    void rotateInPlace() {
        double[] x = {0.5, 0.25, 3.0};
        double[] next = nan(3);
        model.step(x, new double[] {0.0, 2.0}, 0.25, next);
        assertAll(
                () -> assertEquals(0.5, next[StateIndex.X], EPS),
                () -> assertEquals(0.25, next[StateIndex.Y], EPS),
                () -> assertEquals(Angles.wrap(3.5), next[StateIndex.THETA], EPS));
    }

    @Test
    void fullCircleReturnsToStart() {
        double[] start = {2.0, 1.0, -0.7};
        int steps = 37;
        double omega = 1.3;
        double dt = 2 * Math.PI / omega / steps;
        double[] x = start.clone();
        double[] next = nan(3);
        double maxDistanceFromCentre = 0;
        double radius = 0.8 / omega;
        double cx = start[0] - radius * Math.sin(start[2]);
        double cy = start[1] + radius * Math.cos(start[2]);
        for (int i = 0; i < steps; i++) {
            model.step(x, new double[] {0.8, omega}, dt, next);
            System.arraycopy(next, 0, x, 0, 3);
            maxDistanceFromCentre = Math.max(maxDistanceFromCentre,
                    Math.abs(Math.hypot(x[0] - cx, x[1] - cy) - radius));
        }
        assertEquals(start[0], x[0], 1e-12);
        assertEquals(start[1], x[1], 1e-12);
        assertEquals(0.0, Angles.wrap(x[2] - start[2]), 1e-12);
        assertTrue(maxDistanceFromCentre < 1e-12, "every step lands on the exact circle: " + maxDistanceFromCentre);
    }

    @Test
    void seriesSwitchIsContinuous() {
        double t = Unicycle.SINC_SERIES_BELOW;
        for (double h : new double[] {t, -t}) {
            double below = Math.nextDown(Math.abs(h)) * Math.signum(h);
            assertEquals(Unicycle.sinc(h), Unicycle.sinc(below), 1e-16, "sinc at the switch");
            assertEquals(Unicycle.sincDerivative(h), Unicycle.sincDerivative(below), 1e-12, "sinc' at the switch");
        }
        assertEquals(1.0, Unicycle.sinc(0.0), 0.0);
        assertEquals(0.0, Unicycle.sincDerivative(0.0), 0.0);
        double[] x = {0.0, 0.0, 0.4};
        double[] a = nan(3);
        double[] b = nan(3);
        model.step(x, new double[] {1.0, 1e-300}, 0.1, a);
        model.step(x, new double[] {1.0, 0.0}, 0.1, b);
        assertArrayEquals(b, a, 0.0);
    }

    @Test
    void analyticJacobiansMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] a = new double[9];
        double[] b = new double[6];
        double[] fa = new double[9];
        double[] fb = new double[6];
        for (int trial = 0; trial < 2000; trial++) {
            double[] x = {rng.nextDouble(-10, 10), rng.nextDouble(-10, 10), rng.nextDouble(-Math.PI, Math.PI)};
            double omega = switch (trial % 4) {
                case 0 -> 0.0;
                case 1 -> rng.nextDouble(-1e-3, 1e-3);
                default -> rng.nextDouble(-4, 4);
            };
            double[] u = {rng.nextDouble(-2, 2), omega};
            double dt = trial % 2 == 0 ? 0.05 : rng.nextDouble(0.001, 0.5);
            Arrays.fill(a, Double.NaN);
            Arrays.fill(b, Double.NaN);
            model.jacobians(x, u, dt, a, b);
            FiniteDifference.jacobians(model, x, u, dt, fa, fb);
            assertClose(fa, a, "A", trial);
            assertClose(fb, b, "B", trial);
        }
    }

    @Test
    void batchEqualsStepBitForBit() {
        SplittableRandom rng = new SplittableRandom(5);
        int count = 53;
        double[] x = new double[3 * count];
        double[] u = new double[2 * count];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-4, 4);
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = i % 7 == 0 ? 0.0 : rng.nextDouble(-4, 4);
        }
        double[] batch = nan(3 * count);
        model.stepBatch(x, u, count, 0.05, batch);
        double[] xs = new double[3];
        double[] us = new double[2];
        double[] next = new double[3];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < 3; i++) {
                xs[i] = x[i * count + k];
            }
            us[0] = u[k];
            us[1] = u[count + k];
            model.step(xs, us, 0.05, next);
            for (int i = 0; i < 3; i++) {
                assertEquals(Double.doubleToRawLongBits(next[i]), Double.doubleToRawLongBits(batch[i * count + k]),
                        "sample " + k + " state " + i);
            }
        }
    }

    /** In place (xNext = x) and at a larger count after a smaller one (the per-thread scratch grows). */
    @Test
    void batchInPlaceEqualsSeparateOutput() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int count : new int[] {7, 64, 130}) {
            double[] x = new double[3 * count];
            double[] u = new double[2 * count];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble(-5, 5);
            }
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextDouble(-4, 4);
            }
            double[] out = nan(3 * count);
            model.stepBatch(x, u, count, 0.05, out);
            model.stepBatch(x, u, count, 0.05, x);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(out[i]), Double.doubleToRawLongBits(x[i]), "count " + count + " entry " + i);
            }
        }
    }

    static void assertClose(double[] expected, double[] actual, String what, int trial) {
        for (int i = 0; i < expected.length; i++) {
            double tol = JACOBIAN_TOLERANCE * (1 + Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol,
                    () -> what + " entry differs in trial " + trial + ": " + Arrays.toString(actual)
                            + " vs finite differences " + Arrays.toString(expected));
        }
    }

    static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
