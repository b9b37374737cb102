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
 * <p>Text form (model files, {@code --library}): a map from output name ({@link BodyDelta#NAMES}) to term
 * texts, see {@link Term}. Immutable.
 */
public final class FeatureLibrary {
    private final List<List<Term>> terms;

    /**
     * @param terms one list per output, in {@link BodyDelta} order; each non-empty. Copied.
     */
    public FeatureLibrary(List<List<Term>> terms) {
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
        this.terms = List.copyOf(copy);
    }

    /**
     * The default library, chosen for the physics a ground robot's logs show (every coefficient is still
     * fitted, nothing about the robot is assumed known):
     * <ul>
     *   <li>d_forward: ∫v dt under a first-order lag is linear in v and cmd_v; v·ω² for forward speed lost
     *       while skid-turning;</li>
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
     * @param spec output name → term texts; must name every output of {@link BodyDelta#NAMES} and no other.
     * @return the library.
     * @throws IllegalArgumentException naming the unknown or missing output or the bad term.
     */
    public static FeatureLibrary parse(Map<String, List<String>> spec) {
        for (String key : spec.keySet()) {
            if (!BodyDelta.NAMES.contains(key)) {
                throw new IllegalArgumentException("feature library: unknown output '" + key + "', expected "
                        + BodyDelta.NAMES);
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
        return new FeatureLibrary(lists);
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

    /** @return total number of terms over all outputs. */
    public int size() {
        int n = 0;
        for (List<Term> t : terms) {
            n += t.size();
        }
        return n;
    }

    /** @return true if no term has an "auto" saturation level left. */
    public boolean isResolved() {
        for (List<Term> list : terms) {
            for (Term t : list) {
                for (Atom a : t.atoms()) {
                    if (a.isAuto()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The library with every "auto" saturation of the given kind set to a level.
     *
     * @param kind  {@link Atom.Kind#SAT_DV} or {@link Atom.Kind#SAT_DOMEGA}.
     * @param level saturation level [m/s or rad/s], &gt; 0.
     * @return a new library.
     */
    public FeatureLibrary withKnot(Atom.Kind kind, double level) {
        List<List<Term>> lists = new ArrayList<>();
        for (List<Term> list : terms) {
            List<Term> ts = new ArrayList<>();
            for (Term t : list) {
                List<Atom> as = new ArrayList<>();
                for (Atom a : t.atoms()) {
                    as.add(a.kind() == kind && a.isAuto() ? a.withKnot(level) : a);
                }
                ts.add(new Term(as));
            }
            lists.add(ts);
        }
        return new FeatureLibrary(lists);
    }

    /** @return true if some term has an "auto" saturation of this kind. */
    public boolean hasAuto(Atom.Kind kind) {
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

    /** @return the text form: output name → term texts, in {@link BodyDelta} order. */
    public Map<String, List<String>> toSpec() {
        Map<String, List<String>> spec = new LinkedHashMap<>();
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
