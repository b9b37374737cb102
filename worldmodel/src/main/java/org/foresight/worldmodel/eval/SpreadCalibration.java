package org.foresight.worldmodel.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.EnsembleDynamics;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.data.Episode;

/**
 * Is an ensemble's spread calibrated? Free runs along the logged commands, as the planner rolls out: from the
 * measured state at every {@code stride}-th row, the mean model and each member m run on their own for up to
 * the longest horizon, and at each horizon h the truth is compared with the mean model's prediction x̄ and the
 * members' spread about it (the same σ as {@code org.foresight.mpc.mppi.SpreadRollout} measures, per channel):
 * <pre>
 *   σ_i,h = √( (1/M) Σ_m (x_m,i,h − x̄_i,h)² )     e_i,h = x_i,h − x̄_i,h    (heading differences wrapped)
 *   coverage_i,h = share of runs with |e_i,h| ≤ 2·σ_i,h                   (95.4 % if σ were the true Gaussian spread)
 * </pre>
 * Runs that would pass an episode's end are dropped.
 */
public final class SpreadCalibration {
    /** Horizons reported [s]: one period, 0.5 s, 1 s and the planner's 2.8 s. */
    public static final double[] HORIZON_SECONDS = {0.05, 0.5, 1.0, 2.8};
    /** Start rows are this many rows apart (0.5 s at 50 ms): runs overlap, which only correlates them. */
    public static final int STRIDE = 10;
    /** Half-width of the interval in standard deviations. */
    public static final double K_SIGMA = 2.0;

    private SpreadCalibration() {
    }

    /**
     * Tallies coverage at {@link #HORIZON_SECONDS} (rounded to whole periods of the episodes' dt).
     *
     * @param model    a full-state ensemble (x, y, θ, v, ω).
     * @param episodes episodes, all at the model's step.
     * @return the tally, channels in {@link StateIndex} order, horizons in {@link #HORIZON_SECONDS} order.
     */
    public static CoverageTally evaluate(EnsembleDynamics model, List<Episode> episodes) {
        if (model.stateDim() != StateIndex.FULL_DIM) {
            throw new IllegalArgumentException("spread calibration needs a full-state ensemble, got " + model.stateDim() + " states");
        }
        if (episodes.isEmpty()) {
            throw new IllegalArgumentException("no episodes to calibrate the spread on");
        }
        double dt = episodes.get(0).dt();
        int[] steps = steps(dt);
        int longest = steps[steps.length - 1];
        int n = StateIndex.FULL_DIM;
        int members = model.memberCount();
        CoverageTally tally = new CoverageTally(n, steps.length, K_SIGMA);
        // predictions per member and horizon: [m][h][i]; the mean model's [h][i]
        double[][][] mem = new double[members][steps.length][n];
        double[][] mean = new double[steps.length][n];
        double[] x = new double[n];
        double[] xn = new double[n];
        double[] u = new double[ControlIndex.DIM];
        double[] truth = new double[n];
        for (Episode e : episodes) {
            for (int s = 0; s + longest < e.length(); s += STRIDE) {
                run(model, e, s, steps, x, xn, u, mean);
                for (int m = 0; m < members; m++) {
                    run(model.member(m), e, s, steps, x, xn, u, mem[m]);
                }
                for (int h = 0; h < steps.length; h++) {
                    e.stateAt(s + steps[h], truth);
                    for (int i = 0; i < n; i++) {
                        double ss = 0;
                        for (int m = 0; m < members; m++) {
                            double d = diff(i, mem[m][h][i], mean[h][i]);
                            ss += d * d;
                        }
                        tally.add(i, h, diff(i, truth[i], mean[h][i]), Math.sqrt(ss / members));
                    }
                }
            }
        }
        return tally;
    }

    /** @param dt the step [s]. @return {@link #HORIZON_SECONDS} in whole steps (≥ 1). */
    public static int[] steps(double dt) {
        int[] steps = new int[HORIZON_SECONDS.length];
        for (int h = 0; h < steps.length; h++) {
            steps[h] = Math.max(1, (int) Math.round(HORIZON_SECONDS[h] / dt));
        }
        return steps;
    }

    private static double diff(int channel, double a, double b) {
        return channel == StateIndex.THETA ? Angles.wrap(a - b) : a - b;
    }

    /** Free run of one model from row s along the logged commands, the states at the horizons into out[h]. */
    private static void run(DynamicsModel model, Episode e, int s, int[] steps, double[] x, double[] xn, double[] u,
                            double[][] out) {
        e.stateAt(s, x);
        int h = 0;
        for (int k = 1; k <= steps[steps.length - 1]; k++) {
            e.controlAt(s + k - 1, u);
            model.step(x, u, e.dt(), xn);
            System.arraycopy(xn, 0, x, 0, x.length);
            if (k == steps[h]) {
                System.arraycopy(x, 0, out[h], 0, x.length);
                h++;
            }
        }
    }

    /**
     * The tally as a JSON-ready map: {@code {"k_sigma": 2, "stride_rows": 10, "horizons": {"0.5s": {"steps": 10,
     * "runs": N, "coverage_percent": {x, y, theta, v, omega}, "sigma_rms": {…}, "error_rms": {…}}, …}}}; units
     * of σ and error are the channel's (m, m, rad, m/s, rad/s).
     *
     * @param tally from {@link #evaluate}.
     * @param dt    the step [s].
     * @return ordered map.
     */
    public static Map<String, Object> toMap(CoverageTally tally, double dt) {
        int[] steps = steps(dt);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("k_sigma", tally.k());
        root.put("stride_rows", STRIDE);
        Map<String, Object> hs = new LinkedHashMap<>();
        for (int h = 0; h < steps.length; h++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("steps", steps[h]);
            one.put("runs", tally.count(0, h));
            Map<String, Object> cov = new LinkedHashMap<>();
            Map<String, Object> sig = new LinkedHashMap<>();
            Map<String, Object> err = new LinkedHashMap<>();
            for (int i = 0; i < tally.channels(); i++) {
                String name = StateIndex.FULL_NAMES.get(i);
                cov.put(name, finite(tally.coveragePercent(i, h)));
                sig.put(name, finite(tally.sigmaRms(i, h)));
                err.put(name, finite(tally.errorRms(i, h)));
            }
            one.put("coverage_percent", cov);
            one.put("sigma_rms", sig);
            one.put("error_rms", err);
            hs.put(label(steps[h] * dt), one);
        }
        root.put("horizons", hs);
        return root;
    }

    /**
     * A text table: per horizon and channel, the coverage, RMS σ and RMS error.
     *
     * @param tally from {@link #evaluate}.
     * @param dt    the step [s].
     * @return lines ending with a newline.
     */
    public static String table(CoverageTally tally, double dt) {
        int[] steps = steps(dt);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "spread calibration: share of the truth within ±%.0fσ of the ensemble "
                + "(95.4 %% if calibrated); runs every %d rows%n", tally.k(), STRIDE));
        sb.append(String.format(Locale.ROOT, "%-8s %-6s %7s %12s %12s%n", "horizon", "state", "within", "rms sigma",
                "rms error"));
        for (int h = 0; h < steps.length; h++) {
            for (int i = 0; i < tally.channels(); i++) {
                sb.append(String.format(Locale.ROOT, "%-8s %-6s %6.1f%% %12.5f %12.5f%n", label(steps[h] * dt),
                        StateIndex.FULL_NAMES.get(i), tally.coveragePercent(i, h), tally.sigmaRms(i, h),
                        tally.errorRms(i, h)));
            }
        }
        return sb.toString();
    }

    private static String label(double seconds) {
        String s = String.format(Locale.ROOT, "%.2f", seconds).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "s";
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
