package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The keyframe spline's rules: exact keyframes, continuity inside a loop, the jump at its end, the tangents. */
class KeyframeSplineTest {
    private static final double EPS = 1e-12;

    /** An open path (first ≠ last point). */
    private static KeyframeSpline open() {
        return new KeyframeSpline(new double[] {0, 2, 3, 6}, new double[] {8, 4, 3, -8}, new double[] {-6, -2, 1, 5});
    }

    @Test
    void passesThroughEachKeyframeAtItsTime() {
        KeyframeSpline s = open();
        double[] out = new double[4];
        for (int i = 0; i < s.size() - 1; i++) {
            s.evaluate(s.time(i), out);
            assertEquals(s.x(i), out[0], 0.0, "x at keyframe " + i);
            assertEquals(s.y(i), out[1], 0.0, "y at keyframe " + i);
            s.evaluate(s.time(i) + 2 * s.period(), out);
            assertEquals(s.x(i), out[0], 1e-9, "x at keyframe " + i + " two loops later");
        }
    }

    @Test
    void continuousInsideALoopAndVelocityIsTheDerivative() {
        KeyframeSpline s = DynaBarn.spline("hardlibobs_0");
        double[] a = new double[4];
        double[] b = new double[4];
        double dt = 1e-4;
        double maxSpeed = 0;
        for (int k = 0; 0.01 * k + 0.0031 + dt < s.period(); k++) {
            double t = 0.01 * k + 0.0031; // off the keyframe times (2 decimals), where the speed may change
            s.evaluate(t, a);
            s.evaluate(t + dt, b);
            double step = Math.hypot(b[0] - a[0], b[1] - a[1]);
            // short segments (0.08 s) give brief spikes to ~15 m/s; a jump would be metres
            assertTrue(step < 20 * dt, "continuous at t = " + t + ": moved " + step + " m in " + dt + " s");
            // central difference against the analytic velocity (inside a segment)
            double[] m = new double[4];
            s.evaluate(t + 0.5 * dt, m);
            assertEquals((b[0] - a[0]) / dt, m[2], 1e-3 * Math.max(1, Math.abs(m[2])), "vx at " + t);
            assertEquals((b[1] - a[1]) / dt, m[3], 1e-3 * Math.max(1, Math.abs(m[3])), "vy at " + t);
            maxSpeed = Math.max(maxSpeed, Math.hypot(m[2], m[3]));
        }
        assertTrue(maxSpeed > 2.5 && maxSpeed < 20.0, "hard obstacle peak speed [m/s]: " + maxSpeed);
    }

    @Test
    void jumpsBackToTheFirstKeyframeAtTheLoopEnd() {
        KeyframeSpline s = open();
        double[] out = new double[4];
        double l = s.period();
        s.evaluate(l - 1e-9, out);
        assertEquals(-8, out[0], 1e-6, "just before the end: the last keyframe");
        assertEquals(5, out[1], 1e-6);
        s.evaluate(l, out);
        assertEquals(8, out[0], 0.0, "at the end: the first keyframe");
        assertEquals(-6, out[1], 0.0);
        s.evaluate(l + 1e-9, out);
        assertTrue(Math.hypot(out[0] - 8, out[1] + 6) < 1e-6);
    }

    @Test
    void openEndTangentsAreHalfTheEndChords() {
        // h10'(0) = 1: velocity at t0 is T0 / (t1 − t0) = ((4, −2) − (8, −6)) / 2 / 2 s
        double[] out = new double[4];
        open().evaluate(0.0, out);
        assertEquals(-1.0, out[2], EPS);
        assertEquals(1.0, out[3], EPS);
        // velocity just before the end: T3 / (t3 − t2) = ((−8, 5) − (3, 1)) / 2 / 3 s
        open().evaluate(6.0 - 1e-12, out);
        assertEquals(-11.0 / 6, out[2], 1e-9);
        assertEquals(4.0 / 6, out[3], 1e-9);
    }

    @Test
    void closedPathSharesOneTangentAtBothEnds() {
        // P0 = P3: T0 = T3 = (P1 − P2) / 2 = ((4, 0) − (0, 4)) / 2 = (2, −2)
        KeyframeSpline s = new KeyframeSpline(new double[] {0, 1, 2, 4}, new double[] {0, 4, 0, 0},
                new double[] {0, 0, 4, 0});
        double[] out = new double[4];
        s.evaluate(0.0, out);
        assertEquals(2.0, out[2], EPS, "vx at start = T0 / 1 s");
        assertEquals(-2.0, out[3], EPS);
        s.evaluate(4.0 - 1e-12, out);
        assertEquals(1.0, out[2], 1e-9, "vx at end = T3 / 2 s");
        assertEquals(-1.0, out[3], 1e-9);
        s.evaluate(4.0 - 1e-9, out);
        assertEquals(0.0, out[0], 1e-6, "a closed path does not jump");
    }

    @Test
    void rejectsMalformedKeyframes() {
        assertThrows(IllegalArgumentException.class, () -> new KeyframeSpline(new double[] {0}, new double[] {0},
                new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new KeyframeSpline(new double[] {1, 2},
                new double[] {0, 1}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new KeyframeSpline(new double[] {0, 2, 1},
                new double[] {0, 1, 2}, new double[] {0, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> open().evaluate(-1, new double[4]));
    }
}
