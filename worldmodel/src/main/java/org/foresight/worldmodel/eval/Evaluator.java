package org.foresight.worldmodel.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.Resampler;

/**
 * Computes the validation figures of a full-state model (x, y, θ, v, ω) on episodes.
 *
 * <p><b>One-step:</b> x̂ₖ₊₁ = f(xₖ, uₖ) from every measured row; RMSE per channel, heading error wrapped.
 *
 * <p><b>Free run:</b> episodes are cut into consecutive non-overlapping windows of L control periods
 * (a shorter remainder at the end is dropped; "episode" is one window over the whole episode). Each run
 * starts from the measured state at the window's start and is driven by the logged commands only. All
 * predicted samples (steps 1..L) of all windows of one length are pooled per channel:
 * <pre>
 *   fit = 100·(1 − ‖y − ŷ‖ / ‖y − mean(y)‖)   [%],   mean over the pooled samples
 * </pre>
 * The heading is compared unwrapped (continuous along each episode) so a turn through ±π is no error,
 * and the error itself is wrapped. Drift is the position error ‖(x̂, ŷ) − (x, y)‖ at each window's end;
 * its median (and 90th percentile) over windows is reported.
 */
public final class Evaluator {
    /** Window lengths reported, in seconds; "episode" is added after them. */
    public static final double[] WINDOW_SECONDS = {1.0, 2.8};
    /** Report keys of {@link #WINDOW_SECONDS}, then the whole-episode key. */
    public static final List<String> WINDOW_LABELS = List.of("1s", "2.8s", "episode");

    private Evaluator() {
    }

    /**
     * All figures: one-step RMSE and the free runs over 1 s, 2.8 s and whole episodes.
     *
     * @param model    a model with the full state (5 entries), stepped at each episode's dt.
     * @param episodes validation episodes.
     * @return the figures.
     */
    public static ModelMetrics evaluate(DynamicsModel model, List<Episode> episodes) {
        checkModel(model);
        if (episodes.isEmpty()) {
            throw new IllegalArgumentException("no validation episodes");
        }
        double dt = episodes.get(0).dt();
        List<WindowMetrics> runs = new ArrayList<>();
        for (int i = 0; i < WINDOW_SECONDS.length; i++) {
            int steps = (int) Math.round(WINDOW_SECONDS[i] / dt);
            runs.add(freeRun(model, episodes, steps, WINDOW_LABELS.get(i)));
        }
        runs.add(freeRun(model, episodes, 0, WINDOW_LABELS.get(WINDOW_SECONDS.length)));
        return new ModelMetrics(oneStepRmse(model, episodes), runs);
    }

    /**
     * One-step RMSE per channel.
     *
     * @param model    full-state model.
     * @param episodes episodes.
     * @return RMSE per channel in {@link StateIndex} order (m, m, rad, m/s, rad/s).
     */
    public static double[] oneStepRmse(DynamicsModel model, List<Episode> episodes) {
        checkModel(model);
        int n = StateIndex.FULL_DIM;
        double[] sse = new double[n];
        long count = 0;
        double[] x = new double[n];
        double[] u = new double[ControlIndex.DIM];
        double[] xn = new double[n];
        double[] meas = new double[n];
        for (Episode e : episodes) {
            for (int k = 0; k + 1 < e.length(); k++) {
                e.stateAt(k, x);
                e.controlAt(k, u);
                model.step(x, u, e.dt(), xn);
                e.stateAt(k + 1, meas);
                for (int i = 0; i < n; i++) {
                    double err = i == StateIndex.THETA ? Angles.wrap(xn[i] - meas[i]) : xn[i] - meas[i];
                    sse[i] += err * err;
                }
                count++;
            }
        }
        double[] rmse = new double[n];
        for (int i = 0; i < n; i++) {
            rmse[i] = Math.sqrt(sse[i] / Math.max(1, count));
        }
        return rmse;
    }

    /**
     * Free-run figures for one window length.
     *
     * @param model    full-state model.
     * @param episodes episodes.
     * @param steps    window length in control periods, ≥ 1; 0 for one window per whole episode.
     * @param label    report key.
     * @return the pooled figures (fit NaN for a channel with no variance or no windows).
     */
    public static WindowMetrics freeRun(DynamicsModel model, List<Episode> episodes, int steps, String label) {
        checkModel(model);
        int n = StateIndex.FULL_DIM;
        double[] sse = new double[n];
        // Welford accumulators of the measured values per channel
        double[] mean = new double[n];
        double[] m2 = new double[n];
        long count = 0;
        List<Double> drifts = new ArrayList<>();
        double[] x = new double[n];
        double[] xn = new double[n];
        double[] u = new double[ControlIndex.DIM];
        for (Episode e : episodes) {
            double[] thetaU = Resampler.unwrap(e.state(StateIndex.THETA));
            int len = steps == 0 ? e.length() - 1 : steps;
            if (len < 1) {
                continue;
            }
            for (int s = 0; s + len <= e.length() - 1; s += len) {
                e.stateAt(s, x);
                double thetaPred = thetaU[s];
                for (int k = 1; k <= len; k++) {
                    e.controlAt(s + k - 1, u);
                    model.step(x, u, e.dt(), xn);
                    thetaPred += Angles.wrap(xn[StateIndex.THETA] - x[StateIndex.THETA]);
                    System.arraycopy(xn, 0, x, 0, n);
                    count++;
                    for (int i = 0; i < n; i++) {
                        double meas = i == StateIndex.THETA ? thetaU[s + k] : e.state(i)[s + k];
                        double pred = i == StateIndex.THETA ? thetaPred : x[i];
                        double err = pred - meas;
                        sse[i] += err * err;
                        double delta = meas - mean[i];
                        mean[i] += delta / count;
                        m2[i] += delta * (meas - mean[i]);
                    }
                }
                int end = s + len;
                drifts.add(Math.hypot(x[StateIndex.X] - e.state(StateIndex.X)[end], x[StateIndex.Y] - e.state(StateIndex.Y)[end]));
            }
        }
        double[] fit = new double[n];
        for (int i = 0; i < n; i++) {
            fit[i] = count == 0 || m2[i] <= 0 ? Double.NaN : 100.0 * (1.0 - Math.sqrt(sse[i]) / Math.sqrt(m2[i]));
        }
        double[] d = new double[drifts.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = drifts.get(i);
        }
        Arrays.sort(d);
        return new WindowMetrics(label, steps, d.length, fit, quantile(d, 0.5), quantile(d, 0.9));
    }

    /** Linear-interpolated quantile of sorted values; NaN if empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void checkModel(DynamicsModel model) {
        if (model.stateDim() != StateIndex.FULL_DIM) {
            throw new IllegalArgumentException("validation needs a full-state model (x, y, theta, v, omega); "
                    + model.describe() + " has " + model.stateDim() + " states (wrap pose-only models in NominalUnicycle)");
        }
    }
}
