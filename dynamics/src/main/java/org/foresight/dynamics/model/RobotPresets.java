package org.foresight.dynamics.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named variants of the simulated Jackal ({@link JackalParams}), the robots the README's tables are made
 * with. Each changes only the fields named here; everything else is {@link JackalParams#defaults()}.
 *
 * <ul>
 *   <li>{@code default}: {@link JackalParams#defaults()}.</li>
 *   <li>{@code moderate}: τ_v 0.15 s, τ_ω 0.12 s, yawSlip 0.25, longSlip 0.1, lateralSlip 0.02 s,
 *       10 m/s², 15 rad/s².</li>
 *   <li>{@code extreme}: τ_v 0.2 s, 1.5 m/s, 3 rad/s, 3 m/s², 8 rad/s², yawSlip 0.3, longSlip 0.15,
 *       lateralSlip 0.03 s.</li>
 *   <li>{@code slow-actuators}: τ_v 0.3 s, τ_ω 0.25 s.</li>
 *   <li>{@code sluggish}: 2 m/s², 4 rad/s².</li>
 * </ul>
 */
public final class RobotPresets {
    private static final Map<String, JackalParams> PRESETS;

    static {
        JackalParams d = JackalParams.defaults();
        Map<String, JackalParams> m = new LinkedHashMap<>();
        m.put("default", d);
        m.put("moderate", d.withTauV(0.15).withTauOmega(0.12).withYawSlip(0.25).withLongSlip(0.1)
                .withLateralSlip(0.02).withMaxAccel(10).withMaxAlpha(15));
        m.put("extreme", d.withTauV(0.2).withMaxV(1.5).withMaxOmega(3).withMaxAccel(3).withMaxAlpha(8)
                .withYawSlip(0.3).withLongSlip(0.15).withLateralSlip(0.03));
        m.put("slow-actuators", d.withTauV(0.3).withTauOmega(0.25));
        m.put("sluggish", d.withMaxAccel(2).withMaxAlpha(4));
        PRESETS = Collections.unmodifiableMap(m);
    }

    private RobotPresets() {
    }

    /** @return every preset by name, in the documented order (read-only). */
    public static Map<String, JackalParams> all() {
        return PRESETS;
    }

    /**
     * @param name a preset name (case-insensitive).
     * @return its parameters.
     * @throws IllegalArgumentException naming the known presets if there is none of that name.
     */
    public static JackalParams byName(String name) {
        JackalParams p = PRESETS.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown robot preset '" + name + "' (known: "
                    + String.join(", ", PRESETS.keySet()) + ")");
        }
        return p;
    }
}
