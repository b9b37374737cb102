package org.foresight.worldmodel.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.testutil.FloatBlockCheck;
import org.foresight.worldmodel.testutil.Models;
import org.junit.jupiter.api.Test;

/**
 * The float block of a {@link LinearFeatureModel} ({@link LinearFeatureModel#newFloatBlock}) against its double
 * {@link LinearFeatureModel#bodyDelta}, sample by sample, over inputs that reach every clamp: equal to float
 * rounding, for every atom kind and for terms of one to four factors.
 */
class FloatFeatureBlockTest {
    @Test
    void floatBlockIsTheDoubleProgramToFloatRounding() {
        for (long seed = 1; seed <= 4; seed++) {
            check(Models.richLinear(seed), seed);
        }
        // terms of four factors take the block's general path
        FeatureLibrary lib = FeatureLibrary.parse(Map.of(
                FeatureLibrary.INPUTS_KEY, List.of("sat(cmd_v,1.5)"),
                "d_forward", List.of("v", "v*omega^3"),
                "d_lateral", List.of("v*omega"),
                "d_theta", List.of("omega", "|dv|*|domega|*cmd_v*omega"),
                "d_v", List.of("dv"),
                "d_omega", List.of("domega", "sat(cmd_omega,2)")));
        double[][] w = {{0.05, -0.001}, {0.0004}, {0.05, 0.002}, {0.3}, {0.4, 0.01}};
        check(new LinearFeatureModel("linear", 0.05, lib, w), 9);
    }

    /**
     * The default library's terms take the straight-line block ({@link DefaultTermsBlock}), with every term or with some
     * left out (as a sparse fit does), and agree with the double program and with the interpreted block.
     */
    @Test
    void defaultLibraryTakesTheStraightLineBlock() {
        FeatureLibrary lib = FeatureLibrary.parse(Map.of(
                FeatureLibrary.INPUTS_KEY, List.of("sat(cmd_v,2.0)", "sat(cmd_omega,4.0)"),
                "d_forward", List.of("v", "cmd_v", "v*omega^2", "sat(dv,2.25)"),
                "d_lateral", List.of("v*omega", "cmd_v*cmd_omega"),
                "d_theta", List.of("omega", "cmd_omega", "omega*|omega|", "sat(domega,2.6)"),
                "d_v", List.of("dv", "sat(dv,2.49)", "v*omega^2"),
                "d_omega", List.of("domega", "sat(domega,2.68)", "omega*|omega|")));
        double[][] full = {{0.049, 7.7e-4, -1.6e-4, 0.0097}, {4.7e-4, 7.7e-5}, {0.0507, -9.3e-4, -0.0018, 0.0121},
            {0.024, 0.369, -3.6e-6}, {0.0041, 0.457, 4.4e-5}};
        double[][] sparse = {{0.049, 0, 0, 0.0097}, {4.7e-4, 0}, {0.0507, 0, -0.0018, 0}, {0, 0.369, 0}, {0.0041, 0.457, 0}};
        for (double[][] w : new double[][][] {full, sparse}) {
            LinearFeatureModel m = new LinearFeatureModel("linear", 0.05, lib, w);
            assertTrue(m.newFloatBlock() instanceof DefaultTermsBlock, "the default terms take the straight-line block");
            check(m, 21);
        }
        assertTrue(Models.richLinear(1).newFloatBlock() instanceof FloatFeatureBlock, "other terms are interpreted");
    }

    private static void check(LinearFeatureModel model, long seed) {
        double worst = FloatBlockCheck.worstRelativeError(model, seed);
        System.out.printf("%s: float block within %.1e of the double program (relative)%n", model.describe(), worst);
        assertTrue(worst < 2e-6, model.describe() + ": float block differs by " + worst);
    }
}
