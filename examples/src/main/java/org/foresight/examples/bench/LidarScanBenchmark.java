package org.foresight.examples.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
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
 * Question: what does the simulator pay for one lidar scan, 720 beams over 270° to 30 m with σ = 1 cm noise
 * ({@link LidarConfig#HOKUYO_UST10LX}, {@link Lidar#scan} with a noise source, as the simulator calls it), in a
 * BARN world?
 *
 * <p>Setup: the world's static grid, no moving obstacles; sensor poses every 0.04 m along the world's reference
 * path (2 m/s at the lidar's 50 Hz), heading along it; each call scans from the next pose, cycling. World 0 is
 * open (long beams), 268 the most cluttered (short beams). Compare with {@link ScanIntegrationBenchmark} (what
 * perception then does with the scan) and with the 20 ms a scan period lasts. {@code -prof gc} should show
 * ≈ 0 B/op.
 *
 * <pre>./foresight jmh LidarScan -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LidarScanBenchmark {
    /** Distance between scan poses [m]: 2 m/s at 50 Hz. */
    private static final double STEP = 0.04;

    /** BARN world index (0: open; 268: the most cluttered). */
    @Param({"0", "268"})
    public int world;

    private Lidar lidar;
    private OccupancyGrid grid;
    private List<MovingObstacle> obstacles;
    private double[][] poses;
    private double[] ranges;
    private SplittableRandom rng;
    private int next;

    /** Loads the world and lays the poses along its reference path. */
    @Setup(Level.Trial)
    public void setup() {
        World w = WorldLoader.loadBarn(world);
        grid = w.grid();
        obstacles = List.of();
        poses = ScanIntegrationBenchmark.posesAlong(w.referencePath(), STEP).toArray(new double[0][]);
        lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
        ranges = new double[lidar.config().beams()];
        rng = new SplittableRandom(1);
    }

    /** @return the middle beam's range [m]: one noisy scan from the next pose. */
    @Benchmark
    public double scan() {
        int i = next;
        double[] p = poses[i];
        lidar.scan(grid, obstacles, p[0], p[1], p[2], ranges, rng);
        next = i + 1 == poses.length ? 0 : i + 1;
        return ranges[ranges.length / 2];
    }
}
