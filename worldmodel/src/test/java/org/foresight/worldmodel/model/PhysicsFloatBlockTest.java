package org.foresight.worldmodel.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.foresight.worldmodel.testutil.FloatBlockCheck;
import org.foresight.worldmodel.testutil.Models;
import org.junit.jupiter.api.Test;

/**
 * The physics model's float block ({@link PhysicsModel#newFloatBlock}, {@link PhysicsFloatBlock}) against its double
 * {@link PhysicsModel#bodyDelta}: equal to float rounding, over inputs that reach every clamp, with small random
 * coefficients and with coefficients of a fitted robot's size (lags near 1, every clamp finite or one at +∞).
 */
class PhysicsFloatBlockTest {

    @Test
    void floatBlockIsTheDoubleModelToFloatRounding() {
        for (long seed = 1; seed <= 4; seed++) {
            check(Models.randomPhysics(seed), seed, 2e-6);
        }
        SplittableRandom r = new SplittableRandom(7);
        PhysicsParams[] constants = {
            new PhysicsParams(1.32, Double.POSITIVE_INFINITY, 2.3, 2.74, 0.41, 1.99, 0.66, 0.15),
            new PhysicsParams(2.0, 4.0, 0.26, 0.46, 0.43, 2.0, 0.44, 0.0),
        };
        for (PhysicsParams p : constants) {
            double[][] coef = new double[BodyDelta.DIM][];
            for (int o = 0; o < BodyDelta.DIM; o++) {
                coef[o] = new double[PhysicsFeatures.NAMES.get(o).size()];
                for (int j = 0; j < coef[o].length; j++) {
                    coef[o][j] = 1.2 * (2 * r.nextDouble() - 1);
                }
            }
            // terms up to 1.2·v·ω² ≈ 48 sum to a small d: float rounding of the terms, not of d
            check(new PhysicsModel(0.05, p, coef), 11, 1e-5);
        }
    }

    private static void check(PhysicsModel model, long seed, double bound) {
        double worst = FloatBlockCheck.worstRelativeError(model, seed);
        System.out.printf("%s: float block within %.1e of the double model (relative)%n", model.describe(), worst);
        assertTrue(worst < bound, model.describe() + ": float block differs by " + worst);
    }
}
