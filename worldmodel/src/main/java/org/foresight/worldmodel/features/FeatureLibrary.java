package org.foresight.worldmodel.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foresight.worldmodel.model.BodyDelta;

/**
 * The candidate features of a linear-in-parameters model, one list of {@link Term}s per predicted
 * body-frame output ({@link BodyDelta}): output r is modelled as d_r = Σ_j w_rj·φ_rj(z) over its own list.
 * Per-output lists keep the step cheap (each output only pays for the terms its physics can need) while
 * staying configurable; sparse regression then prunes within each list.
 *
 * <p><b>Input clamp.</b> A robot clamps its commands to its velocity limits before its actuators see them,
 * so a library may carry command saturations {@code sat(cmd_v,C)}, {@code sat(cmd_omega,C)} applied to the
 * input before any feature is evaluated: every term then reads the clamped command
 * <pre>
 *   z = (v, ω, clamp(cmd_v, −C_v, C_v), clamp(cmd_ω, −C_ω, C_ω))      (no clamp: C = +∞)
 * </pre>
 * so e.g. {@code sat(dv,c)} becomes clamp(clamp(cmd_v, ±C_v) − v, ±c), the acceleration-limited lag toward
 * the clamped command. C may be "auto" for the fitter to find.
 *
 * <p>Text form (model files, {@code --library}): a map from output name ({@link BodyDelta#NAMES}) to term
 * texts, see {@link Term}, plus an optional key {@value #INPUTS_KEY} listing the input clamp, e.g.
 * {@code "inputs": ["sat(cmd_v,auto)", "sat(cmd_omega,auto)"]}. Immutable.
 */
public final class FeatureLibrary {
    /** Text-form key of the input clamp list. */
    public static final String INPUTS_KEY = "inputs";

    private final List<List<Term>> terms;
    private final List<Atom> inputs;

    /**
     * A library without input clamp.
     *
     * @param terms one list per output, in {@link BodyDelta} order; each non-empty. Copied.
     */
    public FeatureLibrary(List<List<Term>> terms) {
        this(terms, List.of());
    }

    /**
     * @param terms  one list per output, in {@link BodyDelta} order; each non-empty. Copied.
     * @param inputs input clamp: at most one {@link Atom.Kind#SAT_CMD_V} and one {@link Atom.Kind#SAT_CMD_OMEGA}
     *               (level [m/s], [rad/s] or auto); may be empty. Copied.
     */
    public FeatureLibrary(List<List<Term>> terms, List<Atom> inputs) {
        if (terms.size() != BodyDelta.DIM) {
            throw new IllegalArgumentException("feature library needs " + BodyDelta.DIM + " term lists (one per "
                    + BodyDelta.NAMES + "), got " + terms.size());
        }
        List<List<Term>> copy = new ArrayList<>();
        for (int r = 0; r < BodyDelta.DIM; r++) {
            if (terms.get(r).isEmpty()) {
                throw new IllegalArgumentException("feature library: output " + BodyDelta.NAMES.get(r) + " has no terms");
            }
            copy.add(List.copyOf(terms.get(r)));
        }
        boolean seenV = false;
        boolean seenW = false;
        for (Atom a : inputs) {
            if (a.kind() == Atom.Kind.SAT_CMD_V && !seenV) {
                seenV = true;
            } else if (a.kind() == Atom.Kind.SAT_CMD_OMEGA && !seenW) {
                seenW = true;
            } else {
                throw new IllegalArgumentException("feature library inputs: expected at most one sat(cmd_v,C) and one "
                        + "sat(cmd_omega,C), got " + inputs);
            }
        }
        this.terms = List.copyOf(copy);
        this.inputs = List.copyOf(inputs);
    }

    /**
     * The default library, chosen for the physics a ground robot's logs show (every coefficient and level
     * is still fitted, nothing about the robot is assumed known):
     * <ul>
     *   <li>inputs: the commands clamped at levels found in the data (the robot's velocity limits);</li>
     *   <li>d_forward: ∫v dt under a first-order lag is linear in v and cmd_v, with sat(dv, auto) where the
     *       acceleration limit caps the lag; v·ω² for forward speed lost while skid-turning;</li>
     *   <li>d_lateral: v·ω for the arc's chord and sideways slide, cmd_v·cmd_ω for its command-driven part;</li>
     *   <li>d_theta: ω and cmd_ω (lagged yaw rate), ω·|ω| for yaw slip growing with turn rate,
     *       sat(dω, auto) for the acceleration clamp;</li>
     *   <li>d_v: cmd_v − v (lag) and its saturation (acceleration limit), and v·ω² (slip);</li>
     *   <li>d_omega: cmd_ω − ω (lag) and its saturation (angular acceleration limit).</li>
     * </ul>
     *
     * @return the default library (with "auto" saturation levels for the fitter to choose).
     */
    public static FeatureLibrary defaults() {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        spec.put(INPUTS_KEY, List.of("sat(cmd_v,auto)", "sat(cmd_omega,auto)"));
        spec.put("d_forward", List.of("v", "cmd_v", "v*omega^2", "sat(dv,auto)"));
        spec.put("d_lateral", List.of("v*omega", "cmd_v*cmd_omega"));
        spec.put("d_theta", List.of("omega", "cmd_omega", "omega*|omega|", "sat(domega,auto)"));
        spec.put("d_v", List.of("dv", "sat(dv,auto)", "v*omega^2"));
        spec.put("d_omega", List.of("domega", "sat(domega,auto)", "omega*|omega|"));
        return parse(spec);
    }

    /**
     * Parses the text form.
     *
     * @param spec output name → term texts; must name every output of {@link BodyDelta#NAMES}, may have
     *             {@value #INPUTS_KEY}, and no other key.
     * @return the library.
     * @throws IllegalArgumentException naming the unknown or missing output or the bad term.
     */
    public static FeatureLibrary parse(Map<String, List<String>> spec) {
        for (String key : spec.keySet()) {
            if (!BodyDelta.NAMES.contains(key) && !INPUTS_KEY.equals(key)) {
                throw new IllegalArgumentException("feature library: unknown output '" + key + "', expected "
                        + BodyDelta.NAMES + " (and optionally '" + INPUTS_KEY + "')");
            }
        }
        List<List<Term>> lists = new ArrayList<>();
        for (String name : BodyDelta.NAMES) {
            List<String> texts = spec.get(name);
            if (texts == null) {
                throw new IllegalArgumentException("feature library: output '" + name + "' missing");
            }
            List<Term> ts = new ArrayList<>();
            for (String t : texts) {
                ts.add(Term.parse(t));
            }
            lists.add(ts);
        }
        List<Atom> ins = new ArrayList<>();
        for (String t : spec.getOrDefault(INPUTS_KEY, List.of())) {
            ins.add(Atom.parse(t));
        }
        return new FeatureLibrary(lists, ins);
    }

    /**
     * The terms of one output.
     *
     * @param output a {@link BodyDelta} index.
     * @return its terms (unmodifiable).
     */
    public List<Term> terms(int output) {
        return terms.get(output);
    }

    /** @return the input clamp atoms (unmodifiable, possibly empty). */
    public List<Atom> inputs() {
        return inputs;
    }

    /**
     * The clamp level of one command.
     *
     * @param input {@link Inputs#CMD_V} or {@link Inputs#CMD_OMEGA}.
     * @return the level [m/s or rad/s]; +∞ without clamp; NaN while "auto".
     */
    public double commandLimit(int input) {
        Atom.Kind kind = input == Inputs.CMD_V ? Atom.Kind.SAT_CMD_V : Atom.Kind.SAT_CMD_OMEGA;
        for (Atom a : inputs) {
            if (a.kind() == kind) {
                return a.knot();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** @return total number of terms over all outputs. */
    public int size() {
        int n = 0;
        for (List<Term> t : terms) {
            n += t.size();
        }
        return n;
    }

    /** @return true if no term and no input clamp has an "auto" saturation level left. */
    public boolean isResolved() {
        for (Atom.Kind k : Atom.Kind.values()) {
            if (k.isSaturation() && hasAuto(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The library with every "auto" saturation of the given kind (terms and input clamp) set to a level.
     *
     * @param kind  a saturation kind ({@link Atom.Kind#isSaturation()}).
     * @param level saturation level [m/s or rad/s], &gt; 0.
     * @return a new library.
     */
    public FeatureLibrary withKnot(Atom.Kind kind, double level) {
        List<List<Term>> lists = new ArrayList<>();
        for (List<Term> list : terms) {
            List<Term> ts = new ArrayList<>();
            for (Term t : list) {
                ts.add(withKnot(t, kind, level));
            }
            lists.add(ts);
        }
        return new FeatureLibrary(lists, withKnot(inputs, kind, level));
    }

    /**
     * The library with other term lists for some outputs and the same input clamp.
     *
     * @param replaced one list per output, in {@link BodyDelta} order.
     * @return a new library.
     */
    public FeatureLibrary withTerms(List<List<Term>> replaced) {
        return new FeatureLibrary(replaced, inputs);
    }

    /**
     * The library with its input clamp replaced.
     *
     * @param newInputs clamp atoms, see the constructor.
     * @return a new library.
     */
    public FeatureLibrary withInputs(List<Atom> newInputs) {
        return new FeatureLibrary(terms, newInputs);
    }

    private static Term withKnot(Term t, Atom.Kind kind, double level) {
        return new Term(withKnot(t.atoms(), kind, level));
    }

    private static List<Atom> withKnot(List<Atom> atoms, Atom.Kind kind, double level) {
        List<Atom> as = new ArrayList<>();
        for (Atom a : atoms) {
            as.add(a.kind() == kind && a.isAuto() ? a.withKnot(level) : a);
        }
        return as;
    }

    /** @return true if some term or the input clamp has an "auto" saturation of this kind. */
    public boolean hasAuto(Atom.Kind kind) {
        for (Atom a : inputs) {
            if (a.kind() == kind && a.isAuto()) {
                return true;
            }
        }
        for (List<Term> list : terms) {
            for (Term t : list) {
                for (Atom a : t.atoms()) {
                    if (a.kind() == kind && a.isAuto()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @return the text form: {@value #INPUTS_KEY} (if any clamp), then output name → term texts, in {@link BodyDelta} order. */
    public Map<String, List<String>> toSpec() {
        Map<String, List<String>> spec = new LinkedHashMap<>();
        if (!inputs.isEmpty()) {
            List<String> texts = new ArrayList<>();
            for (Atom a : inputs) {
                texts.add(a.toString());
            }
            spec.put(INPUTS_KEY, texts);
        }
        for (int r = 0; r < BodyDelta.DIM; r++) {
            List<String> texts = new ArrayList<>();
            for (Term t : terms.get(r)) {
                texts.add(t.toString());
            }
            spec.put(BodyDelta.NAMES.get(r), texts);
        }
        return spec;
    }

    @Override
    public String toString() {
        return toSpec().toString();
    }
}
