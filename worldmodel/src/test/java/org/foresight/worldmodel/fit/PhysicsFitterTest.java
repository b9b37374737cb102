package org.foresight.worldmodel.fit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.EpisodeSplit;
import org.foresight.worldmodel.eval.Evaluator;
import org.foresight.worldmodel.eval.WindowMetrics;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.PhysicsModel;
import org.foresight.worldmodel.model.PhysicsParams;
import org.junit.jupiter.api.Test;

/**
 * The physics kind on a known synthetic system: a {@link PhysicsModel} with hand-set, physically plausible
 * coefficients (lags, slip, a widening centre of rotation) and clamps that bite, driven by random held
 * commands without noise. At the true constants the fit must return the true coefficients; with the
 * constants searched, the fitted model must reproduce held-out free runs.
 */
class PhysicsFitterTest {
    private static final double DT = 0.05;
    /** Coefficient recovery at the true constants: noise-free data, plain least squares. */
    private static final double COEF_TOL = 1e-7;

    static final PhysicsParams TRUE_PARAMS = new PhysicsParams(1.6, 3.0, 0.4, 0.6, 0.43, 1.8,
            0.5, 0.15);

    /** Coefficients per output in BodyDelta order (d_forward, d_lateral, d_theta, d_v, d_omega). */
    static final double[][] TRUE_COEF = {
            {0.025, 0.025, -0.0005, -0.0005},
            {0.001, 0.001},
            {0.025, 0.025, -0.0004, -0.0004},
            {0.1, 0.12, 0.05, 0.1, -0.002},
            {0.08, 0.1, 0.06, 0.1, -0.001},
    };

    static PhysicsModel truth() {
        return new PhysicsModel(DT, TRUE_PARAMS, TRUE_COEF);
    }

    /** Episodes of the noise-free synthetic robot under random commands held 0.2–1 s, |cmd_v| ≤ 2.2, |cmd_ω| ≤ 5. */
    static List<Episode> episodes(int count, int rows, long seed) {
        PhysicsModel m = truth();
        SplittableRandom r = new SplittableRandom(seed);
        List<Episode> out = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            double[][] s = new double[StateIndex.FULL_DIM][rows];
            double[][] u = new double[ControlIndex.DIM][rows];
            double[] x = new double[StateIndex.FULL_DIM];
            double[] xn = new double[StateIndex.FULL_DIM];
            double[] cmd = new double[ControlIndex.DIM];
            int hold = 0;
            for (int k = 0; k < rows; k++) {
                if (hold-- <= 0) {
                    cmd[ControlIndex.V] = 4.4 * r.nextDouble() - 2.2;
                    cmd[ControlIndex.OMEGA] = 10 * r.nextDouble() - 5;
                    hold = 4 + r.nextInt(16);
                }
                for (int i = 0; i < x.length; i++) {
                    s[i][k] = x[i];
                }
                u[ControlIndex.V][k] = cmd[ControlIndex.V];
                u[ControlIndex.OMEGA][k] = cmd[ControlIndex.OMEGA];
                m.step(x, cmd, DT, xn);
                System.arraycopy(xn, 0, x, 0, x.length);
            }
            out.add(new Episode("synthetic-" + e, DT, s, u));
        }
        return out;
    }

    @Test
    void atTheTrueConstantsTheFitReturnsTheTrueCoefficients() {
        PhysicsModel fitted = PhysicsFitter.fitAt(episodes(6, 400, 1), TRUE_PARAMS, 0.0);
        for (int r = 0; r < BodyDelta.DIM; r++) {
            double[] c = fitted.coefficients(r);
            for (int j = 0; j < c.length; j++) {
                assertEquals(TRUE_COEF[r][j], c[j], COEF_TOL, BodyDelta.NAMES.get(r) + " coefficient " + j);
            }
        }
    }

    @Test
    void withSearchedConstantsHeldOutFreeRunsAreReproduced() {
        List<Episode> all = episodes(10, 400, 2);
        EpisodeSplit split = EpisodeSplit.split(all, 0.2, 2);
        PhysicsFitter.Result res = PhysicsFitter.fit(split.train(), 1e-8, 2);
        WindowMetrics w = Evaluator.evaluate(res.model(), split.validation()).window("2.8s");
        String msg = "fit v " + w.fit("v") + " %, omega " + w.fit("omega") + " %, drift " + w.driftMedian()
                + " m; constants " + res.details().get("constants");
        assertAll(
                () -> assertTrue(w.fit("v") >= 99.0, msg),
                () -> assertTrue(w.fit("omega") >= 99.0, msg),
                () -> assertTrue(w.driftMedian() <= 0.01, msg),
                () -> assertEquals(TRUE_PARAMS.trackWidth(), res.model().params().trackWidth(), 0.1, msg));
    }

    @Test
    void fitIsDeterministicForASeed() {
        List<Episode> all = episodes(6, 300, 3);
        PhysicsModel a = PhysicsFitter.fit(all, 1e-8, 7).model();
        PhysicsModel b = PhysicsFitter.fit(all, 1e-8, 7).model();
        assertEquals(a.params(), b.params());
        for (int r = 0; r < BodyDelta.DIM; r++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.coefficients(r), b.coefficients(r), 0.0);
        }
    }
}
