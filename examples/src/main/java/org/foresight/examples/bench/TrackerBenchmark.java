package org.foresight.examples.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.World;
import org.foresight.mpc.perception.DiscTracker;
import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.LidarMap;
import org.foresight.mpc.perception.LidarMapConfig;
import org.foresight.mpc.perception.MapObstacleField;
import org.foresight.mpc.perception.MovingDiscs;
import org.foresight.mpc.perception.MovingFilterConfig;
import org.foresight.mpc.perception.TrackingLidarMap;
import org.foresight.mpc.perception.TrackerConfig;
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
 * Question: what does tracking the moving discs cost per cycle? One call = one Hokuyo scan (720 beams, 270°,
 * 30 m, σ = 1 cm) of a DynaBARN world given to the {@link DiscTracker} (static-map test of every return,
 * clustering, association, Kalman updates, birth and death) and its confirmed tracks read out. The robot stands
 * at (2, 0) facing the goal while the world's discs move 0.05 s per call (the control period); the 400 scans
 * (20 s of the world) are simulated in setup and replayed in a loop, the tracker reset at each loop's start.
 * SampleTime mode reports p50/p99; {@code -prof gc} shows the allocation per call (should be ≈ 0 B/op).
 * {@code trackAndMapOneScan} is the same scan under {@code --perception lidar} ({@link TrackingLidarMap}): the
 * tracker against the robot's own lidar map's settled cells, the moving filter holding the tracks' returns out, and
 * the map integrating the rest (its distance field updated where cells flipped), the map forgotten with the tracker
 * at each loop's start.
 *
 * <pre>./foresight jmh Tracker -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrackerBenchmark {
    private static final double DT = 0.05;
    private static final int SCANS = 400;
    private static final double SX = 2.0;
    private static final double SY = 0.0;
    private static final double ST = Math.PI;

    /** DynaBARN world (0: easy, 11 discs; 40: hard, 22 discs). */
    @Param({"0", "40"})
    public int world;

    private DiscTracker tracker;
    private DistanceGrid map;
    private double[][] scans;
    private MovingDiscs out;
    private int next;
    private Lidar lidar;
    private LidarMap lidarMap;
    private TrackingLidarMap tracking;
    private int nextLidar;

    /** Loads the world and simulates its scans. */
    @Setup(Level.Trial)
    public void setup() {
        World w = DynaBarn.load(world, 0.0);
        lidar = new Lidar(LidarConfig.HOKUYO_UST10LX);
        tracker = new DiscTracker(TrackerConfig.defaults(), lidar);
        lidarMap = new LidarMap(LidarMapConfig.covering(w.grid()).withSensorOffset(0.0));
        tracking = new TrackingLidarMap(lidarMap, lidar, TrackerConfig.defaults(), MovingFilterConfig.defaults());
        map = MapObstacleField.of(w).grid();
        out = new MovingDiscs();
        List<MovingDisc> discs = w.movingObstacles();
        SplittableRandom rng = new SplittableRandom(1);
        scans = new double[SCANS][lidar.config().beams()];
        for (int i = 0; i < SCANS; i++) {
            lidar.scan(w.grid(), discs, SX, SY, ST, scans[i], rng);
            for (MovingDisc d : discs) {
                d.step(DT, w.grid());
            }
        }
    }

    /** @return the number of confirmed tracks after this scan (sunk by JMH). */
    @Benchmark
    public int trackOneScan() {
        if (next == SCANS) {
            next = 0;
            tracker.reset();
        }
        int i = next++;
        tracker.update(i * DT, scans[i], SX, SY, ST, map);
        return tracker.tracks(out).count();
    }

    /** @return the number of tracks the planner is told of after this scan (sunk by JMH). */
    @Benchmark
    public int trackAndMapOneScan() {
        if (nextLidar == SCANS) {
            nextLidar = 0;
            lidarMap.reset();
            tracking.reset();
        }
        int i = nextLidar++;
        tracking.scan(i * DT, scans[i], SX, SY, ST);
        return tracking.movers(out).count();
    }
}
