package org.foresight.worldmodel.fit;

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

class ExperimentTest {
    @Test
    void experiment() {
        List<Episode> all = JackalData.episodes(20, 30, 1, JackalParams.defaults());
        EpisodeSplit split = EpisodeSplit.split(all, 0.2, 1);
        long t0 = System.nanoTime();
        LinearFeatureModel m = LinearFitter.fitRidge(split.train(), FeatureLibrary.defaults(), 1e-8);
        long t1 = System.nanoTime();
        System.out.println("fit " + (t1 - t0) / 1e6 + " ms " + m.describe() + " " + m.library() + " flops " + m.flopsPerStep());
        for (int r = 0; r < 5; r++) System.out.println(java.util.Arrays.toString(m.coefficients(r)));
        print("model", Evaluator.evaluate(m, split.validation()));
        print("unicycle", Evaluator.evaluate(new NominalUnicycle(), split.validation()));
        SparseFitter.Result s = SparseFitter.fit(split.train(), FeatureLibrary.defaults(), 1e-8, 1);
        System.out.println("sparse th " + s.threshold() + " " + s.scores() + " " + s.model().describe());
        print("sparse", Evaluator.evaluate(s.model(), split.validation()));
    }

    static void print(String name, ModelMetrics mm) {
        System.out.println(name + " 1step " + java.util.Arrays.toString(mm.oneStepRmse()));
        for (WindowMetrics w : mm.freeRun()) {
            System.out.printf("  %s n=%d fit %s drift %.4f p90 %.4f%n", w.label(), w.windows(), java.util.Arrays.toString(w.fitPercent()), w.driftMedian(), w.driftP90());
        }
    }
}
