package org.foresight.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.SignedDistanceField;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.perception.LidarMap;
import org.foresight.mpc.perception.LidarMapConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does lidar-only perception cost per scan? One call = one Hokuyo scan (720 beams, 270°, 30 m,
 * σ = 1 cm) integrated into the 0.05 m log-odds map of a BARN world plus the incremental signed-distance update
 * and the buffer swap ({@link LidarMap#integrate}); the budget is 2 ms. The robot moves along the world's
 * reference path 0.04 m per call (2 m/s at the lidar's 50 Hz), so the map keeps changing; at the end of the path
 * the map is reset and the drive starts again (an episode start: its first, most expensive scan is in the
 * sample). The scans are simulated in setup, outside the measurement. SampleTime mode reports p50/p99;
 * {@code -prof gc} shows the allocation per scan (should be ≈ 0 B/op).
 *
 * <p>{@code fromScratchField} is the comparison: the same map's field computed from scratch
 * ({@link SignedDistanceField} over the whole 210 × 360 grid), what the incremental update avoids.
 *
 * <pre>./foresight jmh ScanIntegration -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScanIntegrationBenchmark {
    /** Distance the robot moves between scans [m]: 2 m/s at 50 Hz. */
    private static final double STEP = 0.04;
    private static final LidarConfig HOKUYO = new LidarConfig(720, Math.toRadians(270.0), 30.0, 0.01);

    /** BARN world index (0: open; 268: the most cluttered). */
    @Param({"0", "268"})
    public int world;

    private LidarMap map;
    private double[][] poses;
    private double[][] scans;
    private int next;

    /** Loads the world, lays poses along its reference path and simulates their scans. */
    @Setup(Level.Trial)
    public void setup() {
        World w = WorldLoader.loadBarn(world);
        map = new LidarMap(LidarMapConfig.covering(w.grid()));
        List<double[]> ps = posesAlong(w.referencePath(), STEP);
        poses = ps.toArray(new double[0][]);
        scans = new double[poses.length][HOKUYO.beams()];
        Lidar lidar = new Lidar(HOKUYO);
        SplittableRandom rng = new SplittableRandom(1);
        double off = map.config().sensorOffset();
        for (int i = 0; i < poses.length; i++) {
            double[] p = poses[i];
            lidar.scan(w.grid(), List.of(), p[0] + off * Math.cos(p[2]), p[1] + off * Math.sin(p[2]), p[2], scans[i], rng);
        }
        // Leave the map half-built so fromScratchField sees a typical mid-episode map.
        for (int i = 0; i < poses.length / 2; i++) {
            map.integrate(scans[i], HOKUYO, poses[i][0], poses[i][1], poses[i][2]);
        }
        next = poses.length / 2;
    }

    /** One scan integrated and the field updated and published. */
    @Benchmark
    public double integrate() {
        int i = next;
        if (i == 0) {
            map.reset(); // a new episode: once per drive along the path (~300 scans)
        }
        double[] p = poses[i];
        map.integrate(scans[i], HOKUYO, p[0], p[1], p[2]);
        next = i + 1 == poses.length ? 0 : i + 1;
        return map.distance(p[0], p[1]);
    }

    /** Comparison: the field of the current map from scratch (allocates its grid and field). */
    @Benchmark
    public double fromScratchField() {
        SignedDistanceField f = new SignedDistanceField(map.toOccupancyGrid());
        return f.values()[f.values().length / 2];
    }

    /** Poses (x, y, θ) every {@code step} metres along a polyline, heading along it. */
    static List<double[]> posesAlong(double[] path, double step) {
        List<double[]> out = new ArrayList<>();
        double carry = 0;
        for (int i = 2; i < path.length; i += 2) {
            double x0 = path[i - 2];
            double y0 = path[i - 1];
            double dx = path[i] - x0;
            double dy = path[i + 1] - y0;
            double len = Math.hypot(dx, dy);
            if (len == 0) {
                continue;
            }
            double th = Math.atan2(dy, dx);
            double t = carry;
            for (; t < len; t += step) {
                out.add(new double[] {x0 + dx * t / len, y0 + dy * t / len, th});
            }
            carry = t - len;
        }
        return out;
    }
}
