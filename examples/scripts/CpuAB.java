import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A/B of two Foresight jars by the CPU time of one MPPI planning cycle on one thread, for a machine too loaded
 * for wall-clock figures: both jars' {@code MppiIterationBenchmark} (the JMH benchmark's own setup and body,
 * {@code threads = 1} so the whole iteration runs on the calling thread) are loaded side by side in one JVM,
 * each in its own class loader, warmed up, then timed in alternating batches of 100 calls; per batch the
 * median CPU time per call, and the median over batches of the ratio B / A. CPU time leaves out the time the
 * thread waits for a core, not the slowdown from sharing caches with other processes: compare ratios, not
 * absolute figures, and swap A and B once to see the order's bias.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector examples/scripts/CpuAB.java A.jar B.jar [model] [batches]
 *   model: linear (default), unicycle, or what MppiIterationBenchmark's -p model= takes; batches: 16
 * </pre>
 */
public final class CpuAB {
    private CpuAB() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length < 2) {
            System.err.println("usage: java --add-modules jdk.incubator.vector CpuAB.java A.jar B.jar [model] [batches]");
            System.exit(2);
        }
        String model = argv.length > 2 ? argv[2] : "linear";
        int batches = argv.length > 3 ? Integer.parseInt(argv[3]) : 16;
        Object[] bench = new Object[2];
        Method[] call = new Method[2];
        for (int s = 0; s < 2; s++) {
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(argv[s]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> c = cl.loadClass("org.foresight.examples.bench.MppiIterationBenchmark");
            Object b = c.getConstructor().newInstance();
            c.getField("model").set(b, model);
            c.getField("samples").setInt(b, 2000);
            c.getField("horizon").setInt(b, 56);
            c.getField("threads").setInt(b, 1);
            c.getField("spreadWeight").setDouble(b, 0.0);
            c.getMethod("setup").invoke(b);
            bench[s] = b;
            call[s] = c.getMethod("iteration");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 4; w++) {
            for (int s = 0; s < 2; s++) {
                median(mx, call[s], bench[s], 200);
            }
        }
        double[][] ms = new double[2][batches];
        double[] ratio = new double[batches];
        for (int r = 0; r < batches; r++) {
            ms[0][r] = median(mx, call[0], bench[0], 100);
            ms[1][r] = median(mx, call[1], bench[1], 100);
            ratio[r] = ms[1][r] / ms[0][r];
        }
        double[] sa = ms[0].clone();
        double[] sb = ms[1].clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "%s, 2000 x 56, 1 thread, CPU ms per cycle: A median %.3f (min %.3f), B median %.3f"
                + " (min %.3f); B/A median %.3f (range %.3f .. %.3f); load %s%n", model, sa[batches / 2], sa[0],
                sb[batches / 2], sb[0], ratio[batches / 2], ratio[0], ratio[batches - 1],
                Files.readString(Path.of("/proc/loadavg")).trim());
        for (int s = 0; s < 2; s++) {
            bench[s].getClass().getMethod("tearDown").invoke(bench[s]);
        }
    }

    /** Median CPU time [ms] of n calls on this thread. */
    private static double median(ThreadMXBean mx, Method call, Object bench, int n) throws Exception {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long a = mx.getCurrentThreadCpuTime();
            call.invoke(bench);
            t[i] = mx.getCurrentThreadCpuTime() - a;
        }
        Arrays.sort(t);
        return t[n / 2] / 1e6;
    }
}
