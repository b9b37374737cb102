package org.foresight.worldmodel.testutil;

import java.util.List;
import java.util.SplittableRandom;

import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Term;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.LinearFeatureModel;
import org.foresight.worldmodel.model.MlpModel;
import org.foresight.worldmodel.model.PhysicsFeatures;
import org.foresight.worldmodel.model.PhysicsModel;
import org.foresight.worldmodel.model.PhysicsParams;

/** Small hand-built models for property tests. */
public final class Models {
    private Models() {
    }

    /** A linear model with every atom kind in its library, an input clamp, and random non-zero coefficients. */
    public static LinearFeatureModel richLinear(long seed) {
        FeatureLibrary lib = FeatureLibrary.parse(java.util.Map.of(
                FeatureLibrary.INPUTS_KEY, List.of("sat(cmd_v,1.5)", "sat(cmd_omega,3)"),
                "d_forward", List.of("1", "v", "cmd_v", "v*omega^2", "sat(dv,0.3)", "|cmd_v|*cmd_omega", "sat(cmd_v,1.2)"),
                "d_lateral", List.of("v*omega", "cmd_v*cmd_omega", "|v|*omega"),
                "d_theta", List.of("omega", "cmd_omega", "omega*|omega|", "sat(domega,1.5)", "|domega|*domega"),
                "d_v", List.of("dv", "dv^3", "|dv|", "v*|cmd_omega|"),
                "d_omega", List.of("domega", "sat(domega,2)", "omega*|omega|", "|omega|", "sat(cmd_omega,2.5)*omega")));
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[BodyDelta.DIM][];
        for (int o = 0; o < BodyDelta.DIM; o++) {
            List<Term> t = lib.terms(o);
            w[o] = new double[t.size()];
            for (int j = 0; j < t.size(); j++) {
                w[o][j] = 0.05 * (2 * r.nextDouble() - 1);
            }
        }
        return new LinearFeatureModel("linear", 0.05, lib, w);
    }

    /**
     * A physics model with clamps that bite inside the test ranges (|v| ≤ 2 m/s, |ω| ≤ 4 rad/s), one clamp off
     * (+∞), a yaw loss, and random non-zero coefficients.
     */
    public static PhysicsModel randomPhysics(long seed) {
        PhysicsParams p = new PhysicsParams(1.6, 3.0, 0.4, Double.POSITIVE_INFINITY, 0.43, 1.8, 0.5, 0.15);
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[BodyDelta.DIM][];
        for (int o = 0; o < BodyDelta.DIM; o++) {
            w[o] = new double[PhysicsFeatures.NAMES.get(o).size()];
            for (int j = 0; j < w[o].length; j++) {
                w[o][j] = 0.05 * (2 * r.nextDouble() - 1);
            }
        }
        return new PhysicsModel(0.05, p, w);
    }

    /** An MLP [4, 8, 6, 5] with random weights and non-trivial normalisation. */
    public static MlpModel randomMlp(long seed) {
        int[] sizes = {4, 8, 6, 5};
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[MlpModel.parameterCount(sizes)];
        for (int i = 0; i < p.length; i++) {
            p[i] = 2 * r.nextDouble() - 1;
        }
        return new MlpModel(0.05, sizes, p, new double[] {0.5, 0.1, 0.6, 0.0}, new double[] {0.7, 1.5, 0.8, 1.7},
                new double[] {0.03, 0.0, 0.01, 0.0, 0.0}, new double[] {0.04, 0.002, 0.05, 0.2, 0.4});
    }
}
