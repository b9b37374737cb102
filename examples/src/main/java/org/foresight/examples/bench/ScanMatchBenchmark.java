package org.foresight.examples.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.perception.LidarMap;
import org.foresight.mpc.perception.LidarMapConfig;
import org.foresight.mpc.perception.ScanMatcher;
import org.foresight.mpc.perception.ScanMatcherConfig;
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
 * Question: what does one scan-to-map match cost ({@code --localization scanmatch}, charged to perception every
 * cycle)? One call = one Hokuyo scan (720 beams, 270°, σ = 1 cm) matched by {@link ScanMatcher} against the 0.05 m
 * lidar map of a BARN world built along the first half of its reference path, from a prediction 3 cm and 0.01 rad
 * off the true pose (more than odometry drifts in a 50 ms period, so the Gauss–Newton steps run). The scans and
 * offsets cycle through 64 poses of the drive, simulated in setup. SampleTime reports p50/p99; {@code -prof gc}
 * should show ≈ 0 B/op.
 *
 * <pre>./foresight jmh ScanMatch -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScanMatchBenchmark {
    private static final LidarConfig HOKUYO = new LidarConfig(720, Math.toRadians(270.0), 30.0, 0.01);
    private static final int CASES = 64;

    /** BARN world index (0: open; 268: the most cluttered). */
    @Param({"0", "268"})
    public int world;

    private LidarMap map;
    private ScanMatcher matcher;
    private double[][] predictions;
    private double[][] scans;
    private final double[] pose = new double[3];
    private int next;

    /** Builds the map along the first half of the path and simulates the matched scans and predictions. */
    @Setup(Level.Trial)
    public void setup() {
        World w = WorldLoader.loadBarn(world);
        map = new LidarMap(LidarMapConfig.covering(w.grid()));
        matcher = new ScanMatcher(ScanMatcherConfig.DEFAULT);
        List<double[]> poses = ScanIntegrationBenchmark.posesAlong(w.referencePath(), 0.05);
        Lidar lidar = new Lidar(HOKUYO);
        SplittableRandom rng = new SplittableRandom(1);
        double off = map.config().sensorOffset();
        double[] r = new double[HOKUYO.beams()];
        int half = poses.size() / 2;
        for (int i = 0; i < half; i++) {
            double[] p = poses.get(i);
            lidar.scan(w.grid(), List.of(), p[0] + off * Math.cos(p[2]), p[1] + off * Math.sin(p[2]), p[2], r, rng);
            map.integrate(r, HOKUYO, p[0], p[1], p[2]);
        }
        predictions = new double[CASES][];
        scans = new double[CASES][HOKUYO.beams()];
        for (int k = 0; k < CASES; k++) {
            double[] p = poses.get(Math.max(0, half - 1 - k));
            lidar.scan(w.grid(), List.of(), p[0] + off * Math.cos(p[2]), p[1] + off * Math.sin(p[2]), p[2], scans[k],
                    rng);
            double a = rng.nextDouble(2 * Math.PI);
            predictions[k] = new double[] {p[0] + 0.03 * Math.cos(a), p[1] + 0.03 * Math.sin(a),
                    p[2] + (k % 2 == 0 ? 0.01 : -0.01)};
        }
    }

    /** One match from a prediction 3 cm and 0.01 rad off. */
    @Benchmark
    public double match() {
        int k = next;
        next = k + 1 == CASES ? 0 : k + 1;
        System.arraycopy(predictions[k], 0, pose, 0, 3);
        matcher.match(scans[k], HOKUYO, map.config().sensorOffset(), map.config().minRange(), map.grid(), pose);
        return pose[0] + pose[1] + pose[2];
    }
}
