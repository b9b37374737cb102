package org.foresight.worldmodel.collect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operating envelope of a robot as measured by a short pilot experiment (see {@link ExcitationSignal}):
 * the speeds and yaw rates it actually reaches under full commands and how fast it gets there. Everything
 * here comes from logged measurements, never from the simulator's hidden parameters.
 *
 * @param vForward  speed reached under the full forward command [m/s], &gt; 0.
 * @param vReverse  speed reached under the full reverse command [m/s], &lt; 0.
 * @param omegaLeft yaw rate reached under the full left-turn command [rad/s], &gt; 0.
 * @param omegaRight yaw rate reached under the full right-turn command [rad/s], &lt; 0.
 * @param accel     largest measured rate of change of v [m/s²], &gt; 0.
 * @param alpha     largest measured rate of change of ω [rad/s²], &gt; 0.
 */
public record PlantEnvelope(double vForward, double vReverse, double omegaLeft, double omegaRight, double accel,
        double alpha) {

    /** Validates signs and finiteness. */
    public PlantEnvelope {
        check("vForward [m/s]", vForward, 1);
        check("vReverse [m/s]", vReverse, -1);
        check("omegaLeft [rad/s]", omegaLeft, 1);
        check("omegaRight [rad/s]", omegaRight, -1);
        check("accel [m/s²]", accel, 1);
        check("alpha [rad/s²]", alpha, 1);
    }

    /**
     * The time to cross the whole envelope at the measured rate limits, the longer of the two channels:
     * <pre>
     *   T_ramp = max((v_fwd − v_rev)/a, (ω_left − ω_right)/α)   [s]
     * </pre>
     *
     * @return T_ramp [s].
     */
    public double rampTime() {
        return Math.max((vForward - vReverse) / accel, (omegaLeft - omegaRight) / alpha);
    }

    /**
     * The highest frequency at which a sinusoid of amplitude A can still be followed under the rate limit,
     * f = rate/(2π·A) (the sinusoid's peak slope 2π·f·A equals the limit).
     *
     * @param rate      the rate limit [unit/s²].
     * @param amplitude the sinusoid's amplitude [unit/s], &gt; 0.
     * @return f [Hz].
     */
    public static double followableFrequency(double rate, double amplitude) {
        return rate / (2 * Math.PI * amplitude);
    }

    /** @return the estimates as a map for a log's sidecar (keys name the units). */
    public Map<String, Object> toMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v_forward_m_per_s", vForward);
        m.put("v_reverse_m_per_s", vReverse);
        m.put("omega_left_rad_per_s", omegaLeft);
        m.put("omega_right_rad_per_s", omegaRight);
        m.put("accel_m_per_s2", accel);
        m.put("alpha_rad_per_s2", alpha);
        m.put("ramp_time_s", rampTime());
        return m;
    }

    private static void check(String name, double value, int sign) {
        if (!Double.isFinite(value) || Math.signum(value) != sign) {
            throw new IllegalArgumentException("plant envelope " + name + " must be finite and " + (sign > 0 ? "> 0" : "< 0")
                    + ", got " + value);
        }
    }
}
