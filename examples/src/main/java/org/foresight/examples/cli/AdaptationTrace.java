package org.foresight.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foresight.dynamics.log.AtomicFiles;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.adapt.OnlineAdapter;

/**
 * The one-step errors of an adapting model along an episode, beside those of the model it started from (frozen)
 * and of reference models (e.g. a model fitted offline to the changed robot), all on the same transitions: the
 * adapting model's error is its a-priori error, that of the snapshot the planner used over that period, before
 * the period's own data updated it. Per transition and model the errors of v and ω after one period:
 * <pre>
 *   e_v = v̂ₖ₊₁ − vₖ₊₁,   e_ω = ω̂ₖ₊₁ − ωₖ₊₁     (x̂ₖ₊₁ = model.step(xₖ, ūₖ), ū the command held)
 * </pre>
 * Written as {@code adaptation.csv} ({@code t_s}, then {@code NAME_err_v}, {@code NAME_err_omega} per model), and
 * summarised in bins of {@link #BIN} s after a given time (RMS per model and channel) by {@link #bins}.
 * Not thread-safe (the episode's thread).
 */
final class AdaptationTrace {
    /** Width of a summary bin [s]. */
    static final double BIN = 0.5;

    private static final double DT = org.foresight.mpc.mppi.MppiConfig.defaults().dt();

    private final List<String> names = new ArrayList<>();
    private final List<DynamicsModel> fixed = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final double[] next = new double[16];

    /**
     * @param frozen     the model the adaptation started from.
     * @param references further models (named ref1, ref2, ...). Not modified.
     */
    AdaptationTrace(DynamicsModel frozen, List<DynamicsModel> references) {
        names.add("adapted");
        names.add("frozen");
        fixed.add(frozen);
        for (int i = 0; i < references.size(); i++) {
            names.add("ref" + (i + 1));
            fixed.add(references.get(i));
        }
    }

    /** @return the model names in column order: adapted, frozen, ref1, ... */
    List<String> names() {
        return names;
    }

    /**
     * Records one transition.
     *
     * @param t       the time at its end [s].
     * @param x       the state at its start. Not modified.
     * @param u       the command held. Not modified.
     * @param xNext   the state at its end. Not modified.
     * @param adapted the adapting model's snapshot used over the period.
     */
    void record(double t, double[] x, double[] u, double[] xNext, DynamicsModel adapted) {
        if (!OnlineAdapter.usable(x, u, xNext)) {
            return;
        }
        double[] row = new double[1 + 2 * names.size()];
        row[0] = t;
        errors(adapted, x, u, xNext, row, 1);
        for (int i = 0; i < fixed.size(); i++) {
            errors(fixed.get(i), x, u, xNext, row, 3 + 2 * i);
        }
        rows.add(row);
    }

    private void errors(DynamicsModel m, double[] x, double[] u, double[] xNext, double[] row, int at) {
        m.step(x, u, DT, next);
        row[at] = next[StateIndex.V] - xNext[StateIndex.V];
        row[at + 1] = next[StateIndex.OMEGA] - xNext[StateIndex.OMEGA];
    }

    /**
     * Writes {@code adaptation.csv}.
     *
     * @param file the file.
     * @throws IOException if it cannot be written.
     */
    void write(Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            header(w);
            for (double[] r : rows) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, i == 0 ? "%.3f" : "%.6g", r[i]));
                }
                w.write(b.append('\n').toString());
            }
        });
    }

    private void header(Writer w) throws IOException {
        StringBuilder b = new StringBuilder("t_s");
        for (String n : names) {
            b.append(',').append(n).append("_err_v,").append(n).append("_err_omega");
        }
        w.write(b.append('\n').toString());
    }

    /**
     * RMS one-step errors in bins of {@link #BIN} s from {@code from} on (transitions ending in (from + iΔ,
     * from + (i+1)Δ]).
     *
     * @param from the start of the first bin [s] (e.g. the plant change).
     * @param bins how many bins.
     * @return per bin: start relative to {@code from} [s], transitions, and per model its RMS e_v [m/s] and e_ω
     *         [rad/s] (keys NAME_rms_v, NAME_rms_omega); bins without transitions are left out.
     */
    List<Map<String, Object>> bins(double from, int bins) {
        List<Map<String, Object>> out = new ArrayList<>();
        int cols = 2 * names.size();
        for (int b = 0; b < bins; b++) {
            double lo = from + b * BIN;
            double hi = lo + BIN;
            double[] sum = new double[cols];
            int n = 0;
            for (double[] r : rows) {
                if (r[0] > lo + 1e-9 && r[0] <= hi + 1e-9) {
                    for (int c = 0; c < cols; c++) {
                        sum[c] += r[1 + c] * r[1 + c];
                    }
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_s", b * BIN);
            m.put("transitions", n);
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i) + "_rms_v", Math.sqrt(sum[2 * i] / n));
                m.put(names.get(i) + "_rms_omega", Math.sqrt(sum[2 * i + 1] / n));
            }
            out.add(m);
        }
        return out;
    }
}
