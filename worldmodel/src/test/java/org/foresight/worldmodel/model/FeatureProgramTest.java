package org.foresight.worldmodel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.features.Term;
import org.foresight.worldmodel.testutil.Models;
import org.junit.jupiter.api.Test;

/**
 * The compiled feature program of the learned models' step: the same predictions as
 * the plain definition (Σ coef·Π atoms with Math.sin/cos) to 1e-12, and block evaluation over batches
 * larger than one block equal to {@code step} bit for bit.
 */
class FeatureProgramTest {
    private static final double DT = 0.05;

    /** The rich test model plus terms of 4 and 5 factors (the general product path) and a constant. */
    private static LinearFeatureModel longTerms(long seed) {
        FeatureLibrary lib = FeatureLibrary.parse(Map.of(
                FeatureLibrary.INPUTS_KEY, List.of("sat(cmd_v,1.5)"),
                "d_forward", List.of("1", "v", "dv^5", "v*omega^2*|cmd_v|"),
                "d_lateral", List.of("v*omega", "cmd_v*cmd_omega^3"),
                "d_theta", List.of("omega", "sat(domega,1.5)*|domega|*omega*v"),
                "d_v", List.of("dv", "sat(cmd_v,1.2)", "|cmd_omega|*v"),
                "d_omega", List.of("domega", "|v|*|omega|*|dv|")));
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[BodyDelta.DIM][];
        for (int o = 0; o < BodyDelta.DIM; o++) {
            w[o] = new double[lib.terms(o).size()];
            for (int j = 0; j < w[o].length; j++) {
                w[o][j] = 0.05 * (2 * r.nextDouble() - 1);
            }
        }
        return new LinearFeatureModel("linear", DT, lib, w);
    }

    private static List<LinearFeatureModel> models() {
        return List.of(Models.richLinear(7), longTerms(8));
    }

    @Test
    void stepMatchesTheDefinitionTo1e12() {
        SplittableRandom r = new SplittableRandom(2);
        double[] xn = new double[5];
        for (LinearFeatureModel m : models()) {
            FeatureLibrary lib = m.library();
            double lv = lib.commandLimit(Inputs.CMD_V);
            double lw = lib.commandLimit(Inputs.CMD_OMEGA);
            for (int trial = 0; trial < 2000; trial++) {
                double[] x = {20 * r.nextDouble() - 10, 20 * r.nextDouble() - 10, 7 * r.nextDouble() - 3.5,
                    4 * r.nextDouble() - 2, 8 * r.nextDouble() - 4};
                double[] u = {4 * r.nextDouble() - 2, 8 * r.nextDouble() - 4};
                double cv = Math.max(-lv, Math.min(lv, u[0]));
                double cw = Math.max(-lw, Math.min(lw, u[1]));
                double[] d = new double[5];
                for (int o = 0; o < 5; o++) {
                    double[] w = m.coefficients(o);
                    List<Term> terms = lib.terms(o);
                    for (int j = 0; j < w.length; j++) {
                        d[o] += w[j] * terms.get(j).value(x[3], x[4], cv, cw);
                    }
                }
                double c = Math.cos(x[2]);
                double s = Math.sin(x[2]);
                double[] want = {x[0] + c * d[0] - s * d[1], x[1] + s * d[0] + c * d[1], Angles.wrap(x[2] + d[2]),
                    x[3] + d[3], x[4] + d[4]};
                m.step(x, u, DT, xn);
                for (int i = 0; i < 5; i++) {
                    double diff = i == StateIndex.THETA ? Angles.wrap(want[i] - xn[i]) : want[i] - xn[i];
                    assertEquals(0.0, diff, 1e-12 * Math.max(1, Math.abs(want[i])),
                            m.describe() + " channel " + i + " at " + Arrays.toString(x) + " " + Arrays.toString(u));
                }
            }
        }
    }

    @Test
    void stepBatchOverSeveralBlocksEqualsStepBitForBit() {
        SplittableRandom r = new SplittableRandom(3);
        for (LinearFeatureModel m : models()) {
            for (int count : new int[] {1, FeatureProgram.BLOCK, 2 * FeatureProgram.BLOCK + 13}) {
                double[] xs = new double[5 * count];
                double[] us = new double[2 * count];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = 6 * r.nextDouble() - 3;
                }
                for (int i = 0; i < us.length; i++) {
                    us[i] = 8 * r.nextDouble() - 4;
                }
                double[] out = new double[5 * count];
                Arrays.fill(out, Double.NaN);
                m.stepBatch(xs, us, count, DT, out);
                double[] x = new double[5];
                double[] u = new double[2];
                double[] xn = new double[5];
                for (int k = 0; k < count; k++) {
                    for (int i = 0; i < 5; i++) {
                        x[i] = xs[i * count + k];
                    }
                    u[0] = us[k];
                    u[1] = us[count + k];
                    m.step(x, u, DT, xn);
                    for (int i = 0; i < 5; i++) {
                        assertEquals(xn[i], out[i * count + k], 0.0, m.describe() + " count " + count + " sample " + k + " channel " + i);
                    }
                }
            }
        }
    }
}
