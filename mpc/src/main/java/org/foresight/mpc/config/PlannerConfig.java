package org.foresight.mpc.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foresight.mpc.cem.CemConfig;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.dwa.DwaConfig;
import org.foresight.mpc.ilqr.IlqrConfig;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.recovery.RecoveryConfig;
import org.foresight.mpc.switching.SwitchingConfig;

/**
 * Every planner's parameters and every critic's weight in one typed, validated configuration: which planner
 * runs, and the settings of each. Read from JSON as a nested object whose keys are the components' names
 * (units in their Javadoc and in the README); {@link #withOverrides} applies a partial tree (a file, or
 * {@code --set key.path=value}) on top of {@link #defaults()}.
 *
 * @param planner which planner runs: one of {@link #PLANNERS}.
 * @param mppi    MPPI's settings ({@link MppiConfig}).
 * @param cem     CEM's settings ({@link CemConfig}).
 * @param dwa     DWA's settings, the BARN harness's by default ({@link DwaConfig}).
 * @param ilqr    iLQR's settings ({@link IlqrConfig}).
 * @param switching the mode-switching planner's modes and rules ({@link SwitchingConfig}); its optimiser uses
 *                {@code mppi} and {@code critics}.
 * @param critics the critics' weights and shapes, shared by every sampling planner ({@link CriticParams}).
 * @param recovery the scripted stall recovery in front of MPPI, CEM and iLQR ({@link RecoveryConfig}).
 */
public record PlannerConfig(String planner, MppiConfig mppi, CemConfig cem, DwaConfig dwa, IlqrConfig ilqr,
                            SwitchingConfig switching, CriticParams critics, RecoveryConfig recovery) {
    /** The planners that can be named. */
    public static final List<String> PLANNERS = List.of("mppi", "cem", "dwa", "ilqr", "switching");

    /** Validates the planner name (the nested records validate themselves). */
    public PlannerConfig {
        if (planner == null || !PLANNERS.contains(planner.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("planner must be one of " + PLANNERS + ", got '" + planner + "'");
        }
        planner = planner.toLowerCase(Locale.ROOT);
        if (mppi == null || cem == null || dwa == null || ilqr == null || switching == null || critics == null
                || recovery == null) {
            throw new IllegalArgumentException("every planner's settings must be present");
        }
    }

    /** @return MPPI selected; every planner with its defaults; the default critics; recovery on. */
    public static PlannerConfig defaults() {
        return new PlannerConfig("mppi", MppiConfig.defaults(), CemConfig.defaults(), DwaConfig.defaults(),
                IlqrConfig.defaults(), SwitchingConfig.defaults(), CriticParams.defaults(), RecoveryConfig.defaults());
    }

    /** @return this configuration as an ordered tree (what {@code --print-config} prints). */
    public Map<String, Object> toTree() {
        return RecordTree.toTree(this);
    }

    /**
     * This configuration with a partial tree laid over it: every key of {@code overrides} must exist here,
     * objects merge recursively, scalars replace.
     *
     * @param overrides a partial tree (e.g. parsed from a JSON file).
     * @param source    where it came from, for messages (e.g. the file name); may be empty.
     * @return the new configuration.
     * @throws ConfigException naming the key path (prefixed by the source) and the reason.
     */
    public PlannerConfig withOverrides(Map<String, Object> overrides, String source) {
        Map<String, Object> tree = toTree();
        try {
            merge(tree, overrides, "");
            return RecordTree.fromTree(PlannerConfig.class, tree, "");
        } catch (ConfigException e) {
            throw source.isEmpty() ? e : new ConfigException(source + ": " + e.key(),
                    e.getMessage().substring(e.key().length() + 2));
        }
    }

    /**
     * This configuration with one value changed, e.g. {@code mppi.samples=4000} or {@code critics.speedTarget=1.2}.
     * The value is a JSON scalar: a number, true/false, or a string.
     *
     * @param assignment KEY.PATH=VALUE.
     * @return the new configuration.
     * @throws ConfigException naming the key and the reason.
     */
    public PlannerConfig withSet(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(assignment, "expected KEY.PATH=VALUE");
        }
        String[] path = assignment.substring(0, eq).trim().split("\\.");
        String raw = assignment.substring(eq + 1).trim();
        Object value;
        if (raw.equals("true") || raw.equals("false")) {
            value = Boolean.parseBoolean(raw);
        } else {
            try {
                value = raw.matches("[-+]?\\d+") ? (Object) Long.parseLong(raw) : (Object) Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                value = raw;
            }
        }
        Map<String, Object> partial = new LinkedHashMap<>();
        Map<String, Object> at = partial;
        for (int i = 0; i < path.length - 1; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            at.put(path[i], next);
            at = next;
        }
        at.put(path[path.length - 1], value);
        return withOverrides(partial, "");
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> base, Map<String, Object> over, String path) {
        for (Map.Entry<String, Object> e : over.entrySet()) {
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (!base.containsKey(e.getKey())) {
                throw new ConfigException(key, "unknown key (known here: " + String.join(", ", base.keySet()) + ")");
            }
            Object b = base.get(e.getKey());
            if (b instanceof Map && e.getValue() instanceof Map) {
                merge((Map<String, Object>) b, (Map<String, Object>) e.getValue(), key);
            } else if (b instanceof Map) {
                throw new ConfigException(key, "expected an object, got " + e.getValue());
            } else {
                base.put(e.getKey(), e.getValue());
            }
        }
    }
}
