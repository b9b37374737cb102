package org.foresight.worldmodel.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.foresight.dynamics.log.AtomicFiles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.EnsembleModel;
import org.foresight.worldmodel.model.LinearFeatureModel;
import org.foresight.worldmodel.model.MlpModel;
import org.foresight.worldmodel.model.PhysicsFeatures;
import org.foresight.worldmodel.model.PhysicsModel;
import org.foresight.worldmodel.model.PhysicsParams;

/**
 * Reads and writes learned models as JSON. Layout (format version {@value #FORMAT_VERSION}):
 * <pre>
 * {
 *   "format": "foresight-model", "format_version": 1, "kind": "physics|linear|sparse|mlp|ensemble",
 *   "dt_s": 0.05,                                    control period the model must be stepped at [s]
 *   "state_names": ["x","y","theta","v","omega"], "control_names": ["cmd_v","cmd_omega"],
 *   "input_names": ["v","omega","cmd_v","cmd_omega"],
 *   "output_names": ["d_forward","d_lateral","d_theta","d_v","d_omega"],   body frame, see BodyDelta
 *   "normalisation": {...},      mlp: input/output mean and std; linear/sparse: {"type": "none"}
 *   "feature_library": {...},    linear/sparse: output name → term texts (see Term)
 *   "constants": {...},          physics: PhysicsParams by name with its unit ("inf" = no clamp)
 *   "features": {...},           physics: output name → feature names (PhysicsFeatures.NAMES, checked on load)
 *   "weights": {...},            linear/sparse/physics: output name → coefficients aligned with the library/features;
 *                                mlp: {"layer_sizes": [...], "params": [...]} (layer by layer, W row-major then b)
 *   "members": [ {...}, ... ],   ensemble: member models in this same layout (without provenance)
 *   "provenance": {...}          logs, seed, split, metrics: whatever the fitting tool recorded
 * }
 * </pre>
 * Writing is deterministic (fixed key order, shortest exact decimal form of every double), so the same
 * model and provenance give a byte-identical file; it is written to a temporary file and renamed.
 * Loading checks the format name and version, the kind, every dimension, and that the state and control
 * names are the robot's ({@link StateIndex#FULL_NAMES}, {@link ControlIndex#NAMES}), failing with
 * {@link ModelFormatException} naming the file and the problem.
 */
public final class ModelFile {
    /** Format name written in every file. */
    public static final String FORMAT = "foresight-model";
    /** Current format version; files with another version are rejected. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** A loaded model with its recorded provenance. */
    public record Loaded(BodyFrameModel model, Map<String, Object> provenance) {
    }

    /**
     * Writes a model atomically.
     *
     * @param file       target path.
     * @param model      the model.
     * @param provenance free-form facts (logs, seed, metrics); JSON-serialisable values, iteration order kept.
     * @throws UncheckedIOException naming the file on failure.
     */
    public static void write(Path file, BodyFrameModel model, Map<String, Object> provenance) {
        String text = toJson(model, provenance);
        AtomicFiles.writeText(file, out -> out.write(text));
    }

    /**
     * The JSON text of a model.
     *
     * @param model      the model.
     * @param provenance facts to record (may be empty).
     * @return the JSON document, ending with a newline.
     */
    public static String toJson(BodyFrameModel model, Map<String, Object> provenance) {
        Map<String, Object> root = body(model);
        root.put("provenance", provenance);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model provenance is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> body(BodyFrameModel model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("kind", model.kind());
        root.put("dt_s", model.dt());
        root.put("state_names", StateIndex.FULL_NAMES);
        root.put("control_names", ControlIndex.NAMES);
        root.put("input_names", Inputs.NAMES);
        root.put("output_names", BodyDelta.NAMES);
        if (model instanceof LinearFeatureModel lm) {
            root.put("normalisation", Map.of("type", "none"));
            root.put("feature_library", lm.library().toSpec());
            Map<String, Object> w = new LinkedHashMap<>();
            for (int r = 0; r < BodyDelta.DIM; r++) {
                w.put(BodyDelta.NAMES.get(r), lm.coefficients(r));
            }
            root.put("weights", w);
        } else if (model instanceof PhysicsModel pm) {
            root.put("normalisation", Map.of("type", "none"));
            Map<String, Object> constants = new LinkedHashMap<>();
            double[] c = pm.params().toArray();
            for (int i = 0; i < c.length; i++) {
                constants.put(PhysicsParams.NAMES.get(i), Double.isInfinite(c[i]) ? "inf" : c[i]);
            }
            root.put("constants", constants);
            Map<String, Object> f = new LinkedHashMap<>();
            Map<String, Object> w = new LinkedHashMap<>();
            for (int r = 0; r < BodyDelta.DIM; r++) {
                f.put(BodyDelta.NAMES.get(r), PhysicsFeatures.NAMES.get(r));
                w.put(BodyDelta.NAMES.get(r), pm.coefficients(r));
            }
            root.put("features", f);
            root.put("weights", w);
        } else if (model instanceof MlpModel mm) {
            Map<String, Object> norm = new LinkedHashMap<>();
            norm.put("type", "standardise");
            norm.put("input_mean", mm.inMean());
            norm.put("input_std", mm.inStd());
            norm.put("output_mean", mm.outMean());
            norm.put("output_std", mm.outStd());
            root.put("normalisation", norm);
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("layer_sizes", mm.sizes());
            w.put("activation", "tanh");
            w.put("params", mm.params());
            root.put("weights", w);
        } else if (model instanceof EnsembleModel em) {
            root.put("member_kind", em.members().get(0).kind());
            List<Object> members = new ArrayList<>();
            for (BodyFrameModel m : em.members()) {
                members.add(body(m));
            }
            root.put("members", members);
        } else {
            throw new IllegalArgumentException("cannot save model kind " + model.kind());
        }
        return root;
    }

    /**
     * Loads a model and checks it fits the robot: full state (x, y, θ, v, ω), control (cmd_v, cmd_ω).
     *
     * @param file the model file.
     * @return the model and its provenance.
     * @throws ModelFormatException naming the file and what is wrong.
     */
    public static Loaded read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, "no such model file");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(file, "not a JSON object");
        }
        BodyFrameModel model = parse(file, root, "");
        Map<String, Object> prov = new LinkedHashMap<>();
        JsonNode p = root.get("provenance");
        if (p != null && p.isObject()) {
            prov = JSON.convertValue(p, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        }
        return new Loaded(model, prov);
    }

    /**
     * Loads a model that must be stepped at a given control period.
     *
     * @param file the model file.
     * @param dt   the robot's control period [s].
     * @return the model.
     * @throws ModelFormatException if the file is invalid or was fitted at another period.
     */
    public static BodyFrameModel readFor(Path file, double dt) {
        BodyFrameModel m = read(file).model();
        if (Math.abs(m.dt() - dt) > BodyFrameModel.DT_TOLERANCE) {
            throw new ModelFormatException(file, "model was fitted at dt = " + m.dt() + " s but the robot runs at "
                    + dt + " s; refit from logs at " + dt + " s");
        }
        return m;
    }

    private static BodyFrameModel parse(Path file, JsonNode n, String where) {
        String format = text(file, n, "format", where);
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException(file, where + "format is '" + format + "', expected '" + FORMAT + "'");
        }
        JsonNode version = n.get("format_version");
        if (version == null || !version.isInt()) {
            throw new ModelFormatException(file, where + "missing integer 'format_version'");
        }
        if (version.intValue() != FORMAT_VERSION) {
            throw new ModelFormatException(file, where + "format_version " + version.intValue()
                    + " is not supported (this build reads version " + FORMAT_VERSION + ")");
        }
        expectNames(file, n, "state_names", StateIndex.FULL_NAMES, where,
                "the model's state does not match the robot's (x, y, theta, v, omega)");
        expectNames(file, n, "control_names", ControlIndex.NAMES, where,
                "the model's controls do not match the robot's (cmd_v, cmd_omega)");
        expectNames(file, n, "input_names", Inputs.NAMES, where, "unexpected model inputs");
        expectNames(file, n, "output_names", BodyDelta.NAMES, where, "unexpected model outputs");
        JsonNode dtNode = n.get("dt_s");
        if (dtNode == null || !dtNode.isNumber() || !(dtNode.doubleValue() > 0)) {
            throw new ModelFormatException(file, where + "'dt_s' must be a positive number of seconds");
        }
        double dt = dtNode.doubleValue();
        String kind = text(file, n, "kind", where);
        try {
            switch (kind) {
                case "linear":
                case "sparse": {
                    JsonNode lib = object(file, n, "feature_library", where);
                    Map<String, List<String>> spec = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = lib.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        List<String> terms = new ArrayList<>();
                        for (JsonNode t : e.getValue()) {
                            terms.add(t.asText());
                        }
                        spec.put(e.getKey(), terms);
                    }
                    FeatureLibrary library = FeatureLibrary.parse(spec);
                    JsonNode w = object(file, n, "weights", where);
                    double[][] coef = new double[BodyDelta.DIM][];
                    for (int r = 0; r < BodyDelta.DIM; r++) {
                        coef[r] = doubles(file, w, BodyDelta.NAMES.get(r), where + "weights.");
                    }
                    return new LinearFeatureModel(kind, dt, library, coef);
                }
                case PhysicsModel.KIND: {
                    JsonNode cn = object(file, n, "constants", where);
                    double[] c = new double[PhysicsParams.NAMES.size()];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = limitValue(file, cn, PhysicsParams.NAMES.get(i), where + "constants.");
                    }
                    JsonNode fn = object(file, n, "features", where);
                    JsonNode w = object(file, n, "weights", where);
                    double[][] coef = new double[BodyDelta.DIM][];
                    for (int r = 0; r < BodyDelta.DIM; r++) {
                        String out = BodyDelta.NAMES.get(r);
                        List<String> names = new ArrayList<>();
                        JsonNode fa = fn.get(out);
                        if (fa != null && fa.isArray()) {
                            for (JsonNode t : fa) {
                                names.add(t.asText());
                            }
                        }
                        if (!names.equals(PhysicsFeatures.NAMES.get(r))) {
                            throw new ModelFormatException(file, where + "features." + out + " " + names
                                    + " but this build's physics model has " + PhysicsFeatures.NAMES.get(r));
                        }
                        coef[r] = doubles(file, w, out, where + "weights.");
                    }
                    return new PhysicsModel(dt, PhysicsParams.fromArray(c), coef);
                }
                case "mlp": {
                    JsonNode norm = object(file, n, "normalisation", where);
                    JsonNode w = object(file, n, "weights", where);
                    double[] sizesD = doubles(file, w, "layer_sizes", where + "weights.");
                    int[] sizes = new int[sizesD.length];
                    for (int i = 0; i < sizes.length; i++) {
                        sizes[i] = (int) sizesD[i];
                    }
                    return new MlpModel(dt, sizes, doubles(file, w, "params", where + "weights."),
                            doubles(file, norm, "input_mean", where + "normalisation."),
                            doubles(file, norm, "input_std", where + "normalisation."),
                            doubles(file, norm, "output_mean", where + "normalisation."),
                            doubles(file, norm, "output_std", where + "normalisation."));
                }
                case "ensemble": {
                    JsonNode members = n.get("members");
                    if (members == null || !members.isArray()) {
                        throw new ModelFormatException(file, where + "ensemble needs a 'members' array");
                    }
                    List<BodyFrameModel> list = new ArrayList<>();
                    for (int i = 0; i < members.size(); i++) {
                        list.add(parse(file, members.get(i), where + "members[" + i + "]."));
                    }
                    return new EnsembleModel(list);
                }
                default:
                    throw new ModelFormatException(file, where + "unknown kind '" + kind + "' (expected physics, linear, sparse, mlp or ensemble)");
            }
        } catch (ModelFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, where + e.getMessage());
        }
    }

    private static String text(Path file, JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new ModelFormatException(file, where + "missing text field '" + key + "'");
        }
        return v.asText();
    }

    /** A number, or the text "inf" for +∞ (a clamp that is off). */
    private static double limitValue(Path file, JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        if (v != null && v.isTextual() && v.asText().equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        throw new ModelFormatException(file, where + key + ": expected a number or \"inf\"");
    }

    private static JsonNode object(Path file, JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isObject()) {
            throw new ModelFormatException(file, where + "missing object '" + key + "'");
        }
        return v;
    }

    private static double[] doubles(Path file, JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isArray()) {
            throw new ModelFormatException(file, where + key + ": missing number array");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new ModelFormatException(file, where + key + "[" + i + "] is not a number");
            }
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }

    private static void expectNames(Path file, JsonNode n, String key, List<String> expected, String where, String why) {
        JsonNode v = n.get(key);
        if (v == null || !v.isArray()) {
            throw new ModelFormatException(file, where + "missing array '" + key + "'");
        }
        List<String> got = new ArrayList<>();
        for (JsonNode x : v) {
            got.add(x.asText());
        }
        if (!got.equals(expected)) {
            throw new ModelFormatException(file, where + key + " " + got + " (" + got.size() + " entries) but expected "
                    + expected + " (" + expected.size() + "): " + why);
        }
    }

    /**
     * Checks that a loaded model can drive a given robot model's state and controls.
     *
     * @param file  the model file (for the message).
     * @param model the loaded model.
     * @param robot the robot model it will replace or be compared with.
     * @throws ModelFormatException if dimensions or names differ.
     */
    public static void checkCompatible(Path file, DynamicsModel model, DynamicsModel robot) {
        if (!model.stateNames().equals(robot.stateNames()) || !model.controlNames().equals(robot.controlNames())) {
            throw new ModelFormatException(file, "model has state " + model.stateNames() + " and controls "
                    + model.controlNames() + " but the robot (" + robot.describe() + ") has state " + robot.stateNames()
                    + " and controls " + robot.controlNames());
        }
    }
}
