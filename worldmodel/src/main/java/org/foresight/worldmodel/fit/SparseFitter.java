package org.foresight.worldmodel.fit;

import java.util.ArrayList;
import java.util.List;

import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.EpisodeSplit;
import org.foresight.worldmodel.data.Transitions;
import org.foresight.worldmodel.eval.Evaluator;
import org.foresight.worldmodel.eval.WindowMetrics;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.LinearFeatureModel;

/**
 * Sparse regression with the threshold chosen on validation data. The training episodes are split again
 * (by episode, {@link #INNER_HOLDOUT}); for each candidate threshold an STLSQ model is fitted on the inner
 * training part and run free over {@link #SCORE_WINDOW_SECONDS} s windows of the inner validation part, scored
 * <pre>
 *   score = (1 − fit_v/100) + (1 − fit_ω/100) + median drift / mean distance travelled per window
 * </pre>
 * The largest threshold (sparsest model) whose score is within {@link #SCORE_TOLERANCE} (relative) of the
 * best wins, and the model is refitted on all training episodes with it. The outer held-out episodes are
 * never touched. With a single training episode the inner split is impossible and the threshold is scored
 * on the training episode itself.
 */
public final class SparseFitter {
    /** Candidate thresholds (relative coefficient size, dimensionless). */
    public static final double[] THRESHOLDS = {0.0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1};
    /** Share of the training episodes held out for the threshold choice. */
    public static final double INNER_HOLDOUT = 0.25;
    /** Free-run window used for scoring [s]. */
    public static final double SCORE_WINDOW_SECONDS = 2.8;
    /** Relative score slack within which the sparser model is preferred. */
    public static final double SCORE_TOLERANCE = 0.02;

    /**
     * The outcome of a sparse fit.
     *
     * @param model     the refitted sparse model.
     * @param threshold the chosen threshold.
     * @param scores    the validation score of each of {@link #THRESHOLDS}, same order.
     */
    public record Result(LinearFeatureModel model, double threshold, List<Double> scores) {
        /** Copies the list. */
        public Result {
            scores = List.copyOf(scores);
        }
    }

    private SparseFitter() {
    }

    /**
     * Chooses the threshold and fits.
     *
     * @param train   training episodes.
     * @param library candidate features.
     * @param lambda  relative ridge weight.
     * @param seed    seed of the inner split.
     * @return model, chosen threshold and scores.
     */
    public static Result fit(List<Episode> train, FeatureLibrary library, double lambda, long seed) {
        double dt = LinearFitter.dt(train);
        List<Episode> innerTrain;
        List<Episode> innerVal;
        if (train.size() >= 2) {
            EpisodeSplit inner = EpisodeSplit.split(train, INNER_HOLDOUT, seed ^ 0x5DEECE66DL);
            innerTrain = inner.train();
            innerVal = inner.validation();
        } else {
            innerTrain = train;
            innerVal = train;
        }
        // levels are chosen once, on all training pairs, by one-step residual; the threshold search reuses them
        Transitions allData = new Transitions(train);
        FeatureLibrary innerLib = LinearFitter.resolveKnots(allData, library, lambda);
        Transitions innerData = innerTrain == train ? allData : new Transitions(innerTrain);
        int steps = (int) Math.round(SCORE_WINDOW_SECONDS / dt);
        double distance = meanDistance(innerVal, steps);
        List<Double> scores = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        LeastSquaresFactor[] innerDesign = factors(innerData, innerLib);
        for (double th : THRESHOLDS) {
            LinearFeatureModel m = sparseOn(innerDesign, innerLib, lambda, th, dt);
            WindowMetrics wm = Evaluator.freeRun(m, innerVal, steps, "score");
            double score = (1 - wm.fitPercent()[StateIndex.V] / 100) + (1 - wm.fitPercent()[StateIndex.OMEGA] / 100)
                    + wm.driftMedian() / Math.max(distance, 1e-6);
            if (!Double.isFinite(score)) {
                score = Double.POSITIVE_INFINITY;
            }
            scores.add(score);
            best = Math.min(best, score);
        }
        double chosen = THRESHOLDS[0];
        for (int i = 0; i < THRESHOLDS.length; i++) {
            if (scores.get(i) <= best * (1 + SCORE_TOLERANCE) + 1e-12) {
                chosen = THRESHOLDS[i];
            }
        }
        LeastSquaresFactor[] design = innerData == allData ? innerDesign : factors(allData, innerLib);
        LinearFeatureModel model = sparseOn(design, innerLib, lambda, chosen, dt);
        return new Result(model, chosen, scores);
    }

    /** One QR per output, reused by every threshold's STLSQ rounds. */
    private static LeastSquaresFactor[] factors(Transitions data, FeatureLibrary lib) {
        LeastSquaresFactor[] out = new LeastSquaresFactor[BodyDelta.DIM];
        for (int r = 0; r < BodyDelta.DIM; r++) {
            out[r] = new LeastSquaresFactor(LinearFitter.columns(lib, r, data), data.target(r));
        }
        return out;
    }

    private static LinearFeatureModel sparseOn(LeastSquaresFactor[] design, FeatureLibrary lib, double lambda,
                                               double threshold, double dt) {
        double[][] w = new double[BodyDelta.DIM][];
        for (int r = 0; r < BodyDelta.DIM; r++) {
            w[r] = SparseRegression.fit(design[r], lambda, threshold);
        }
        return new LinearFeatureModel("sparse", dt, lib, w);
    }

    /** Mean path length of the windows [m]: Σ|v|·dt over each window, averaged. */
    private static double meanDistance(List<Episode> episodes, int steps) {
        double total = 0;
        int windows = 0;
        for (Episode e : episodes) {
            double[] v = e.state(StateIndex.V);
            for (int s = 0; s + steps <= e.length() - 1; s += steps) {
                for (int k = s; k < s + steps; k++) {
                    total += Math.abs(v[k]) * e.dt();
                }
                windows++;
            }
        }
        return windows == 0 ? 0 : total / windows;
    }
}
