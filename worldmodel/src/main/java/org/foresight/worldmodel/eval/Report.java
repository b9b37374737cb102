package org.foresight.worldmodel.eval;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.foresight.dynamics.log.AtomicFiles;
import org.foresight.dynamics.model.StateIndex;

/**
 * The validation report: JSON for tools and a text table for people. JSON layout (key names are a contract;
 * scripts read them):
 * <pre>
 * {
 *   "model":    { "name": "...", "one_step_rmse": {"x":…, "y":…, "theta":…, "v":…, "omega":…},
 *                 "free_run": { "1s":      {"fit_percent": {"x":…, …, "omega":…}, "drift_m_median": …,
 *                                           "drift_m_p90": …, "windows": N, "steps": 20},
 *                               "2.8s":    {…},
 *                               "episode": {…} } },
 *   "unicycle": { same layout, the nominal kinematic unicycle on the same episodes },
 *   …extra top-level facts given by the caller (episodes, timing)
 * }
 * </pre>
 * Units: RMSE in the channel's unit (m, m, rad, m/s, rad/s), fit in %, drift in m. Non-finite figures are
 * written as null.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /**
     * The report as a JSON-ready map.
     *
     * @param modelName describe() of the fitted model.
     * @param model     its figures.
     * @param unicycle  the nominal unicycle's figures on the same episodes.
     * @param extra     further top-level entries (may be empty), written after the two blocks.
     * @return ordered map.
     */
    public static Map<String, Object> toMap(String modelName, ModelMetrics model, ModelMetrics unicycle, Map<String, Object> extra) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", block(modelName, model));
        root.put("unicycle", block("unicycle", unicycle));
        root.putAll(extra);
        return root;
    }

    /**
     * One model's block ("name", "one_step_rmse", "free_run").
     *
     * @param name  label.
     * @param m     figures.
     * @return ordered map.
     */
    public static Map<String, Object> block(String name, ModelMetrics m) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("one_step_rmse", perChannel(m.oneStepRmse()));
        Map<String, Object> fr = new LinkedHashMap<>();
        for (WindowMetrics w : m.freeRun()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("fit_percent", perChannel(w.fitPercent()));
            wm.put("drift_m_median", finite(w.driftMedian()));
            wm.put("drift_m_p90", finite(w.driftP90()));
            wm.put("windows", w.windows());
            wm.put("steps", w.steps());
            fr.put(w.label(), wm);
        }
        b.put("free_run", fr);
        return b;
    }

    private static Map<String, Object> perChannel(double[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < StateIndex.FULL_DIM; i++) {
            m.put(StateIndex.FULL_NAMES.get(i), finite(values[i]));
        }
        return m;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /**
     * Writes the report JSON atomically.
     *
     * @param file target path.
     * @param root the map from {@link #toMap}.
     * @throws UncheckedIOException naming the file on failure.
     */
    public static void write(Path file, Map<String, Object> root) {
        String text;
        try {
            text = JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
        AtomicFiles.writeText(file, out -> out.write(text));
    }

    /**
     * A fixed-width table: one row per figure, model beside unicycle.
     *
     * @param modelName describe() of the model.
     * @param model     its figures.
     * @param unicycle  the unicycle's figures.
     * @return the table text (several lines, ending with a newline).
     */
    public static String table(String modelName, ModelMetrics model, ModelMetrics unicycle) {
        StringBuilder sb = new StringBuilder();
        sb.append("model: ").append(modelName).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%-30s %14s %14s%n", "figure", "model", "unicycle"));
        List<String> units = List.of("m", "m", "rad", "m/s", "rad/s");
        for (int i = 0; i < StateIndex.FULL_DIM; i++) {
            sb.append(String.format(Locale.ROOT, "%-30s %14.5f %14.5f%n",
                    "one-step RMSE " + StateIndex.FULL_NAMES.get(i) + " [" + units.get(i) + "]",
                    model.oneStepRmse()[i], unicycle.oneStepRmse()[i]));
        }
        for (int k = 0; k < model.freeRun().size(); k++) {
            WindowMetrics w = model.freeRun().get(k);
            WindowMetrics u = unicycle.freeRun().get(k);
            for (int i = 0; i < StateIndex.FULL_DIM; i++) {
                sb.append(String.format(Locale.ROOT, "%-30s %14.2f %14.2f%n",
                        "fit " + w.label() + " " + StateIndex.FULL_NAMES.get(i) + " [%]", w.fitPercent()[i], u.fitPercent()[i]));
            }
            sb.append(String.format(Locale.ROOT, "%-30s %14.4f %14.4f%n",
                    "drift " + w.label() + " median [m]", w.driftMedian(), u.driftMedian()));
            sb.append(String.format(Locale.ROOT, "%-30s %14d %14d%n", "windows " + w.label(), w.windows(), u.windows()));
        }
        return sb.toString();
    }
}
