package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MovingObstacleTest {
    private static final double EPS = 1e-12;

    @Test
    void bouncesOffAWallCell() {
        OccupancyGrid g = new OccupancyGrid(20, 20, 0.1, 0.0, 0.0);
        for (int j = 0; j < 20; j++) {
            g.setOccupied(15, j, true); // wall face at x = 1.5
        }
        MovingObstacle o = new MovingObstacle(1.0, 1.0, 1.0, 0.0, 0.2, null);
        for (int k = 0; k < 40; k++) {
            o.step(0.01, g);
            assertTrue(o.x() + o.radius() <= 1.5 + EPS, "never enters the wall");
        }
        assertEquals(-1.0, o.vx(), EPS, "velocity reversed after reaching the wall");
        assertEquals(1.0, o.y(), EPS);
    }

    @Test
    void staysInsideBoundsAndFreeSpaceOfABarnField() {
        World w = WorldLoader.loadBarn(42);
        List<MovingObstacle> obs = MovingObstacle.random(w, 6, 123L);
        FieldBounds f = w.fieldBounds();
        for (int k = 0; k < 2000; k++) {
            for (MovingObstacle o : obs) {
                o.step(0.05, w.grid());
                assertTrue(o.x() - o.radius() >= f.minX() - EPS && o.x() + o.radius() <= f.maxX() + EPS);
                assertTrue(o.y() - o.radius() >= f.minY() - EPS && o.y() + o.radius() <= f.maxY() + EPS);
                assertFalse(MovingObstacle.discHitsGrid(w.grid(), o.x(), o.y(), o.radius()), "in free space");
                double speed = Math.hypot(o.vx(), o.vy());
                assertTrue(speed >= MovingObstacle.RANDOM_MIN_SPEED - EPS
                    && speed <= MovingObstacle.RANDOM_MAX_SPEED + EPS);
            }
        }
    }

    @Test
    void randomIsDeterministicPerSeedAndAwayFromStartAndGoal() {
        World w = WorldLoader.loadBarn(7);
        List<MovingObstacle> a = MovingObstacle.random(w, 5, 99L);
        List<MovingObstacle> b = MovingObstacle.random(w, 5, 99L);
        List<MovingObstacle> c = MovingObstacle.random(w, 5, 100L);
        for (int i = 0; i < 5; i++) {
            assertEquals(a.get(i).x(), b.get(i).x(), 0.0);
            assertEquals(a.get(i).y(), b.get(i).y(), 0.0);
            assertEquals(a.get(i).vx(), b.get(i).vx(), 0.0);
            assertEquals(a.get(i).vy(), b.get(i).vy(), 0.0);
            MovingObstacle o = a.get(i);
            assertTrue(w.fieldBounds().contains(o.x(), o.y()));
            assertTrue(Math.hypot(o.x() - w.start().x(), o.y() - w.start().y()) >= MovingObstacle.RANDOM_CLEARANCE);
            assertTrue(Math.hypot(o.x() - w.goalX(), o.y() - w.goalY()) >= MovingObstacle.RANDOM_CLEARANCE);
            for (int j = 0; j < i; j++) {
                assertTrue(Math.hypot(o.x() - a.get(j).x(), o.y() - a.get(j).y()) >= 2 * o.radius());
            }
        }
        assertNotEquals(a.get(0).x(), c.get(0).x());
        assertEquals(0, MovingObstacle.random(w, 0, 1L).size());
        assertThrows(IllegalArgumentException.class, () -> MovingObstacle.random(w, -1, 1L));
    }

    @Test
    void copyIsIndependent() {
        MovingObstacle o = new MovingObstacle(1, 1, 0.5, 0, 0.2, null);
        MovingObstacle c = o.copy();
        o.step(1.0, new OccupancyGrid(2, 2, 1, -10, -10));
        assertEquals(1.5, o.x(), EPS);
        assertEquals(1.0, c.x(), EPS);
        assertThrows(IllegalArgumentException.class, () -> new MovingObstacle(0, 0, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> o.step(-0.1, new OccupancyGrid(2, 2, 1, 0, 0)));
    }
}
