package org.foresight.worldmodel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.foresight.dynamics.model.FiniteDifference;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.testutil.Models;
import org.junit.jupiter.api.Test;

/** Analytic Jacobians vs central finite differences, and the body-frame invariances, on random states. */
class JacobianPropertyTest {
    private static final double DT = 0.05;
    private static final double JAC_TOL = 1e-6;

    private static List<BodyFrameModel> models() {
        return List.of(Models.richLinear(1), Models.randomMlp(2), Models.randomPhysics(5),
                new EnsembleModel(List.of(Models.richLinear(3), Models.richLinear(4))));
    }

    private static double[] randomState(SplittableRandom r) {
        return new double[] {20 * r.nextDouble() - 10, 20 * r.nextDouble() - 10, 2 * Math.PI * r.nextDouble() - Math.PI,
                4 * r.nextDouble() - 2, 8 * r.nextDouble() - 4};
    }

    private static double[] randomControl(SplittableRandom r) {
        return new double[] {4 * r.nextDouble() - 2, 8 * r.nextDouble() - 4};
    }

    @Test
    void analyticJacobiansMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(11);
        for (BodyFrameModel m : models()) {
            for (int trial = 0; trial < 300; trial++) {
                double[] x = randomState(r);
                double[] u = randomControl(r);
                double[] a = new double[25];
                double[] b = new double[10];
                double[] af = new double[25];
                double[] bf = new double[10];
                Arrays.fill(a, Double.NaN);
                Arrays.fill(b, Double.NaN);
                m.jacobians(x, u, DT, a, b);
                FiniteDifference.jacobians(m, x, u, DT, af, bf);
                for (int i = 0; i < 25; i++) {
                    assertEquals(af[i], a[i], JAC_TOL * Math.max(1, Math.abs(af[i])),
                            m.describe() + " A[" + i / 5 + "][" + i % 5 + "] at " + Arrays.toString(x) + " " + Arrays.toString(u));
                }
                for (int i = 0; i < 10; i++) {
                    assertEquals(bf[i], b[i], JAC_TOL * Math.max(1, Math.abs(bf[i])),
                            m.describe() + " B[" + i / 2 + "][" + i % 2 + "]");
                }
            }
        }
    }

    @Test
    void stepIsEquivariantUnderPlanarMotion() {
        // the model predicts in the body frame: moving and turning the start pose moves and turns the result
        SplittableRandom r = new SplittableRandom(12);
        for (BodyFrameModel m : models()) {
            for (int trial = 0; trial < 100; trial++) {
                double[] x = randomState(r);
                double[] u = randomControl(r);
                double dx = 5 * r.nextDouble();
                double dy = -5 * r.nextDouble();
                double phi = 2 * Math.PI * r.nextDouble();
                double[] y = x.clone();
                double c = Math.cos(phi);
                double s = Math.sin(phi);
                y[StateIndex.X] = c * x[0] - s * x[1] + dx;
                y[StateIndex.Y] = s * x[0] + c * x[1] + dy;
                y[StateIndex.THETA] = org.foresight.dynamics.model.Angles.wrap(x[2] + phi);
                double[] xn = new double[5];
                double[] yn = new double[5];
                m.step(x, u, DT, xn);
                m.step(y, u, DT, yn);
                assertEquals(c * xn[0] - s * xn[1] + dx, yn[0], 1e-9);
                assertEquals(s * xn[0] + c * xn[1] + dy, yn[1], 1e-9);
                assertEquals(0.0, org.foresight.dynamics.model.Angles.wrap(xn[2] + phi - yn[2]), 1e-9);
                assertEquals(xn[3], yn[3], 1e-12);
                assertEquals(xn[4], yn[4], 1e-12);
            }
        }
    }

    @Test
    void stepBatchEqualsStepBitForBit() {
        SplittableRandom r = new SplittableRandom(13);
        int count = 37;
        for (BodyFrameModel m : models()) {
            double[] xs = new double[5 * count];
            double[] us = new double[2 * count];
            double[][] single = new double[count][];
            double[][] ctrl = new double[count][];
            for (int k = 0; k < count; k++) {
                single[k] = randomState(r);
                ctrl[k] = randomControl(r);
                for (int i = 0; i < 5; i++) {
                    xs[i * count + k] = single[k][i];
                }
                for (int j = 0; j < 2; j++) {
                    us[j * count + k] = ctrl[k][j];
                }
            }
            double[] out = new double[5 * count];
            Arrays.fill(out, Double.NaN);
            m.stepBatch(xs, us, count, DT, out);
            double[] xn = new double[5];
            for (int k = 0; k < count; k++) {
                m.step(single[k], ctrl[k], DT, xn);
                for (int i = 0; i < 5; i++) {
                    assertEquals(xn[i], out[i * count + k], 0.0, m.describe() + " sample " + k + " channel " + i);
                }
            }
        }
    }

    @Test
    void steppingAtAnotherPeriodIsRejected() {
        BodyFrameModel m = Models.richLinear(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.step(new double[5], new double[2], 0.1, new double[5]));
        assertTrue(e.getMessage().contains("0.05") && e.getMessage().contains("0.1"), e.getMessage());
    }

    @Test
    void ensembleSpreadIsZeroForIdenticalMembersAndPositiveOtherwise() {
        double[] x = {1, 2, 0.3, 0.8, 0.5};
        double[] u = {1.2, -0.7};
        double[] mean = new double[5];
        double[] std = new double[5];
        new EnsembleModel(List.of(Models.richLinear(5), Models.richLinear(5))).stepWithSpread(x, u, DT, mean, std);
        for (double s : std) {
            assertEquals(0.0, s, 0.0);
        }
        EnsembleModel e = new EnsembleModel(List.of(Models.richLinear(5), Models.richLinear(6)));
        e.stepWithSpread(x, u, DT, mean, std);
        double[] a = new double[5];
        double[] b = new double[5];
        e.members().get(0).step(x, u, DT, a);
        e.members().get(1).step(x, u, DT, b);
        for (int i = 0; i < 5; i++) {
            assertEquals(Math.abs(a[i] - b[i]) / 2, std[i], 1e-12, "channel " + i);
            assertEquals((a[i] + b[i]) / 2, mean[i], 1e-12, "channel " + i);
        }
    }

    @Test
    void linearStepStaysWithinTheFlopBudget() {
        // the default library with all its terms, as ridge would fit it
        assertTrue(Models.richLinear(1).flopsPerStep() <= 110, "rich library: " + Models.richLinear(1).flopsPerStep());
    }
}
