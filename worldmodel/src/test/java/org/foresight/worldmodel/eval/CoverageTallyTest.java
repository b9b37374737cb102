package org.foresight.worldmodel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.fit.EnsembleFitter;
import org.foresight.worldmodel.fit.MlpConfig;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.EnsembleModel;
import org.foresight.worldmodel.testutil.JackalData;
import org.junit.jupiter.api.Test;

/**
 * Coverage of ±2σ on Gaussian toys (95.4 % when σ is the true spread, 68.3 % when it is half of it) and the
 * calibration of a real ensemble: zero spread when its members are one model.
 */
class CoverageTallyTest {
    /** Binomial standard error of a 95 % share over 40 000 draws is 0.1 %; 0.6 points is six of them. */
    private static final double POINTS = 0.6;

    private static CoverageTally gaussian(double sigmaScale) {
        CoverageTally t = new CoverageTally(2, 3, 2.0);
        SplittableRandom r = new SplittableRandom(17);
        for (int k = 0; k < 40_000; k++) {
            for (int h = 0; h < 3; h++) {
                for (int c = 0; c < 2; c++) {
                    double sigma = 0.01 + 3 * r.nextDouble(); // heteroscedastic: σ differs per draw
                    t.add(c, h, sigma * r.nextGaussian(), sigmaScale * sigma);
                }
            }
        }
        return t;
    }

    @Test
    void calibratedGaussianSpreadCovers95Percent() {
        CoverageTally t = gaussian(1.0);
        for (int h = 0; h < 3; h++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(95.45, t.coveragePercent(c, h), POINTS, "channel " + c + " horizon " + h);
                assertEquals(t.errorRms(c, h), t.sigmaRms(c, h), 0.02 * t.sigmaRms(c, h));
                assertEquals(40_000, t.count(c, h));
            }
        }
    }

    @Test
    void overconfidentSpreadCoversLess() {
        CoverageTally t = gaussian(0.5); // ±2·(σ/2) = ±1σ
        for (int h = 0; h < 3; h++) {
            assertEquals(68.27, t.coveragePercent(0, h), POINTS);
        }
        CoverageTally wide = gaussian(2.0); // ±4σ
        assertTrue(wide.coveragePercent(1, 2) > 99.9);
    }

    @Test
    void nonFiniteDrawsAreIgnoredAndAnEmptyCellIsNaN() {
        CoverageTally t = new CoverageTally(1, 1, 2.0);
        assertTrue(Double.isNaN(t.coveragePercent(0, 0)));
        t.add(0, 0, Double.NaN, 1.0);
        t.add(0, 0, 0.5, Double.POSITIVE_INFINITY);
        assertEquals(0, t.count(0, 0));
    }

    @Test
    void anEnsembleOfOneModelRepeatedHasNoSpreadAndCoversOnlyExactHits() {
        List<Episode> eps = JackalData.episodes(3, 12, 5, JackalParams.defaults());
        EnsembleModel fitted = EnsembleFitter.fit(eps, "linear", 3, FeatureLibrary.defaults(), 1e-6,
                MlpConfig.defaults(), 1);
        BodyFrameModel one = fitted.members().get(0);
        CoverageTally same = SpreadCalibration.evaluate(new EnsembleModel(List.of(one, one, one)), eps);
        CoverageTally boot = SpreadCalibration.evaluate(fitted, eps);
        for (int h = 0; h < same.horizons(); h++) {
            assertEquals(0.0, same.sigmaRms(StateIndex.X, h), 1e-12);
            assertEquals(0.0, same.coveragePercent(StateIndex.V, h), 1e-9); // measured v carries noise: never exact
            assertTrue(boot.sigmaRms(StateIndex.X, h) > 0.0, "bootstrap members disagree");
        }
        // spread grows along the horizon
        assertTrue(boot.sigmaRms(StateIndex.X, 3) > boot.sigmaRms(StateIndex.X, 0));
    }
}
