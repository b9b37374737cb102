package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link World#advancedBy}: the world's clock started earlier, for both kinds of moving obstacle. */
class WorldAdvanceTest {
    private static final double EPS = 1e-12;

    @Test
    void bouncingObstaclesMoveAsIfSteppedForT0() {
        World w = WorldLoader.loadBarn(3);
        w = w.withMovingObstacles(MovingObstacle.random(w, 4, 5L));
        World a = w.advancedBy(2.0);
        List<MovingDisc> stepped = w.movingObstacles();
        for (int s = 0; s < 400; s++) {
            for (MovingDisc o : stepped) {
                o.step(World.ADVANCE_STEP, w.grid());
            }
        }
        List<MovingDisc> moved = a.movingObstacles();
        for (int i = 0; i < 4; i++) {
            assertEquals(stepped.get(i).x(), moved.get(i).x(), 1e-9);
            assertEquals(stepped.get(i).y(), moved.get(i).y(), 1e-9);
        }
        assertEquals(2.0, a.startTime(), 0.0);
        assertEquals(0.0, w.startTime(), 0.0, "the original world is unchanged");
    }

    @Test
    void offsetsAddUpAndSurviveOtherVariants() {
        World w = DynaBarn.load(12, 1.5).advancedBy(2.5).withGoalTolerance(0.5);
        World direct = DynaBarn.load(12, 4.0);
        assertEquals(4.0, w.startTime(), EPS);
        for (int i = 0; i < direct.movingObstacles().size(); i++) {
            assertEquals(direct.movingObstacles().get(i).x(), w.movingObstacles().get(i).x(), 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> w.advancedBy(-0.1));
        assertThrows(IllegalArgumentException.class, () -> w.advancedBy(Double.NaN));
    }
}
