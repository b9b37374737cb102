package org.foresight.worldmodel.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.foresight.dynamics.model.JackalParams;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.eval.Evaluator;
import org.foresight.worldmodel.eval.NominalUnicycle;
import org.foresight.worldmodel.eval.WindowMetrics;
import org.foresight.worldmodel.model.MlpModel;
import org.foresight.worldmodel.testutil.JackalData;
import org.junit.jupiter.api.Test;

class MlpTrainerTest {
    private static final MlpConfig SMALL = new MlpConfig(16, 2, 60_000, 60_000, 10, 64, 3e-3, 2);

    @Test
    void sameSeedGivesIdenticalWeightsWhateverTheThreadCount() {
        List<Episode> eps = JackalData.episodes(3, 10, 1, JackalParams.defaults());
        MlpModel a = MlpTrainer.train(eps, SMALL, 42);
        MlpModel b = MlpTrainer.train(eps, new MlpConfig(16, 2, 60_000, 60_000, 10, 64, 3e-3, 1), 42);
        assertArrayEquals(a.params(), b.params(), 0.0);
    }

    @Test
    void trainedNetworkBeatsTheUnicycleOnHeldOutEpisodes() {
        // 30 s episodes: the collector's first 6 s are pilot steps, so shorter ones leave too little varied data
        List<Episode> train = JackalData.episodes(4, 30, 2, JackalParams.defaults());
        List<Episode> val = JackalData.episodes(2, 20, 99, JackalParams.defaults());
        MlpModel m = MlpTrainer.train(train, SMALL.withBudget(100_000), 1);
        WindowMetrics w = Evaluator.evaluate(m, val).window("2.8s");
        WindowMetrics u = Evaluator.evaluate(new NominalUnicycle(), val).window("2.8s");
        assertTrue(w.fit("v") > 85 && w.fit("omega") > 85, "fit v " + w.fit("v") + " omega " + w.fit("omega"));
        assertTrue(2 * w.driftMedian() < u.driftMedian(), "drift " + w.driftMedian() + " vs " + u.driftMedian());
    }
}
