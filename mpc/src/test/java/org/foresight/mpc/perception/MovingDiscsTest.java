package org.foresight.mpc.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The moving discs' holder: changing frames keeps every disc where it is relative to the robot. */
class MovingDiscsTest {
    @Test
    void reframingKeepsEachDiscsRangeBearingAndSpeedSeenFromTheRobot() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 50; trial++) {
            double tx = rnd.nextDouble(-10, 10);
            double ty = rnd.nextDouble(-10, 10);
            double tt = rnd.nextDouble(-Math.PI, Math.PI);
            double bx = tx + rnd.nextDouble(-1, 1);
            double by = ty + rnd.nextDouble(-1, 1);
            double bt = tt + rnd.nextDouble(-0.3, 0.3);
            MovingDiscs d = new MovingDiscs();
            double px = rnd.nextDouble(-10, 10);
            double py = rnd.nextDouble(-10, 10);
            double vx = rnd.nextDouble(-2, 2);
            double vy = rnd.nextDouble(-2, 2);
            d.add(px, py, vx, vy, 0.5);
            d.startFuture(3, 0.05);
            d.setFuture(0, 2, px + 1, py);
            d.reframe(tx, ty, tt, bx, by, bt);
            // range and bearing from the robot, in the robot's own heading, before and after
            assertEquals(Math.hypot(px - tx, py - ty), Math.hypot(d.x(0) - bx, d.y(0) - by), 1e-9);
            assertEquals(0, Math.IEEEremainder((Math.atan2(py - ty, px - tx) - tt)
                    - (Math.atan2(d.y(0) - by, d.x(0) - bx) - bt), 2 * Math.PI), 1e-9);
            assertEquals(0, Math.IEEEremainder((Math.atan2(vy, vx) - tt) - (Math.atan2(d.vy(0), d.vx(0)) - bt),
                    2 * Math.PI), 1e-9);
            assertEquals(Math.hypot(vx, vy), Math.hypot(d.vx(0), d.vy(0)), 1e-9);
            assertEquals(Math.hypot(px + 1 - tx, py - ty),
                    Math.hypot(d.futureX(0, 0.15) - bx, d.futureY(0, 0.15) - by), 1e-9);
            assertEquals(0.5, d.radius(0));
        }
        MovingDiscs same = new MovingDiscs();
        same.add(3, 4, 1, -1, 0.5);
        same.reframe(1, 2, 0.7, 1, 2, 0.7);
        assertEquals(3, same.x(0), 1e-12);
        assertEquals(4, same.y(0), 1e-12);
        assertEquals(1, same.vx(0), 1e-12);
        assertEquals(-1, same.vy(0), 1e-12);
    }
}
