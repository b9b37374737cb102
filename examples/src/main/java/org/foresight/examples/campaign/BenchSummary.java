package org.foresight.examples.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.foresight.dynamics.world.DynaBarn;

/**
 * {@code summary.md} of a campaign, made from its rows (so a resumed campaign's summary counts every episode once):
 * one line per planner × model × perception × robot; on BARN worlds, success and score per block of 50 worlds and
 * the published entries on the same worlds beside ours.
 */
public final class BenchSummary {
    private BenchSummary() {
    }

    /** Outcome counts and statistics of a group of rows. */
    public static final class Tally {
        int n;
        int success;
        int collision;
        int timeout;
        double score;
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final List<Double> overrun = new ArrayList<>();
        final List<Double> clearance = new ArrayList<>();

        void add(ResultRow r) {
            n++;
            switch (r.outcome()) {
                case "success" -> success++;
                case "collision" -> collision++;
                case "timeout" -> timeout++;
                default -> { }
            }
            score += r.score();
            p50.add(r.planMsP50());
            p99.add(r.planMsP99());
            overrun.add(r.overrunFraction());
            if (Double.isFinite(r.minClearanceM())) {
                clearance.add(r.minClearanceM());
            }
        }

        /** @return success share in [0, 1]. */
        public double successRate() {
            return n == 0 ? 0 : (double) success / n;
        }

        /** @return mean BARN score. */
        public double meanScore() {
            return n == 0 ? 0 : score / n;
        }
    }

    /**
     * @param rows  the rows.
     * @param group the grouping key of a row.
     * @return tallies per group, groups in first-seen order.
     */
    public static Map<String, Tally> tally(List<ResultRow> rows, Function<ResultRow, String> group) {
        Map<String, Tally> m = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            m.computeIfAbsent(group.apply(r), k -> new Tally()).add(r);
        }
        return m;
    }

    /**
     * @param rows       the campaign's rows.
     * @param conditions one line saying under which conditions the figures were made.
     * @return the markdown.
     */
    public static String markdown(List<ResultRow> rows, String conditions) {
        StringBuilder sb = new StringBuilder("# Bench summary\n\n").append(conditions).append("\n\n");
        sb.append("| planner | model | perception | robot | episodes | success | collisions | timeouts | mean score "
                + "| plan ms p50 | plan ms p99 | overrun fraction | min clearance m |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Tally> e : tally(rows, r -> r.key().combination()).entrySet()) {
            Tally t = e.getValue();
            String[] k = e.getKey().split(" / ", 4);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d (%.1f %%) | %d | %d | %.3f | %.2f | %.2f "
                            + "| %.4f | %.3f |%n", k[0], k[1], k[2], k[3], t.n, t.success, 100 * t.successRate(), t.collision,
                    t.timeout, t.meanScore(), median(t.p50), median(t.p99), mean(t.overrun), median(t.clearance)));
        }
        sb.append("\nPlanning times: the median over episodes of each episode's p50 and p99. Min clearance: the median "
                + "over episodes of the least true footprint clearance.\n");
        dynaBarnThirds(sb, rows);
        List<ResultRow> barn = rows.stream().filter(r -> barnIndex(r.world()) >= 0).toList();
        if (!barn.isEmpty()) {
            blocks(sb, barn);
            TreeSet<Integer> worlds = new TreeSet<>();
            barn.forEach(r -> worlds.add(barnIndex(r.world())));
            dwaCalibration(sb, barn);
            List<PublishedResults.Line> pub = PublishedResults.on(worlds);
            if (!pub.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%n## Published entries on the same %d BARN worlds (Gazebo, lidar + "
                        + "odometry, real time; world averages)%n%n", worlds.size()));
                sb.append("| entry | worlds | runs | success | collisions | timeouts | mean score |\n|---|---|---|---|---|---|---|\n");
                for (PublishedResults.Line l : pub) {
                    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f %% | %.1f %% | %.1f %% | %.3f |%n", l.label(),
                            l.worlds(), l.runs(), 100 * l.success(), 100 * l.collision(), 100 * l.timeout(), l.meanScore()));
                }
            }
        }
        return sb.toString();
    }

    private static void blocks(StringBuilder sb, List<ResultRow> barn) {
        Map<String, Tally[]> per = new LinkedHashMap<>();
        for (ResultRow r : barn) {
            Tally[] t = per.computeIfAbsent(r.key().combination(), k -> new Tally[6]);
            int b = barnIndex(r.world()) / 50;
            if (t[b] == null) {
                t[b] = new Tally();
            }
            t[b].add(r);
        }
        sb.append("\n## Per block of 50 BARN worlds: success % (mean score), episodes\n\n| combination |");
        for (int b = 0; b < 6; b++) {
            sb.append(' ').append(50 * b).append('-').append(50 * b + 49).append(" |");
        }
        sb.append("\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Tally[]> e : per.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" |");
            for (Tally t : e.getValue()) {
                sb.append(t == null ? " |" : String.format(Locale.ROOT, " %.1f (%.3f), %d |", 100 * t.successRate(),
                        t.meanScore(), t.n));
            }
            sb.append('\n');
        }
    }

    /**
     * DynaBARN's own reporting (its README): success, collision and timeout rates and the mean traversal time of
     * successes per difficulty third, beside the published DWA; the time-weighted score uses OT = 10 s.
     */
    private static void dynaBarnThirds(StringBuilder sb, List<ResultRow> rows) {
        List<ResultRow> dyn = rows.stream().filter(r -> r.world().startsWith("dynabarn:")).toList();
        if (dyn.isEmpty()) {
            return;
        }
        sb.append("\n## DynaBARN per difficulty third\n\nScore here: success · 10 s / clip(AT, 20 s, 80 s) (OT = 20 m / "
                + "2 m/s, as DynaBARN's README defines it). Published DWA success (paper baseline): easy 78 %, medium "
                + "43 %, hard 17 %.\n\n| combination | third | episodes | success | collisions (moving / static) | timeouts "
                + "| mean time of successes s | DynaBARN score |\n|---|---|---|---|---|---|---|---|\n");
        Function<ResultRow, String> third = r -> r.key().combination() + "\u0000"
                + DynaBarn.difficulty(Integer.parseInt(r.world().substring(9)));
        Map<String, Tally> t = tally(dyn, third);
        Map<String, double[]> time = new LinkedHashMap<>(); // combination + third → (AT sum, n, score sum, moving)
        for (ResultRow r : dyn) {
            double[] a = time.computeIfAbsent(third.apply(r), x -> new double[4]);
            a[3] += r.collisionWith().equals("moving") ? 1 : 0;
            if (r.outcome().equals("success")) {
                a[0] += r.timeS();
                a[1]++;
                a[2] += 10.0 / Math.min(80.0, Math.max(20.0, r.timeS()));
            }
        }
        for (Map.Entry<String, Tally> e : t.entrySet()) {
            String[] k = e.getKey().split("\u0000");
            Tally x = e.getValue();
            double[] a = time.get(e.getKey());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f %% | %.1f %% (%d / %d) | %.1f %% | %.1f | %.3f |%n",
                    k[0], k[1], x.n, 100.0 * x.success / x.n, 100.0 * x.collision / x.n, (int) a[3],
                    x.collision - (int) a[3], 100.0 * x.timeout / x.n,
                    a[1] > 0 ? a[0] / a[1] : Double.NaN, a[2] / x.n));
        }
    }

    /**
     * For each DWA combination on BARN worlds the harness's DWA also ran: per world, our success rate beside
     * Gazebo's, and Spearman's rank correlation of the two (the calibration of the simulator against Gazebo).
     */
    private static void dwaCalibration(StringBuilder sb, List<ResultRow> barn) {
        Map<Integer, Double> gazebo = PublishedResults.successPerWorld("dwa");
        Map<String, List<ResultRow>> dwa = new LinkedHashMap<>();
        for (ResultRow r : barn) {
            if (r.planner().equals("dwa") && gazebo.containsKey(barnIndex(r.world()))) {
                dwa.computeIfAbsent(r.key().combination(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<ResultRow>> e : dwa.entrySet()) {
            Map<Integer, double[]> ours = new java.util.TreeMap<>(); // world → (successes, episodes)
            for (ResultRow r : e.getValue()) {
                double[] a = ours.computeIfAbsent(barnIndex(r.world()), k -> new double[2]);
                a[0] += r.outcome().equals("success") ? 1 : 0;
                a[1]++;
            }
            double[] x = new double[ours.size()];
            double[] y = new double[ours.size()];
            int i = 0;
            StringBuilder rows = new StringBuilder();
            for (Map.Entry<Integer, double[]> w : ours.entrySet()) {
                x[i] = w.getValue()[0] / w.getValue()[1];
                y[i] = gazebo.get(w.getKey());
                rows.append(String.format(Locale.ROOT, "| %d | %.0f %% (%d) | %.0f %% |%n", w.getKey(), 100 * x[i],
                        (int) w.getValue()[1], 100 * y[i]));
                i++;
            }
            sb.append(String.format(Locale.ROOT, "%n## Calibration: %s against the harness's DWA in Gazebo, per world%n%n"
                    + "Spearman rank correlation of per-world success over %d worlds: %.2f.%n%n"
                    + "| world | ours (episodes) | Gazebo (10 runs) |%n|---|---|---|%n", e.getKey(), x.length,
                    spearman(x, y)));
            sb.append(rows);
        }
    }

    /** Spearman's ρ: Pearson's correlation of the ranks (ties get their mean rank); NaN when a side is constant. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < rx.length; i++) {
            mx += rx[i];
            my += ry[i];
        }
        mx /= rx.length;
        my /= ry.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double mean = 0.5 * (i + j) + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    /** @return the BARN index of a row's world name {@code barn:N}, or -1. */
    public static int barnIndex(String world) {
        if (!world.startsWith("barn:")) {
            return -1;
        }
        try {
            return Integer.parseInt(world.substring(5));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }

    static double mean(List<Double> v) {
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
