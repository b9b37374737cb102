package org.foresight.examples.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.Pose2;
import org.foresight.dynamics.world.WorldLoader;

/**
 * Parses a {@code --worlds} list into the worlds a campaign runs over. Comma-separated items:
 * <ul>
 *   <li>{@code barn:all} (0..299), {@code barn:test} (the challenge's 50 test worlds 0, 6, …, 294),
 *       {@code barn:A-B}, {@code barn:A-B:STEP}, {@code barn:N};</li>
 *   <li>bare indices and ranges ({@code 0-299}, {@code 3}, {@code 0-299:10}), meaning BARN worlds;</li>
 *   <li>{@code dynabarn:all} (the 60 dynamic worlds), {@code dynabarn:A-B[:STEP]}, {@code dynabarn:N} (world start
 *       time 0);</li>
 *   <li>a directory: every {@code *.txt} world file in it in the BARN format (reference paths from its
 *       {@code paths/} folder when present), sorted by name;</li>
 *   <li>a BARN-format file, or a ROS map_server {@code .yaml} that also holds {@code start: [x, y, theta]} and
 *       {@code goal: [x, y]} lines (map_server ignores them).</li>
 * </ul>
 * Duplicates are dropped, the first occurrence kept.
 */
public final class WorldSpecs {
    private WorldSpecs() {
    }

    /**
     * @param spec the list as given.
     * @return the worlds, in order.
     * @throws IllegalArgumentException one line naming {@code --worlds} and the item.
     */
    public static List<WorldRef> parse(String spec) {
        Map<String, WorldRef> out = new LinkedHashMap<>();
        for (String raw : spec.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.startsWith("barn:") || Character.isDigit(item.charAt(0)) && !Files.exists(Path.of(item))) {
                for (int i : indices(spec, item.startsWith("barn:") ? item.substring(5) : item, WorldLoader.BARN_COUNT)) {
                    out.putIfAbsent("barn:" + i, barn(i));
                }
            } else if (item.startsWith("dynabarn:")) {
                for (int i : indices(spec, item.substring(9), DynaBarn.COUNT)) {
                    out.putIfAbsent("dynabarn:" + i, new WorldRef("dynabarn:" + i, -1, () -> DynaBarn.load(i, 0.0)));
                }
            } else if (item.matches("[a-z]+:.*") && !Files.exists(Path.of(item))) {
                throw new IllegalArgumentException("--worlds " + item + ": unknown world set (known: barn:all, barn:test, "
                        + "barn:A-B, dynabarn:all, dynabarn:A-B, a folder of BARN-format worlds, a world file or a map_server .yaml)");
            } else {
                for (WorldRef w : files(item)) {
                    out.putIfAbsent(w.name(), w);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--worlds " + spec + ": no worlds");
        }
        return List.copyOf(out.values());
    }

    /**
     * One world by its row name, as {@link #parse} named it: {@code barn:N}, {@code dynabarn:N} or a world file's path. A Spark task
     * rebuilds its world this way, so on a cluster the file must be reachable at that path on every node.
     *
     * @param name the name.
     * @return the world.
     * @throws IllegalArgumentException naming {@code --worlds} when it is neither.
     */
    public static WorldRef byName(String name) {
        if (name.matches("(dyna)?barn:\\d+")) {
            return parse(name).get(0); // the same reference parse gives, range checks included
        }
        if (!Files.isRegularFile(Path.of(name))) {
            throw new IllegalArgumentException("--worlds " + name + ": no such world file (on a cluster every node must "
                    + "reach it at this path)");
        }
        return file(Path.of(name));
    }

    private static WorldRef barn(int i) {
        return new WorldRef("barn:" + i, i, () -> WorldLoader.loadBarn(i));
    }

    private static TreeSet<Integer> indices(String spec, String p, int count) {
        TreeSet<Integer> set = new TreeSet<>();
        int max = count - 1;
        if (p.equals("all")) {
            p = "0-" + max;
        } else if (p.equals("test") && count == WorldLoader.BARN_COUNT) {
            p = "0-" + max + ":6";
        }
        int step = 1;
        int colon = p.indexOf(':');
        try {
            if (colon >= 0) {
                step = Integer.parseInt(p.substring(colon + 1));
                p = p.substring(0, colon);
            }
            int dash = p.indexOf('-');
            int a = Integer.parseInt(dash >= 0 ? p.substring(0, dash) : p);
            int b = dash >= 0 ? Integer.parseInt(p.substring(dash + 1)) : a;
            if (a < 0 || b > max || a > b || step < 1) {
                throw new IllegalArgumentException("--worlds " + spec + ": '" + p + "' is not a range within 0.." + max);
            }
            for (int i = a; i <= b; i += step) {
                set.add(i);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--worlds " + spec + ": '" + p + "' is not all, test, N, A-B or A-B:STEP");
        }
        return set;
    }

    private static List<WorldRef> files(String item) {
        Path path = Path.of(item);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--worlds " + item + ": no such file or folder");
        }
        List<WorldRef> refs = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                List<Path> txt = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (txt.isEmpty()) {
                    throw new IllegalArgumentException("--worlds " + item + ": the folder holds no BARN-format .txt worlds");
                }
                for (Path f : txt) {
                    refs.add(file(f));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--worlds " + item + ": cannot list the folder: " + e.getMessage());
            }
            return refs;
        }
        refs.add(file(path));
        return refs;
    }

    private static WorldRef file(Path f) {
        String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            double[] start = yamlList(f, "start", 3);
            double[] goal = yamlList(f, "goal", 2);
            Pose2 s = new Pose2(start[0], start[1], start[2]);
            WorldLoader.loadMapServer(f, s, goal[0], goal[1]); // fail now, not in a worker
            return new WorldRef(f.toString(), -1, () -> WorldLoader.loadMapServer(f, s, goal[0], goal[1]));
        }
        WorldLoader.loadBarnFile(f); // a malformed file is reported before any episode starts
        return new WorldRef(f.toString(), -1, () -> WorldLoader.loadBarnFile(f));
    }

    /** Reads a flow list {@code key: [a, b, ...]} of exactly n numbers from a YAML file. */
    private static double[] yamlList(Path f, String key, int n) {
        List<String> lines;
        try {
            lines = Files.readAllLines(f);
        } catch (IOException e) {
            throw new IllegalArgumentException("--worlds " + f + ": cannot read: " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith(key + ":")) {
                String v = l.substring(key.length() + 1).strip();
                if (!v.startsWith("[") || !v.endsWith("]")) {
                    break;
                }
                String[] parts = v.substring(1, v.length() - 1).split(",");
                if (parts.length != n) {
                    break;
                }
                double[] d = new double[n];
                try {
                    for (int k = 0; k < n; k++) {
                        d[k] = Double.parseDouble(parts[k].strip());
                    }
                } catch (NumberFormatException e) {
                    break;
                }
                return d;
            }
        }
        throw new IllegalArgumentException("--worlds " + f + ": a map_server map in a bench needs a line '" + key + ": ["
                + (n == 3 ? "x, y, theta" : "x, y") + "]'");
    }
}
