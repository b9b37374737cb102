package org.foresight.dynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.RobotPresets;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.junit.jupiter.api.Test;

/** Any model as the simulated robot, and commands that switch within a control period. */
class PlantTest {
    private static final World WORLD = WorldLoader.loadBarn(0);

    /** A plant with two extra states (integrals of v and ω) that fails on request. */
    static final class ExtraStatePlant implements DynamicsModel {
        final double nanAfter;

        ExtraStatePlant(double nanAfter) {
            this.nanAfter = nanAfter;
        }

        @Override
        public int stateDim() {
            return 7;
        }

        @Override
        public int controlDim() {
            return 2;
        }

        @Override
        public List<String> stateNames() {
            return List.of("x", "y", "theta", "v", "omega", "dist", "turn");
        }

        @Override
        public List<String> controlNames() {
            return List.of("cmd_v", "cmd_omega");
        }

        @Override
        public void step(double[] x, double[] u, double dt, double[] xn) {
            xn[0] = x[0] + x[3] * Math.cos(x[2]) * dt;
            xn[1] = x[1] + x[3] * Math.sin(x[2]) * dt;
            xn[2] = x[2] + x[4] * dt;
            xn[3] = u[0];
            xn[4] = u[1];
            xn[5] = x[5] + Math.abs(x[3]) * dt;
            xn[6] = x[6] >= nanAfter ? Double.NaN : x[6] + dt;
        }
    }

    private static Simulator sim(DynamicsModel plant, boolean noise) {
        return new Simulator(WORLD, plant, Footprint.JACKAL, SimConfig.defaults(7).withProcessNoise(noise));
    }

    @Test
    void switchingWithinAPeriodEqualsPhysicsStepsWithEachCommand() {
        double[] before = {0.3, 0.2};
        double[] after = {1.0, -0.5};
        for (int k = 0; k <= 10; k++) {
            Simulator s = sim(new JackalDiffDrive(JackalParams.defaults()), true);
            s.advance(before);
            s.advance(before, k, after);
            RobotPhysics p = new RobotPhysics(new JackalDiffDrive(JackalParams.defaults()), 0.005, 10, true,
                    new SplittableRandom(7));
            double[] x = {WORLD.start().x(), WORLD.start().y(), WORLD.start().theta(), 0, 0};
            x[StateIndex.THETA] = org.foresight.dynamics.model.Angles.wrap(x[StateIndex.THETA]);
            p.controlPeriod(x, before);
            for (int i = 0; i < 10; i++) {
                p.physicsStep(x, i < k ? before : after);
            }
            assertArrayEquals(x, s.state(), "switch after " + k + " physics steps, bit for bit");
        }
    }

    @Test
    void switchAtZeroIsTheOldSingleCommandAdvance() {
        Simulator a = sim(new JackalDiffDrive(JackalParams.defaults()), true);
        Simulator b = sim(new JackalDiffDrive(JackalParams.defaults()), true);
        double[] other = {9, 9};
        for (int i = 0; i < 20; i++) {
            double[] cmd = {0.1 * i, 0.05 * i};
            a.advance(cmd);
            b.advance(other, 0, cmd);
        }
        assertArrayEquals(a.state(), b.state());
        assertEquals(a.result(), b.result());
        assertThrows(IllegalArgumentException.class, () -> a.advance(other, 11, other));
    }

    @Test
    void extraPlantStateStaysHiddenFromTheMeasurement() {
        Simulator s = sim(new ExtraStatePlant(1e9), true);
        for (int i = 0; i < 10; i++) {
            s.advance(new double[] {1.0, 0.0});
        }
        assertEquals(5, s.state().length, "the measurement is x, y, theta, v, omega");
        assertEquals(7, s.plantState().length);
        assertEquals(0.5, s.plantState()[6], 1e-9, "the plant's own clock advanced 10 x 50 ms");
        assertTrue(s.plantState()[5] > 0.4, "distance integrated");
        assertTrue(s.state()[StateIndex.X] != WORLD.start().x() || s.state()[StateIndex.Y] != WORLD.start().y(),
                "collision and scoring follow the plant's pose");
    }

    @Test
    void aPlantReturningNanEndsTheEpisodeNamingTheEntry() {
        Simulator s = sim(new ExtraStatePlant(0.2), true);
        PlantException e = assertThrows(PlantException.class, () -> {
            for (int i = 0; i < 10; i++) {
                s.advance(new double[] {0.5, 0.0});
            }
        });
        assertTrue(e.getMessage().contains("state entry 6 (turn)"), e.getMessage());
        assertTrue(e.getMessage().contains(ExtraStatePlant.class.getName()), e.getMessage());
    }

    @Test
    void plantsWithTheWrongDimensionsAreRefused() {
        DynamicsModel unicycle = new org.foresight.dynamics.model.Unicycle();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim(unicycle, false));
        assertTrue(e.getMessage().contains("state dimension 3 < 5"), e.getMessage());
    }

    @Test
    void presetsAreTheReadmeRobots() {
        assertEquals(JackalParams.defaults(), RobotPresets.byName("default"));
        assertEquals(2.0, RobotPresets.byName("sluggish").maxAccel());
        assertEquals(1.5, RobotPresets.byName("EXTREME").maxV());
        assertEquals(0.3, RobotPresets.byName("slow-actuators").tauV());
        assertEquals(0.25, RobotPresets.byName("moderate").yawSlip());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RobotPresets.byName("fast"));
        assertTrue(e.getMessage().contains("sluggish"), e.getMessage());
    }
}
