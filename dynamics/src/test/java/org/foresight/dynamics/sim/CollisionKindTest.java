package org.foresight.dynamics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.World;
import org.junit.jupiter.api.Test;

/** The result says what the robot hit: a moving obstacle or the static grid. */
class CollisionKindTest {
    private static EpisodeResult driveStraight(World w) {
        Simulator s = new Simulator(w, new JackalDiffDrive(JackalParams.defaults()), Footprint.JACKAL,
                SimConfig.defaults(3).withProcessNoise(false).withTimeout(30));
        double[] cmd = {1.5, 0.0};
        while (!s.done()) {
            s.advance(cmd);
        }
        return s.result();
    }

    @Test
    void aStillDiscAheadIsAMovingObstacleCollision() {
        // a disc at rest on the straight line from the DynaBARN start towards the goal
        World w = DynaBarn.load(0, 0.0).withMovingObstacles(List.of(new MovingObstacle(8.0, 0.0, 0, 0, 0.5, null)));
        EpisodeResult r = driveStraight(w);
        assertEquals(Outcome.COLLISION, r.outcome());
        assertEquals(EpisodeResult.MOVING, r.collisionWith());
    }

    @Test
    void aSideWallIsAStaticCollision() {
        // no discs: into the arena along y = 0 (the goal at (−9, 0) is not reached), a quarter turn, then on
        // towards the side wall at y = −9.75
        World w = DynaBarn.load(0, 0.0).withMovingObstacles(List.of());
        Simulator s = new Simulator(w, new JackalDiffDrive(JackalParams.defaults()), Footprint.JACKAL,
                SimConfig.defaults(3).withProcessNoise(false).withTimeout(30));
        double[][] legs = {{1.5, 0.0, 4.0}, {0.0, 1.0, 4.0 + Math.PI / 2}, {1.5, 0.0, 30.0}};
        for (double[] leg : legs) {
            while (!s.done() && s.time() < leg[2]) {
                s.advance(new double[] {leg[0], leg[1]});
            }
        }
        assertEquals(Outcome.COLLISION, s.result().outcome());
        assertEquals(EpisodeResult.STATIC, s.result().collisionWith());
        assertEquals(EpisodeResult.NONE, new EpisodeResult(Outcome.SUCCESS, 1, 1, 0.5, 1, 1).collisionWith());
    }
}
