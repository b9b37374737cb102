package org.foresight.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.foresight.mpc.config.ConfigException;
import org.foresight.mpc.config.RecordTree;

/**
 * A configuration record with some of its components changed by KEY=VAL pairs, as {@code --tracker} and
 * {@code --moving-filter} give them: every key must be a component of the record, every value a number (or
 * true/false), and the record's own constructor judges the result. Errors are one line naming the option, the key
 * and the reason.
 */
public final class RecordOverrides {
    private RecordOverrides() {
    }

    /**
     * @param option   the option, for messages (e.g. {@code --tracker}).
     * @param defaults the record to start from.
     * @param changes  component name → value, in the order given.
     * @param <R>      the record type.
     * @return {@code defaults} itself without changes, else a new record.
     * @throws IllegalArgumentException one line naming the option and the key: an unknown key, a value that is not a
     *                                  number, or one the record rejects.
     */
    public static <R extends Record> R apply(String option, R defaults, Map<String, String> changes) {
        if (changes.isEmpty()) {
            return defaults;
        }
        Map<String, Object> tree = RecordTree.toTree(defaults);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (!tree.containsKey(e.getKey())) {
                throw new IllegalArgumentException(option + " " + e.getKey() + ": unknown key (known: "
                        + String.join(", ", tree.keySet()) + ")");
            }
            String v = e.getValue().trim();
            tree.put(e.getKey(), v.equals("true") || v.equals("false") ? (Object) Boolean.parseBoolean(v)
                    : (Object) SensingOptions.number(option, e.getKey(), v));
        }
        try {
            @SuppressWarnings("unchecked")
            Class<R> type = (Class<R>) defaults.getClass();
            return RecordTree.fromTree(type, tree, "");
        } catch (ConfigException e) {
            throw new IllegalArgumentException(option + " " + format(changes) + ": " + e.getMessage());
        }
    }

    /**
     * @param changes KEY → VAL.
     * @return "KEY=VAL,KEY=VAL" in the map's order (the inverse of {@link #pairs}).
     */
    public static String format(Map<String, String> changes) {
        return changes.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(","));
    }

    /**
     * @param option the option, for messages.
     * @param spec   "KEY=VAL,KEY=VAL".
     * @return the pairs in order.
     * @throws IllegalArgumentException naming the option for an item without '=' or an empty key.
     */
    public static Map<String, String> pairs(String option, String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + " " + item + ": expected KEY=VAL");
            }
            m.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return m;
    }
}
