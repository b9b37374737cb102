package org.foresight.examples.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published BARN entries' per-world results (Gazebo, lidar + odometry, real time), bundled from the challenge's
 * result files, so that a summary over BARN worlds can set ours beside theirs on exactly the same worlds.
 */
public final class PublishedResults {
    private static final String RESOURCE = "/org/foresight/examples/campaign/published_barn.csv";

    /**
     * One entry's figures over a set of worlds: world averages (each world's rate over its runs, averaged).
     *
     * @param label     the entry's name.
     * @param worlds    worlds averaged over.
     * @param runs      runs in all.
     * @param success   success rate, in [0, 1].
     * @param collision collision rate.
     * @param timeout   timeout rate.
     * @param meanScore mean BARN score.
     */
    public record Line(String label, int worlds, int runs, double success, double collision, double timeout,
                       double meanScore) {
    }

    private record PerWorld(int runs, double success, double collision, double timeout, double score) {
    }

    private PublishedResults() {
    }

    /** The bundled file, read once on first use (class-holder idiom: thread-safe, lazy). */
    private static final class Bundled {
        static final Map<String, String> LABELS = new LinkedHashMap<>();
        static final Map<String, Map<Integer, PerWorld>> DATA = load(LABELS);
    }

    /**
     * @param barnWorlds the BARN indices of a campaign.
     * @return every bundled entry that has results on all of those worlds, averaged over exactly them; empty when
     *         none covers them all.
     */
    public static List<Line> on(Collection<Integer> barnWorlds) {
        List<Line> out = new ArrayList<>();
        if (barnWorlds.isEmpty()) {
            return out;
        }
        Map<String, String> labels = Bundled.LABELS;
        Map<String, Map<Integer, PerWorld>> data = Bundled.DATA;
        for (Map.Entry<String, Map<Integer, PerWorld>> e : data.entrySet()) {
            Map<Integer, PerWorld> m = e.getValue();
            if (!m.keySet().containsAll(barnWorlds)) {
                continue;
            }
            double s = 0;
            double c = 0;
            double t = 0;
            double sc = 0;
            int runs = 0;
            for (int w : barnWorlds) {
                PerWorld p = m.get(w);
                s += p.success();
                c += p.collision();
                t += p.timeout();
                sc += p.score();
                runs += p.runs();
            }
            int n = barnWorlds.size();
            out.add(new Line(labels.get(e.getKey()), n, runs, s / n, c / n, t / n, sc / n));
        }
        return out;
    }

    /**
     * @param entry an entry's key in the bundled file, e.g. {@code dwa}.
     * @return its success rate per BARN world (empty when the entry is unknown).
     */
    public static Map<Integer, Double> successPerWorld(String entry) {
        Map<Integer, Double> out = new java.util.TreeMap<>();
        Map<Integer, PerWorld> m = Bundled.DATA.get(entry);
        if (m != null) {
            m.forEach((w, p) -> out.put(w, p.success()));
        }
        return out;
    }

    private static Map<String, Map<Integer, PerWorld>> load(Map<String, String> labels) {
        Map<String, Map<Integer, PerWorld>> data = new LinkedHashMap<>();
        try (InputStream in = PublishedResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> f = ResultRow.split(line);
                labels.putIfAbsent(f.get(0), f.get(1));
                data.computeIfAbsent(f.get(0), k -> new HashMap<>()).put(Integer.parseInt(f.get(2)),
                        new PerWorld(Integer.parseInt(f.get(3)), Double.parseDouble(f.get(4)),
                                Double.parseDouble(f.get(5)), Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }
}
