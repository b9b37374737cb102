package org.foresight.dynamics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntegratorTest {

    /** ẋ = −x/τ + u/τ (a first-order lag), τ = 0.1 s; one state, one control. */
    private static final ContinuousDynamics LAG = new ContinuousDynamics() {
        @Override
        public int stateDim() {
            return 1;
        }

        @Override
        public int controlDim() {
            return 1;
        }

        @Override
        public void derivative(double[] x, double[] u, double[] xDot) {
            xDot[0] = (u[0] - x[0]) / 0.1;
        }

        @Override
        public void derivativeJacobians(double[] x, double[] u, double[] fx, double[] fu) {
            fx[0] = -1 / 0.1;
            fu[0] = 1 / 0.1;
        }
    };

    @Test
    void rk4MatchesTheAmplificationPolynomialAndIsFourthOrder() {
        Integrator.Workspace ws = new Integrator.Workspace(1, 1);
        double[] next = new double[1];
        double[] a = new double[1];
        double[] b = new double[1];
        double dt = 0.05;
        double z = -dt / 0.1;
        double r = 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
        Integrator.RK4.step(LAG, new double[] {1.0}, new double[] {0.0}, dt, ws, next);
        assertEquals(r, next[0], 1e-15);
        assertEquals(Math.exp(z), next[0], Math.pow(-z, 5) / 100);
        Integrator.RK4.stepWithJacobians(LAG, new double[] {1.0}, new double[] {0.0}, dt, ws, next, a, b);
        assertEquals(r, a[0], 1e-15, "A = R(z)");
        assertEquals(1 - r, b[0], 1e-15, "B = 1 − R(z)");
    }

    @Test
    void eulerIsTheFirstOrderStep() {
        Integrator.Workspace ws = new Integrator.Workspace(1, 1);
        double[] next = new double[1];
        double[] a = new double[1];
        double[] b = new double[1];
        Integrator.EULER.stepWithJacobians(LAG, new double[] {1.0}, new double[] {0.0}, 0.05, ws, next, a, b);
        assertEquals(0.5, next[0], 1e-15);
        assertEquals(0.5, a[0], 1e-15);
        assertEquals(0.5, b[0], 1e-15);
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void stepWithJacobiansGivesTheSameNextStateBitForBit(Integrator integrator) {
        JackalDiffDrive jackal = new JackalDiffDrive(JackalParams.defaults());
        ContinuousDynamics f = jackal.continuous();
        Integrator.Workspace ws = new Integrator.Workspace(5, 2);
        double[] x = {0.3, -0.2, 2.9, 0.7, -1.4};
        double[] u = {1.9, 3.5};
        double[] plain = new double[5];
        double[] withJ = new double[5];
        integrator.step(f, x, u, 0.05, ws, plain);
        integrator.stepWithJacobians(f, x, u, 0.05, ws, withJ, new double[25], new double[10]);
        for (int i = 0; i < 5; i++) {
            assertEquals(Double.doubleToRawLongBits(plain[i]), Double.doubleToRawLongBits(withJ[i]), "state " + i);
        }
    }

    @Test
    void workspaceOfTheWrongSizeIsRejected() {
        Integrator.Workspace ws = new Integrator.Workspace(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Integrator.RK4.step(LAG, new double[1], new double[1], 0.01, ws, new double[1]));
        assertEquals(true, e.getMessage().contains("n=5"), e.getMessage());
    }
}
