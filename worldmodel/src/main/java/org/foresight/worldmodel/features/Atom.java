package org.foresight.worldmodel.features;

import java.util.Locale;

/**
 * One factor of a feature term: a scalar function of the model's input z = (v, ω, cmd_v, cmd_ω)
 * (speeds measured [m/s], [rad/s]; commands in the same units). Index constants for z are in
 * {@link Inputs}.
 *
 * <pre>
 *  name               value                         notes
 *  v, omega           z_v, z_ω                       measured body-frame velocities
 *  cmd_v, cmd_omega   z_cv, z_cω                     commands
 *  |x|                |x| for x any of the above     sign-dependent effects (slip grows with |ω|)
 *  dv, domega         cmd_v − v, cmd_ω − ω           distance to the command (first-order lag)
 *  |dv|, |domega|
 *  sat(dv,c)          clamp(cmd_v − v, −c, c)        acceleration limits; c &gt; 0 in the input's unit
 *  sat(domega,c)      clamp(cmd_ω − ω, −c, c)
 *  sat(cmd_v,c)       clamp(cmd_v, −c, c)            the robot's own command clamp (velocity limit)
 *  sat(cmd_omega,c)   clamp(cmd_ω, −c, c)
 * </pre>
 * The command saturations are mostly used as a {@link FeatureLibrary}'s input clamp (every feature then
 * sees the clamped command), but are valid terms too.
 * Derivatives of |·| and clamp are taken as sign(·) and the indicator of the unclamped range (the
 * one-sided value at the kink, which a finite-difference check avoids by sampling off the kinks).
 *
 * @param kind  which function.
 * @param knot  saturation level c for {@link Kind#SAT_DV}, {@link Kind#SAT_CMD_V} [m/s] and {@link Kind#SAT_DOMEGA},
 *              {@link Kind#SAT_CMD_OMEGA} [rad/s], &gt; 0,
 *              or {@link Double#NaN} ("auto", text {@code sat(dv,auto)}) for a level the fitter chooses from
 *              the data ({@link #isAuto()}); 0 for all other kinds.
 */
public record Atom(Kind kind, double knot) {

    /** The atom functions; see the class table. */
    public enum Kind {
        /** v [m/s]. */ V("v"),
        /** ω [rad/s]. */ OMEGA("omega"),
        /** cmd_v [m/s]. */ CMD_V("cmd_v"),
        /** cmd_ω [rad/s]. */ CMD_OMEGA("cmd_omega"),
        /** |v| [m/s]. */ ABS_V("|v|"),
        /** |ω| [rad/s]. */ ABS_OMEGA("|omega|"),
        /** |cmd_v| [m/s]. */ ABS_CMD_V("|cmd_v|"),
        /** |cmd_ω| [rad/s]. */ ABS_CMD_OMEGA("|cmd_omega|"),
        /** cmd_v − v [m/s]. */ DV("dv"),
        /** cmd_ω − ω [rad/s]. */ DOMEGA("domega"),
        /** |cmd_v − v| [m/s]. */ ABS_DV("|dv|"),
        /** |cmd_ω − ω| [rad/s]. */ ABS_DOMEGA("|domega|"),
        /** clamp(cmd_v − v, −c, c) [m/s]. */ SAT_DV("sat(dv"),
        /** clamp(cmd_ω − ω, −c, c) [rad/s]. */ SAT_DOMEGA("sat(domega"),
        /** clamp(cmd_v, −c, c) [m/s]. */ SAT_CMD_V("sat(cmd_v"),
        /** clamp(cmd_ω, −c, c) [rad/s]. */ SAT_CMD_OMEGA("sat(cmd_omega");

        /** @return true for the four saturations, which carry a level. */
        public boolean isSaturation() {
            return this == SAT_DV || this == SAT_DOMEGA || this == SAT_CMD_V || this == SAT_CMD_OMEGA;
        }

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        /** Text form used in library specifications (without the knot for saturations). */
        public String token() {
            return token;
        }
    }

    /** Validates that saturations have a positive finite knot and other kinds none. */
    public Atom {
        if (kind == null) {
            throw new IllegalArgumentException("atom kind must not be null");
        }
        boolean sat = kind.isSaturation();
        if (sat && !Double.isNaN(knot) && !(knot > 0 && Double.isFinite(knot))) {
            throw new IllegalArgumentException("saturation level of " + kind.token() + ",c) must be > 0 and finite, got " + knot);
        }
        if (!sat && knot != 0.0) {
            throw new IllegalArgumentException("atom " + kind.token() + " takes no saturation level");
        }
    }

    /**
     * Parses one factor, e.g. {@code "omega"}, {@code "|dv|"}, {@code "sat(domega,2.0)"}.
     *
     * @param text the factor's text.
     * @return the atom.
     * @throws IllegalArgumentException naming the text and the accepted names.
     */
    public static Atom parse(String text) {
        String s = text.strip();
        for (Kind k : Kind.values()) {
            if (k.isSaturation()) {
                String prefix = k.token() + ",";
                if (s.startsWith(prefix) && s.endsWith(")")) {
                    String num = s.substring(prefix.length(), s.length() - 1).strip();
                    if (num.equals("auto")) {
                        return new Atom(k, Double.NaN);
                    }
                    double c;
                    try {
                        c = Double.parseDouble(num);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("feature factor '" + text + "': saturation level '" + num
                                + "' is not a number");
                    }
                    return new Atom(k, c);
                }
            } else if (s.equals(k.token())) {
                return new Atom(k, 0.0);
            }
        }
        throw new IllegalArgumentException("unknown feature factor '" + text + "'; expected one of v, omega, cmd_v, "
                + "cmd_omega, |v|, |omega|, |cmd_v|, |cmd_omega|, dv, domega, |dv|, |domega|, sat(dv,C), sat(domega,C), "
                + "sat(cmd_v,C), sat(cmd_omega,C) (C a level > 0 or auto)");
    }

    /** @return true for a saturation whose level is still to be chosen by the fitter ({@code sat(dv,auto)}). */
    public boolean isAuto() {
        return Double.isNaN(knot);
    }

    /**
     * The same atom with a concrete saturation level.
     *
     * @param level saturation level [m/s or rad/s], &gt; 0.
     * @return a new atom of the same kind.
     */
    public Atom withKnot(double level) {
        return new Atom(kind, level);
    }

    /**
     * Value of the atom at z = (v, ω, cmd_v, cmd_ω).
     *
     * @param v  forward speed [m/s].
     * @param w  yaw rate [rad/s].
     * @param cv commanded speed [m/s].
     * @param cw commanded yaw rate [rad/s].
     * @return the value in the atom's unit.
     */
    public double value(double v, double w, double cv, double cw) {
        return value(kind, knot, v, w, cv, cw);
    }

    /**
     * Value of an atom of kind {@code kind} and saturation level {@code knot} at z = (v, ω, cmd_v, cmd_ω), for
     * callers that keep atoms unpacked (the compiled feature program).
     *
     * @param kind the atom's kind.
     * @param knot saturation level [m/s or rad/s] (used by the saturations only).
     * @param v    forward speed [m/s].
     * @param w    yaw rate [rad/s].
     * @param cv   commanded speed [m/s].
     * @param cw   commanded yaw rate [rad/s].
     * @return the value in the atom's unit.
     */
    public static double value(Kind kind, double knot, double v, double w, double cv, double cw) {
        switch (kind) {
            case V: return v;
            case OMEGA: return w;
            case CMD_V: return cv;
            case CMD_OMEGA: return cw;
            case ABS_V: return Math.abs(v);
            case ABS_OMEGA: return Math.abs(w);
            case ABS_CMD_V: return Math.abs(cv);
            case ABS_CMD_OMEGA: return Math.abs(cw);
            case DV: return cv - v;
            case DOMEGA: return cw - w;
            case ABS_DV: return Math.abs(cv - v);
            case ABS_DOMEGA: return Math.abs(cw - w);
            case SAT_DV: return Math.max(-knot, Math.min(knot, cv - v));
            case SAT_DOMEGA: return Math.max(-knot, Math.min(knot, cw - w));
            case SAT_CMD_V: return Math.max(-knot, Math.min(knot, cv));
            case SAT_CMD_OMEGA: return Math.max(-knot, Math.min(knot, cw));
            default: throw new AssertionError(kind);
        }
    }

    /**
     * Partial derivative of the atom with respect to input {@code input} (an {@link Inputs} index).
     *
     * @param v     forward speed [m/s].
     * @param w     yaw rate [rad/s].
     * @param cv    commanded speed [m/s].
     * @param cw    commanded yaw rate [rad/s].
     * @param input which input to differentiate by.
     * @return ∂atom/∂z_input (dimensionless ratio of the units involved).
     */
    public double derivative(double v, double w, double cv, double cw, int input) {
        switch (kind) {
            case V: return input == Inputs.V ? 1 : 0;
            case OMEGA: return input == Inputs.OMEGA ? 1 : 0;
            case CMD_V: return input == Inputs.CMD_V ? 1 : 0;
            case CMD_OMEGA: return input == Inputs.CMD_OMEGA ? 1 : 0;
            case ABS_V: return input == Inputs.V ? Math.signum(v) : 0;
            case ABS_OMEGA: return input == Inputs.OMEGA ? Math.signum(w) : 0;
            case ABS_CMD_V: return input == Inputs.CMD_V ? Math.signum(cv) : 0;
            case ABS_CMD_OMEGA: return input == Inputs.CMD_OMEGA ? Math.signum(cw) : 0;
            case DV: return dDiff(input, Inputs.V, Inputs.CMD_V, 1.0);
            case DOMEGA: return dDiff(input, Inputs.OMEGA, Inputs.CMD_OMEGA, 1.0);
            case ABS_DV: return dDiff(input, Inputs.V, Inputs.CMD_V, Math.signum(cv - v));
            case ABS_DOMEGA: return dDiff(input, Inputs.OMEGA, Inputs.CMD_OMEGA, Math.signum(cw - w));
            case SAT_DV: return dDiff(input, Inputs.V, Inputs.CMD_V, Math.abs(cv - v) < knot ? 1.0 : 0.0);
            case SAT_DOMEGA: return dDiff(input, Inputs.OMEGA, Inputs.CMD_OMEGA, Math.abs(cw - w) < knot ? 1.0 : 0.0);
            case SAT_CMD_V: return input == Inputs.CMD_V && Math.abs(cv) < knot ? 1.0 : 0.0;
            case SAT_CMD_OMEGA: return input == Inputs.CMD_OMEGA && Math.abs(cw) < knot ? 1.0 : 0.0;
            default: throw new AssertionError(kind);
        }
    }

    /** d/dz of g(cmd − meas) with g′ = slope: −slope for the measured input, +slope for the command. */
    private static double dDiff(int input, int measured, int command, double slope) {
        if (input == measured) {
            return -slope;
        }
        return input == command ? slope : 0.0;
    }

    /** @return the text form, parseable by {@link #parse}. */
    @Override
    public String toString() {
        if (kind.isSaturation()) {
            return kind.token() + "," + (isAuto() ? "auto" : String.format(Locale.ROOT, "%s", knot)) + ")";
        }
        return kind.token();
    }
}
