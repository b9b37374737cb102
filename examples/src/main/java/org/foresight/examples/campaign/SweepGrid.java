package org.foresight.examples.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sweep's search space, read from {@code GRID.json}:
 * <pre>
 * {"planner": "mppi",
 *  "grid":   {"mppi.temperature": [0.1, 0.3, 1.0], "critics.speedTarget": [1.2, 1.6]},
 *  "random": {"samples": 20, "seed": 1, "ranges": {"mppi.noiseV": [0.1, 0.5], "mppi.samples": [500, 4000]}}}
 * </pre>
 * The keys are those of {@code --print-config}. {@code grid} gives the Cartesian product (the last key varying
 * fastest); {@code random} draws {@code samples} configurations uniformly from the ranges (a range of two
 * whole numbers draws whole numbers, inclusive), reproducibly from its seed. With both, the sweep runs the grid's
 * configurations and then the random ones. Each configuration is a list of {@code key=value} assignments.
 *
 * @param planner        the planner every configuration runs.
 * @param configurations the assignments of each configuration, in order.
 */
public record SweepGrid(String planner, List<List<String>> configurations) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param file the grid file.
     * @return the grid.
     * @throws IllegalArgumentException one line naming the file and the key.
     */
    public static SweepGrid read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--grid " + file + ": not readable JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--grid " + file + ": expected a JSON object {\"planner\": ..., \"grid\": {...}}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of("planner", "grid", "random").contains(k)) {
                throw new IllegalArgumentException("--grid " + file + ": unknown key '" + k + "' (known: planner, grid, random)");
            }
        }
        JsonNode p = root.get("planner");
        if (p == null || !p.isTextual()) {
            throw new IllegalArgumentException("--grid " + file + ": key planner: expected a planner name, e.g. \"mppi\"");
        }
        List<List<String>> configs = new ArrayList<>();
        JsonNode grid = root.get("grid");
        if (grid != null) {
            configs.addAll(product(file, grid));
        }
        JsonNode random = root.get("random");
        if (random != null) {
            configs.addAll(random(file, random));
        }
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("--grid " + file + ": neither grid nor random gives a configuration");
        }
        return new SweepGrid(p.asText(), List.copyOf(configs));
    }

    private static List<List<String>> product(Path file, JsonNode grid) {
        if (!grid.isObject()) {
            throw new IllegalArgumentException("--grid " + file + ": key grid: expected an object {\"key.path\": [values]}");
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("--grid " + file + ": key grid." + e.getKey()
                        + ": expected a non-empty list of values");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue()) {
                if (!v.isValueNode()) {
                    throw new IllegalArgumentException("--grid " + file + ": key grid." + e.getKey()
                            + ": values must be numbers, booleans or strings");
                }
                values.add(v.asText());
            }
            axes.put(e.getKey(), values);
        }
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : axis.getValue()) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(axis.getKey() + "=" + v);
                    next.add(c);
                }
            }
            out = next;
        }
        return axes.isEmpty() ? List.of() : out;
    }

    private static List<List<String>> random(Path file, JsonNode random) {
        JsonNode n = random.get("samples");
        JsonNode s = random.get("seed");
        JsonNode ranges = random.get("ranges");
        if (n == null || !n.canConvertToInt() || n.asInt() < 1) {
            throw new IllegalArgumentException("--grid " + file + ": key random.samples: expected a whole number >= 1");
        }
        if (ranges == null || !ranges.isObject() || ranges.isEmpty()) {
            throw new IllegalArgumentException("--grid " + file + ": key random.ranges: expected {\"key.path\": [low, high]}");
        }
        SplittableRandom rng = new SplittableRandom(s == null ? 0L : s.asLong());
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n.asInt(); i++) {
            List<String> c = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = ranges.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode r = e.getValue();
                if (!r.isArray() || r.size() != 2 || !r.get(0).isNumber() || !r.get(1).isNumber()
                        || !(r.get(0).asDouble() <= r.get(1).asDouble())) {
                    throw new IllegalArgumentException("--grid " + file + ": key random.ranges." + e.getKey()
                            + ": expected [low, high] numbers with low <= high");
                }
                if (r.get(0).isIntegralNumber() && r.get(1).isIntegralNumber()) {
                    long lo = r.get(0).asLong();
                    long hi = r.get(1).asLong();
                    c.add(e.getKey() + "=" + (lo + rng.nextLong(hi - lo + 1)));
                } else {
                    double lo = r.get(0).asDouble();
                    double hi = r.get(1).asDouble();
                    c.add(e.getKey() + "=" + String.format(Locale.ROOT, "%.6g", lo + (hi - lo) * rng.nextDouble()));
                }
            }
            out.add(c);
        }
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
