package org.foresight.examples.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ranking of a sweep's configurations: by success rate, then mean score, then fewer collisions, each over all
 * of the configuration's episodes (worlds × models × perceptions × robots × seeds).
 */
public final class SweepRanking {
    private SweepRanking() {
    }

    /**
     * One ranked configuration.
     *
     * @param id          configuration id.
     * @param assignments its key=value pairs.
     * @param tally       its outcomes.
     */
    public record Entry(String id, List<String> assignments, BenchSummary.Tally tally) {
    }

    /**
     * @param rows        the sweep's rows.
     * @param assignments each configuration id's assignments.
     * @return the configurations with rows, best first.
     */
    public static List<Entry> rank(List<ResultRow> rows, Map<String, List<String>> assignments) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, BenchSummary.Tally> e : BenchSummary.tally(rows, ResultRow::config).entrySet()) {
            out.add(new Entry(e.getKey(), assignments.getOrDefault(e.getKey(), List.of()), e.getValue()));
        }
        out.sort(Comparator.comparingDouble((Entry x) -> -x.tally().successRate())
                .thenComparingDouble(x -> -x.tally().meanScore())
                .thenComparingInt(x -> x.tally().collision)
                .thenComparing(Entry::id));
        return out;
    }

    /**
     * @param ranked     the ranking.
     * @param conditions the conditions line.
     * @return the markdown of {@code summary.md}.
     */
    public static String markdown(List<Entry> ranked, String conditions) {
        StringBuilder sb = new StringBuilder("# Sweep summary\n\n").append(conditions).append("\n\n");
        sb.append("Ranked by success, then mean score, then fewer collisions.\n\n");
        sb.append("| rank | config | settings | episodes | success | collisions | timeouts | mean score | plan ms p50 |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        int rank = 1;
        for (Entry e : ranked) {
            BenchSummary.Tally t = e.tally();
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %d (%.1f %%) | %d | %d | %.3f | %.2f |%n", rank++,
                    e.id(), String.join(", ", e.assignments()), t.n, t.success, 100 * t.successRate(), t.collision,
                    t.timeout, t.meanScore(), BenchSummary.median(t.p50)));
        }
        return sb.toString();
    }
}
