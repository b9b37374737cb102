package org.foresight.worldmodel.fit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.EpisodeSplit;
import org.foresight.worldmodel.eval.Evaluator;
import org.foresight.worldmodel.eval.NominalUnicycle;
import org.foresight.worldmodel.eval.WindowMetrics;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.model.LinearFeatureModel;
import org.foresight.worldmodel.testutil.JackalData;
import org.junit.jupiter.api.Test;

/**
 * A robot the default library was not tuned for: lower velocity limits than the collector commands (so
 * commands are clamped), a 3 m/s² acceleration limit that caps most speed changes, a slower lag and three
 * times the slip. The fitted linear model must find the limits from the logs alone and reach the issue's
 * drift targets on held-out episodes.
 *
 * <p>v and ω fit are held against the <em>ground-truth</em> model (the simulator's own noise-free dynamics
 * with the hidden parameters, stepped from the same measured states): process noise alone keeps that
 * oracle's v fit near 93 % on this robot (its v range is small next to the noise the simulator injects),
 * so no model can reach 95 % in v here; the learned model must be as good as the truth within
 * {@value #ORACLE_MARGIN_PERCENT} points.
 */
class UnseenRobotTest {
    private static final double ORACLE_MARGIN_PERCENT = 0.5;
    private static final double LIMIT_TOL = 0.05;

    private static final JackalParams EXTREME = JackalParams.defaults().withTauV(0.2).withMaxV(1.5).withMaxOmega(3)
            .withMaxAccel(3).withMaxAlpha(8).withYawSlip(0.3).withLongSlip(0.15).withLateralSlip(0.03);

    @Test
    void linearModelFindsTheClampedLimitsAndMeetsTheTargetsOnAnExtremeRobot() {
        List<Episode> all = JackalData.episodes(12, 30, 3, EXTREME);
        EpisodeSplit split = EpisodeSplit.split(all, 0.25, 3);
        LinearFeatureModel m = LinearFitter.fitRidge(split.train(), FeatureLibrary.defaults(), 1e-8);

        WindowMetrics w = Evaluator.evaluate(m, split.validation()).window("2.8s");
        WindowMetrics wu = Evaluator.evaluate(new NominalUnicycle(), split.validation()).window("2.8s");
        WindowMetrics wt = Evaluator.evaluate(new JackalDiffDrive(EXTREME.withoutNoise()), split.validation()).window("2.8s");
        String msg = "fit v " + w.fit("v") + " % (truth " + wt.fit("v") + "), omega " + w.fit("omega") + " % (truth "
                + wt.fit("omega") + "), drift " + w.driftMedian() + " m vs unicycle " + wu.driftMedian() + " m; library "
                + m.library().inputs();
        assertAll(
                () -> assertEquals(EXTREME.maxV(), m.library().commandLimit(Inputs.CMD_V), LIMIT_TOL, msg),
                () -> assertEquals(EXTREME.maxOmega(), m.library().commandLimit(Inputs.CMD_OMEGA), LIMIT_TOL, msg),
                () -> assertTrue(w.fit("v") >= wt.fit("v") - ORACLE_MARGIN_PERCENT, msg),
                () -> assertTrue(w.fit("omega") >= 95.0, msg),
                () -> assertTrue(w.fit("omega") >= wt.fit("omega") - ORACLE_MARGIN_PERCENT, msg),
                () -> assertTrue(w.driftMedian() <= 0.05, msg),
                () -> assertTrue(5 * w.driftMedian() <= wu.driftMedian(), msg),
                () -> assertTrue(m.flopsPerStep() <= 100, "flops " + m.flopsPerStep()));
    }
}
