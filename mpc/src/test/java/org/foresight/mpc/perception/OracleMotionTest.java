package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The map oracle's turn rate and acceleration from two cycles' true velocities. */
class OracleMotionTest {
    private static final double DT = 0.05;
    private static final double EPS = 1e-9;

    /** A disc on a circle of radius 2 m about the origin at angle w·t, speed s(t) = 1 + 0.4·t. */
    private static void fill(MovingDiscs d, double t) {
        double w = 0.6;
        double ang = w * t;
        double s = 1 + 0.4 * t;
        d.clear();
        d.add(2 * Math.cos(ang), 2 * Math.sin(ang), -s * Math.sin(ang), s * Math.cos(ang), 0.5);
    }

    @Test
    void aDiscOnACircleGetsItsTurnRateAndItsAcceleration() {
        OracleMotion o = new OracleMotion();
        MovingDiscs d = new MovingDiscs();
        fill(d, 1.0);
        o.apply(1.0, d);
        assertAll(() -> assertEquals(0.0, d.turnRate(0), 0.0, "nothing to compare with yet"),
                () -> assertEquals(0.0, d.acceleration(0), 0.0));
        fill(d, 1.0 + DT);
        o.apply(1.0 + DT, d);
        // the heading turns at 0.6 rad/s exactly; the speed grows by 0.4·Δt
        assertAll(() -> assertEquals(0.6, d.turnRate(0), EPS), () -> assertEquals(0.4, d.acceleration(0), EPS));
        // asked again at the same time (the run log's second call): the same values, not 0
        fill(d, 1.0 + DT);
        o.apply(1.0 + DT, d);
        assertAll(() -> assertEquals(0.6, d.turnRate(0), EPS), () -> assertEquals(0.4, d.acceleration(0), EPS));
        o.reset();
        fill(d, 2.0);
        o.apply(2.0, d);
        assertEquals(0.0, d.turnRate(0), 0.0, "forgotten after a reset");
    }
}
