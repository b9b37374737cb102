package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The held turn-and-acceleration prediction ({@link DiscMotion#displace}, {@link MovingDiscs#predict}) against
 * its special cases (the straight line, a circle, constant acceleration) and against a fine numerical integration
 * of its definition, and the turn-rate estimate of two velocities ({@link MovingDiscs#turnRate}).
 */
class DiscMotionTest {
    /** Closed form against exact geometry [m]. */
    private static final double EPS = 1e-9;
    /** Closed form against a 20 000-step midpoint integration over ≤ 3 s [m]. */
    private static final double EPS_NUMERIC = 1e-6;

    @Test
    void withoutTurnOrAccelerationItIsExactlyTheStraightLine() {
        // property over random discs: ω = 0 (or its hold 0, or a = 0 with its hold) gives bit for bit the constant
        // velocity prediction, the speed clipped (straightX/Y: the arithmetic of the prediction before turns)
        SplittableRandom r = new SplittableRandom(3);
        MovingDiscs d = new MovingDiscs();
        double[] out = new double[2];
        DiscMotion on = new DiscMotion(2.0, 1.0, 1.0, 2.0, 1.0);
        DiscMotion holdsOff = new DiscMotion(2.0, 1.0, 0.0, 2.0, 0.0);
        for (int n = 0; n < 2000; n++) {
            d.clear();
            d.add(r.nextDouble(-10, 10), r.nextDouble(-10, 10), r.nextDouble(-3, 3), r.nextDouble(-3, 3), 0.5);
            double tau = r.nextDouble(0, 3);
            d.predict(0, tau, on, out);
            assertEquals(straightX(d, tau, 2.0), out[0], 0.0);
            assertEquals(straightY(d, tau, 2.0), out[1], 0.0);
            d.setTurnRate(0, r.nextDouble(-2, 2));
            d.setAcceleration(0, r.nextDouble(-2, 2));
            d.predict(0, tau, holdsOff, out);
            assertEquals(straightX(d, tau, 2.0), out[0], 0.0);
            assertEquals(straightY(d, tau, 2.0), out[1], 0.0);
            d.predict(0, tau, DiscMotion.constantVelocity(2.0), out);
            assertEquals(straightX(d, tau, 2.0), out[0], 0.0);
        }
    }

    /** @return disc 0's centre x [m] at constant velocity after tau, c = p + v·min(1, s_max/|v|)·τ. */
    private static double straightX(MovingDiscs d, double tau, double maxSpeed) {
        return d.x(0) + clip(d, maxSpeed) * d.vx(0) * tau;
    }

    /** @return disc 0's centre y [m], as {@link #straightX}. */
    private static double straightY(MovingDiscs d, double tau, double maxSpeed) {
        return d.y(0) + clip(d, maxSpeed) * d.vy(0) * tau;
    }

    private static double clip(MovingDiscs d, double maxSpeed) {
        double s = Math.hypot(d.vx(0), d.vy(0));
        return s > maxSpeed ? maxSpeed / s : 1.0;
    }

    @Test
    void aDiscOnACircleIsPredictedOnTheCircle() {
        // centre (1, 2), radius 3 m, speed 1.5 m/s counter-clockwise: ω = 0.5 rad/s; the disc starts at angle 0.3
        double cx = 1;
        double cy = 2;
        double rad = 3;
        double s = 1.5;
        double w = s / rad;
        double a0 = 0.3;
        MovingDiscs d = new MovingDiscs();
        d.add(cx + rad * Math.cos(a0), cy + rad * Math.sin(a0), -s * Math.sin(a0), s * Math.cos(a0), 0.5);
        d.setTurnRate(0, w);
        DiscMotion held = new DiscMotion(2.0, 1.0, 10.0, 0.0, 0.0);
        double[] out = new double[2];
        for (double tau = 0; tau <= 5.0; tau += 0.05) {
            d.predict(0, tau, held, out);
            double ang = a0 + w * tau;
            double t = tau;
            assertAll(() -> assertEquals(cx + rad * Math.cos(ang), out[0], EPS, "x at " + t),
                    () -> assertEquals(cy + rad * Math.sin(ang), out[1], EPS, "y at " + t));
        }
        // clockwise too (ω < 0): the mirror image
        d.clear();
        d.add(rad, 0, 0, -s, 0.5);
        d.setTurnRate(0, -w);
        d.predict(0, 2.0, held, out);
        assertAll(() -> assertEquals(rad * Math.cos(-w * 2.0), out[0], EPS),
                () -> assertEquals(rad * Math.sin(-w * 2.0), out[1], EPS));
    }

    @Test
    void theTurnRateIsClampedAndTheTurnEndsAfterItsHold() {
        // ω = 3 rad/s clamped to 1, held 0.5 s: an arc of 0.5 rad, then straight on along its new heading
        MovingDiscs d = new MovingDiscs();
        d.add(0, 0, 1.0, 0, 0.5);
        d.setTurnRate(0, 3.0);
        DiscMotion m = new DiscMotion(2.0, 1.0, 0.5, 0.0, 0.0);
        double[] out = new double[2];
        d.predict(0, 2.0, m, out);
        // arc of radius 1 m through 0.5 rad: (sin 0.5, 1 − cos 0.5); then 1.5 s at 1 m/s along (cos 0.5, sin 0.5)
        assertAll(() -> assertEquals(Math.sin(0.5) + 1.5 * Math.cos(0.5), out[0], EPS),
                () -> assertEquals(1 - Math.cos(0.5) + 1.5 * Math.sin(0.5), out[1], EPS));
    }

    @Test
    void anAccelerationStopsAtTheSpeedClipOrAtRest() {
        MovingDiscs d = new MovingDiscs();
        d.add(0, 0, 0, 1.0, 0.5);
        d.setAcceleration(0, 0.5);
        DiscMotion m = new DiscMotion(2.0, 1.0, 0.0, 1.0, 10.0);
        double[] out = new double[2];
        // s = 1 + 0.5 t until 2 m/s at t = 2 s: 1·2 + 0.25·4 = 3 m, then 2 m/s: at 3 s 5 m along +y
        d.predict(0, 3.0, m, out);
        assertAll(() -> assertEquals(0.0, out[0], EPS), () -> assertEquals(5.0, out[1], EPS));
        // slowing at 1 m/s² (clamped from 4) stops after 1 s, 0.5 m on, and stays
        d.setAcceleration(0, -4.0);
        d.predict(0, 3.0, m, out);
        assertEquals(0.5, out[1], EPS);
        // held 0.4 s only: 1·0.4 − 0.5·0.16 = 0.32 m, then 0.6 m/s for 0.6 s → 0.68 m
        d.predict(0, 1.0, new DiscMotion(2.0, 1.0, 0.0, 1.0, 0.4), out);
        assertEquals(0.68, out[1], EPS);
    }

    @Test
    void theClosedFormMatchesANumericalIntegrationOfItsDefinition() {
        // random v, ω (some tiny, where the series takes over), a, holds and τ: ∫ s(t)(cos θ(t), sin θ(t)) dt by the
        // midpoint rule, s(t) = clamp(s₀ + â·min(t, h_a), 0, s_max), θ(t) = θ₀ + ω̂·min(t, h_ω)
        SplittableRandom r = new SplittableRandom(11);
        double[] out = new double[2];
        for (int n = 0; n < 200; n++) {
            double vx = r.nextDouble(-2.5, 2.5);
            double vy = r.nextDouble(-2.5, 2.5);
            double w = r.nextDouble(-3, 3) * (n % 4 == 0 ? 1e-7 : 1.0);
            double a = r.nextDouble(-3, 3);
            double tau = r.nextDouble(0, 3);
            DiscMotion m = new DiscMotion(2.0, 2.0, r.nextDouble(0, 2), 2.0, r.nextDouble(0, 2));
            if (!m.displace(vx, vy, w, a, tau, out)) {
                continue;
            }
            double s0 = Math.min(Math.hypot(vx, vy), 2.0);
            double th0 = Math.atan2(vy, vx);
            double wc = Math.max(-2, Math.min(2, w));
            double ac = Math.max(-2, Math.min(2, a));
            int k = 20_000;
            double h = tau / k;
            double x = 0;
            double y = 0;
            for (int i = 0; i < k; i++) {
                double t = (i + 0.5) * h;
                double sp = Math.max(0, Math.min(2.0, s0 + ac * Math.min(t, m.accelHold())));
                double hd = th0 + wc * Math.min(t, m.turnHold());
                x += sp * Math.cos(hd) * h;
                y += sp * Math.sin(hd) * h;
            }
            assertEquals(x, out[0], EPS_NUMERIC, "case " + n);
            assertEquals(y, out[1], EPS_NUMERIC, "case " + n);
        }
    }

    @Test
    void thePredictionIsDeterministicAndTinyTurnsMeetTheStraightLine() {
        MovingDiscs d = new MovingDiscs();
        d.add(1, 2, 1.2, -0.7, 0.5);
        d.setTurnRate(0, 0.8);
        d.setAcceleration(0, -0.3);
        DiscMotion m = new DiscMotion(2.0, 1.0, 1.0, 2.0, 1.0);
        double[] a = new double[2];
        double[] b = new double[2];
        d.predict(0, 1.7, m, a);
        d.predict(0, 1.7, m, b);
        assertAll(() -> assertEquals(a[0], b[0], 0.0), () -> assertEquals(a[1], b[1], 0.0));
        d.setTurnRate(0, 1e-12);
        d.setAcceleration(0, 0);
        d.predict(0, 2.0, m, a);
        assertAll(() -> assertEquals(1 + 1.2 * 2.0, a[0], 1e-11), () -> assertEquals(2 - 0.7 * 2.0, a[1], 1e-11));
        // at rest nothing turns or accelerates
        assertFalse(m.displace(0, 0, 1.0, 1.0, 1.0, a));
        assertTrue(m.displace(1, 0, 1.0, 0, 1.0, a));
    }

    @Test
    void theTurnRateOfTwoVelocitiesIsTheirAngleOverTheTime() {
        // 0.1 rad in 0.05 s → 2 rad/s; clockwise negative; below the speed floor or without time 0
        double c = Math.cos(0.1);
        double s = Math.sin(0.1);
        assertAll(() -> assertEquals(2.0, MovingDiscs.turnRate(1, 0, c, s, 0.05, 0.1), 1e-12),
                () -> assertEquals(-2.0, MovingDiscs.turnRate(0, 2, 2 * s, 2 * c, 0.05, 0.1), 1e-12),
                () -> assertEquals(0.0, MovingDiscs.turnRate(0.05, 0, 0, 0.05, 0.05, 0.1), 0.0),
                () -> assertEquals(0.0, MovingDiscs.turnRate(1, 0, 0, 1, 0.0, 0.1), 0.0),
                () -> assertEquals(Math.PI / 0.5, MovingDiscs.turnRate(1, 0, -1, 0, 0.5, 0.1), 1e-12));
    }

    @Test
    void badSettingsAndValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DiscMotion(0, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DiscMotion(2, -1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DiscMotion(2, 1, Double.NaN, 1, 1));
        MovingDiscs d = new MovingDiscs();
        d.add(0, 0, 1, 0, 0.5);
        assertThrows(IllegalArgumentException.class, () -> d.setTurnRate(0, Double.POSITIVE_INFINITY));
        assertThrows(IndexOutOfBoundsException.class, () -> d.setAcceleration(1, 0.0));
    }
}
