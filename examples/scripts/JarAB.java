import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A/B timing of two Foresight jars on a noisy machine: runs the same JMH benchmark from jar A and jar B
 * interleaved (A B A B ...), each run in its own JVM, and prints every run's p50, the median p50 of each
 * side and the ratio B / A (median of the per-round ratios, and of the medians). Machine load drifts over
 * minutes; alternating short runs exposes both jars to the same drift, so the ratio is far steadier than
 * two absolute figures taken minutes apart.
 *
 * <pre>
 * java examples/scripts/JarAB.java A.jar B.jar [--rounds N] [--java PATH] [JMH args...]
 *   default JMH args: MppiIteration -p model=linear -p samples=2000 -p threads=2 -wi 5 -i 5
 *   default rounds:   4 (each run: 5 x 1 s warm-up, 5 x 1 s measurement, about 15 s)
 * </pre>
 *
 * Several parameter sets in one run (e.g. {@code -p threads=1,2}) are reported row by row. Hold
 * {@code /tmp/quiet.lock} around it for figures meant for the README: {@code flock /tmp/quiet.lock java ...}.
 */
public final class JarAB {
    private JarAB() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length < 2) {
            System.err.println("usage: java JarAB.java A.jar B.jar [--rounds N] [--java PATH] [JMH args...]");
            System.exit(2);
        }
        Path a = Path.of(argv[0]);
        Path b = Path.of(argv[1]);
        int rounds = 4;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jmh = new ArrayList<>();
        for (int i = 2; i < argv.length; i++) {
            if (argv[i].equals("--rounds")) {
                rounds = Integer.parseInt(argv[++i]);
            } else if (argv[i].equals("--java")) {
                java = argv[++i];
            } else {
                jmh.add(argv[i]);
            }
        }
        if (jmh.isEmpty()) {
            jmh.addAll(List.of("MppiIteration", "-p", "model=linear", "-p", "samples=2000", "-p", "threads=2",
                    "-wi", "5", "-i", "5"));
        }
        for (Path p : List.of(a, b)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such jar: " + p);
            }
        }
        System.out.printf(Locale.ROOT, "A = %s%nB = %s%njmh %s, %d rounds, load at start %s%n", a, b,
                String.join(" ", jmh), rounds, load());
        // row label -> per round p50 [ms] of A and of B
        Map<String, double[][]> p50 = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                Map<String, Double> got = run(java, side == 0 ? a : b, jmh);
                for (Map.Entry<String, Double> e : got.entrySet()) {
                    double[][] rows = p50.computeIfAbsent(e.getKey(), k -> new double[2][]);
                    final int rr = rounds;
                    for (int s = 0; s < 2; s++) {
                        if (rows[s] == null) {
                            rows[s] = new double[rr];
                            Arrays.fill(rows[s], Double.NaN);
                        }
                    }
                    rows[side][r] = e.getValue();
                    System.out.printf(Locale.ROOT, "round %d %s %-40s p50 %.3f ms   (load %s)%n", r + 1,
                            side == 0 ? "A" : "B", e.getKey(), e.getValue(), load());
                }
            }
        }
        System.out.println();
        for (Map.Entry<String, double[][]> e : p50.entrySet()) {
            double[] pa = e.getValue()[0];
            double[] pb = e.getValue()[1];
            double[] ratio = new double[pa.length];
            for (int r = 0; r < pa.length; r++) {
                ratio[r] = pb[r] / pa[r];
            }
            System.out.printf(Locale.ROOT, "%s: A p50 median %.3f ms, B p50 median %.3f ms; B/A per round %s; "
                    + "median B/A %.3f%n", e.getKey(), median(pa), median(pb), fmt(ratio), median(ratio));
        }
        System.out.println("load at end " + load());
    }

    /** Runs the benchmark from one jar; returns p50 [ms] per row (benchmark and parameter columns). */
    private static Map<String, Double> run(String java, Path jar, List<String> jmh) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseParallelGC", "-Xss4m", "--add-modules",
                "jdk.incubator.vector", "-jar", jar.toString(), "jmh"));
        cmd.addAll(jmh);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Double> out = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                // "Name.method:p0.50   param1  param2 ...  sample   1.234   ms/op"
                String[] tok = line.trim().split("\\s+");
                if (tok.length >= 4 && tok[0].endsWith(":p0.50") && tok[tok.length - 1].endsWith("/op")) {
                    String label = tok[0].substring(0, tok[0].length() - ":p0.50".length()) + " "
                            + String.join(" ", Arrays.copyOfRange(tok, 1, tok.length - 3));
                    out.put(label.trim(), Double.parseDouble(tok[tok.length - 2]));
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || out.isEmpty()) {
            System.err.println(all);
            throw new IllegalStateException(jar + ": JMH exited " + rc + " with " + out.size() + " p50 rows");
        }
        return out;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static String fmt(double[] x) {
        StringBuilder sb = new StringBuilder();
        for (double v : x) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return sb.toString();
    }

    private static String load() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
