package org.foresight.worldmodel.features;

import java.util.ArrayList;
import java.util.List;

/**
 * One feature: the product of zero or more {@link Atom}s of the input z = (v, ω, cmd_v, cmd_ω); the empty
 * product is the constant 1. Text form: {@code "1"}, {@code "v"}, {@code "v*omega"}, {@code "omega*|omega|"},
 * {@code "dv^3"} (= dv*dv*dv), {@code "sat(domega,2)"}.
 *
 * <pre>
 *   φ(z) = Πᵢ aᵢ(z),   ∂φ/∂z_c = Σᵢ (Π_{j≠i} aⱼ(z))·∂aᵢ/∂z_c
 * </pre>
 *
 * @param atoms the factors (copied, unmodifiable).
 */
public record Term(List<Atom> atoms) {

    /** Copies the factor list. */
    public Term {
        atoms = List.copyOf(atoms);
    }

    /**
     * Parses a term's text form.
     *
     * @param text e.g. {@code "v*omega^2"}.
     * @return the term.
     * @throws IllegalArgumentException naming the text if a factor or power is malformed.
     */
    public static Term parse(String text) {
        String s = text.strip();
        if (s.equals("1")) {
            return new Term(List.of());
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty feature term");
        }
        List<Atom> atoms = new ArrayList<>();
        for (String factor : splitFactors(s)) {
            String f = factor.strip();
            int power = 1;
            int caret = f.lastIndexOf('^');
            if (caret > 0 && f.lastIndexOf(')') < caret) {
                String p = f.substring(caret + 1).strip();
                try {
                    power = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("feature term '" + text + "': power '" + p + "' is not an integer");
                }
                if (power < 1 || power > 5) {
                    throw new IllegalArgumentException("feature term '" + text + "': power must be in 1..5, got " + power);
                }
                f = f.substring(0, caret);
            }
            Atom a = Atom.parse(f);
            for (int i = 0; i < power; i++) {
                atoms.add(a);
            }
        }
        return new Term(atoms);
    }

    /** Splits on '*' outside parentheses. */
    private static List<String> splitFactors(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '*' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /**
     * φ(z).
     *
     * @param v  forward speed [m/s].
     * @param w  yaw rate [rad/s].
     * @param cv commanded speed [m/s].
     * @param cw commanded yaw rate [rad/s].
     * @return the feature value.
     */
    public double value(double v, double w, double cv, double cw) {
        double p = 1.0;
        for (Atom a : atoms) {
            p *= a.value(v, w, cv, cw);
        }
        return p;
    }

    /**
     * ∂φ/∂z_input by the product rule.
     *
     * @param v     forward speed [m/s].
     * @param w     yaw rate [rad/s].
     * @param cv    commanded speed [m/s].
     * @param cw    commanded yaw rate [rad/s].
     * @param input an {@link Inputs} index.
     * @return the partial derivative.
     */
    public double derivative(double v, double w, double cv, double cw, int input) {
        double sum = 0.0;
        for (int i = 0; i < atoms.size(); i++) {
            double d = atoms.get(i).derivative(v, w, cv, cw, input);
            if (d == 0.0) {
                continue;
            }
            double p = d;
            for (int j = 0; j < atoms.size(); j++) {
                if (j != i) {
                    p *= atoms.get(j).value(v, w, cv, cw);
                }
            }
            sum += p;
        }
        return sum;
    }

    /** @return the text form ("1" for the constant), parseable by {@link #parse}. */
    @Override
    public String toString() {
        if (atoms.isEmpty()) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < atoms.size(); i++) {
            if (i > 0) {
                sb.append('*');
            }
            sb.append(atoms.get(i));
        }
        return sb.toString();
    }
}
