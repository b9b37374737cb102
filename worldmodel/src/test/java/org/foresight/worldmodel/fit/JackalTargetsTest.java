package org.foresight.worldmodel.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.foresight.dynamics.model.JackalParams;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.EpisodeSplit;
import org.foresight.worldmodel.eval.Evaluator;
import org.foresight.worldmodel.eval.ModelMetrics;
import org.foresight.worldmodel.eval.NominalUnicycle;
import org.foresight.worldmodel.eval.WindowMetrics;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.model.LinearFeatureModel;
import org.foresight.worldmodel.testutil.JackalData;
import org.junit.jupiter.api.Test;

/**
 * The targets on logs of the true Jackal (lag, limits, slip, process and measurement noise), held-out
 * episodes: free-run fit ≥ 95 % for v and ω over 2.8 s, median drift after 2.8 s ≤ 5 cm and ≥ 5× below the
 * unicycle's. Smaller data than the CLI's 20 × 30 s to keep the test quick.
 */
class JackalTargetsTest {

    private static void assertTargets(String what, ModelMetrics m, ModelMetrics u) {
        WindowMetrics w = m.window("2.8s");
        WindowMetrics wu = u.window("2.8s");
        String msg = what + ": fit v " + w.fit("v") + " %, omega " + w.fit("omega") + " %, drift " + w.driftMedian()
                + " m vs unicycle " + wu.driftMedian() + " m";
        assertTrue(w.fit("v") >= 95.0, msg);
        assertTrue(w.fit("omega") >= 95.0, msg);
        assertTrue(w.driftMedian() <= 0.05, msg);
        assertTrue(5 * w.driftMedian() <= wu.driftMedian(), msg);
    }

    @Test
    void sparseModelMeetsTheTargetsOnTheDefaultRobot() {
        List<Episode> all = JackalData.episodes(10, 30, 7, JackalParams.defaults());
        EpisodeSplit split = EpisodeSplit.split(all, 0.3, 7);
        SparseFitter.Result r = SparseFitter.fit(split.train(), FeatureLibrary.defaults(), 1e-8, 7);
        assertTargets("sparse", Evaluator.evaluate(r.model(), split.validation()),
                Evaluator.evaluate(new NominalUnicycle(), split.validation()));
        assertTrue(r.model().flopsPerStep() <= 100, "flops " + r.model().flopsPerStep());
    }

    @Test
    void linearModelMeetsTheTargetsOnARobotWithOtherHiddenParameters() {
        JackalParams other = JackalParams.defaults().withTauV(0.15).withTauOmega(0.12).withYawSlip(0.25)
                .withLongSlip(0.1).withLateralSlip(0.02).withMaxAccel(10).withMaxAlpha(15);
        List<Episode> all = JackalData.episodes(10, 30, 8, other);
        EpisodeSplit split = EpisodeSplit.split(all, 0.3, 8);
        LinearFeatureModel m = LinearFitter.fitRidge(split.train(), FeatureLibrary.defaults(), 1e-8);
        assertTargets("linear, other robot", Evaluator.evaluate(m, split.validation()),
                Evaluator.evaluate(new NominalUnicycle(), split.validation()));
    }
}
