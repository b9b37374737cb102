package org.foresight.mpc.loop;

import java.util.Locale;

/**
 * How long a plan takes to reach the wheels in a closed-loop episode, in simulated time. The command computed
 * from the measurement taken at t_k is applied at t_k + L, rounded up to the physics step; the previous
 * command holds until then. A plan with L longer than the control period overruns: the robot keeps the last
 * command, and the next plan starts at the first control tick after the late command arrived, from the
 * newest measurement (see {@link EpisodeRunner}).
 *
 * <ul>
 *   <li>{@link Kind#MEASURED}: L is the plan's wall-clock planning time plus {@link #fixedMs()} (0 by default;
 *       e.g. {@code measured+30} adds the 30 ms a ROS pipeline spends outside the planner: the scan's age,
 *       transport, the motor driver); honest, not reproducible.</li>
 *   <li>{@link Kind#FIXED}: L is {@link #fixedMs()} whatever the planning took; bit-reproducible.</li>
 *   <li>{@link Kind#NONE}: L = 0, the simulator waits for the planner (synchronous; for debugging).</li>
 * </ul>
 *
 * @param kind    which of the three.
 * @param fixedMs the latency of {@link Kind#FIXED}, or the delay added to the planning time of
 *                {@link Kind#MEASURED} [ms], finite and ≥ 0; 0 for {@link Kind#NONE}.
 */
public record Latency(Kind kind, double fixedMs) {
    /** The three ways of charging planning time. */
    public enum Kind {
        /** Wall-clock planning time. */
        MEASURED,
        /** A fixed number of milliseconds. */
        FIXED,
        /** No latency: synchronous. */
        NONE
    }

    /** Validates the fixed latency. */
    public Latency {
        if (kind == null) {
            throw new IllegalArgumentException("latency kind must not be null");
        }
        if (kind == Kind.NONE ? fixedMs != 0 : !(Double.isFinite(fixedMs) && fixedMs >= 0)) {
            throw new IllegalArgumentException("a fixed latency or added delay must be finite and >= 0 ms, got " + fixedMs);
        }
    }

    /** @return wall-clock planning time charged. */
    public static Latency measured() {
        return new Latency(Kind.MEASURED, 0);
    }

    /** @return no latency (synchronous). */
    public static Latency none() {
        return new Latency(Kind.NONE, 0);
    }

    /** @param ms the latency [ms], ≥ 0. @return a fixed latency. */
    public static Latency fixed(double ms) {
        return new Latency(Kind.FIXED, ms);
    }

    /**
     * Parses {@code measured}, {@code none} or a number of milliseconds (e.g. {@code 20}).
     *
     * @param spec the text.
     * @return the latency.
     * @throws IllegalArgumentException saying what is accepted.
     */
    public static Latency parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("measured")) {
            return measured();
        }
        if (s.startsWith("measured+")) {
            double extra;
            try {
                extra = Double.parseDouble(s.substring("measured+".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + spec + "' is not measured+MS (e.g. measured+30)");
            }
            if (!(Double.isFinite(extra) && extra >= 0)) {
                throw new IllegalArgumentException("'" + spec + "': an added delay must be a finite number of ms >= 0");
            }
            return new Latency(Kind.MEASURED, extra);
        }
        if (s.equals("none")) {
            return none();
        }
        double ms;
        try {
            ms = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "' is not measured, measured+MS, none or a latency in ms (e.g. 20)");
        }
        if (!(Double.isFinite(ms) && ms >= 0)) {
            throw new IllegalArgumentException("'" + spec + "': a latency must be a finite number of ms >= 0");
        }
        return fixed(ms);
    }

    /**
     * @param planMs the plan's measured wall-clock time [ms].
     * @return the latency charged to it [ms].
     */
    public double chargedMs(double planMs) {
        return switch (kind) {
            case MEASURED -> planMs + fixedMs;
            case FIXED -> fixedMs;
            case NONE -> 0.0;
        };
    }

    /**
     * The charged latency in whole physics steps, rounded up (a latency within 1e-9 of a step boundary counts
     * as that boundary, so that 20 ms at a 5 ms step is exactly 4 steps).
     *
     * @param planMs    the plan's measured wall-clock time [ms].
     * @param physicsDt the physics step [s].
     * @return steps ≥ 0.
     */
    public long chargedSteps(double planMs, double physicsDt) {
        double steps = chargedMs(planMs) * 1e-3 / physicsDt;
        return (long) Math.ceil(steps - 1e-9);
    }

    /** @return "measured", "measured+30 ms", "none" or e.g. "20 ms". */
    public String label() {
        return switch (kind) {
            case MEASURED -> fixedMs == 0 ? "measured" : "measured+" + (fixedMs == Math.rint(fixedMs)
                    ? Long.toString((long) fixedMs) : Double.toString(fixedMs)) + " ms";
            case NONE -> "none";
            case FIXED -> (fixedMs == Math.rint(fixedMs) ? Long.toString((long) fixedMs)
                    : Double.toString(fixedMs)) + " ms";
        };
    }
}
