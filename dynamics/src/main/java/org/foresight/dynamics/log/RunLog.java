package org.foresight.dynamics.log;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.Pose2;

/**
 * A run directory read back whole (layout in {@link RunFiles}), for the viewer and for tools: the
 * world, the trajectory, and per cycle the timing, status, plan, sampled rollouts, scan and moving
 * obstacles, and, when the robot had to find out for itself, its state estimate and the map it had built.
 * Geometry is in metres, angles in radians, times in seconds.
 *
 * <p>Read with {@link #read}; it fails with {@link LogFormatException} naming the file for a missing
 * or malformed run (including an interrupted one, which has no {@code result.json}).
 */
public final class RunLog {
    private static final float[] EMPTY = new float[0];

    /** The run directory. */
    public final Path dir;
    /** World name (e.g. "barn:17"). */
    public final String worldName;
    /** The static occupancy grid. */
    public final OccupancyGrid grid;
    /** Start pose. */
    public final Pose2 start;
    /** Goal position x [m]. */
    public final double goalX;
    /** Goal position y [m]. */
    public final double goalY;
    /** Goal tolerance [m]. */
    public final double goalTolerance;
    /** Reference path, interleaved x,y [m]. */
    public final double[] referencePath;
    /** Robot footprint. */
    public final Footprint footprint;
    /** Angle of lidar beam 0 relative to the heading [rad], NaN without lidar. */
    public final double lidarAngleMin;
    /** Angle between consecutive beams [rad], NaN without lidar. */
    public final double lidarAngleIncrement;
    /** Lidar maximum range [m], NaN without lidar. */
    public final double lidarMaxRange;
    /**
     * Where the lidar sits along the robot's forward axis from its centre [m] (scans were taken there, from the true
     * pose); {@link RunFiles#DEFAULT_LIDAR_OFFSET} when the run does not say, NaN without lidar.
     */
    public final double lidarOffset;
    /** {@code meta.json}. */
    public final Map<String, Object> meta;
    /** {@code result.json}. */
    public final Map<String, Object> result;
    /** The trajectory, one row per cycle. */
    public final TrajectoryLog trajectory;
    /** Cycle start times [s]. */
    public final double[] times;
    /** Planning time per cycle [ms]. */
    public final double[] planMs;
    /** Latency charged to the plan started in each cycle [ms]; NaN where none started (planner busy). */
    public final double[] latencyMs;
    /** Whether each cycle ended with the planner still computing past its period (an overrun). */
    public final boolean[] overrun;
    /** Planner mode per cycle. */
    public final String[] modes;
    /** Planner status per cycle ("ok" or why it stopped the robot). */
    public final String[] statuses;
    private final float[][] plans;
    /** Per cycle the guide in force, or null (older runs, or none yet). */
    private final float[][] guides;
    private final float[][][] rollouts;
    private final float[][] rolloutWeights;
    private final float[][] scans;
    private final double[][] obstacles;
    private final double[][] tracks;
    /** Per cycle the estimate (x, y, θ, v, ω), null where none; null without estimate.csv. */
    private final double[][] estimates;
    /** Cycles of the map snapshots, ascending; null without map.bin. */
    private final int[] mapCycles;
    private final MapSnapshot[] maps;

    private final boolean interrupted;

    private RunLog(Path dir) {
        this.dir = dir;
        if (!Files.isDirectory(dir)) {
            throw new LogFormatException(dir, 0, Files.exists(dir)
                    ? "not a run directory (it is a file)" : "not a run directory (does not exist)");
        }
        Path resultFile = dir.resolve(RunFiles.RESULT);
        this.interrupted = !Files.isRegularFile(resultFile);
        if (interrupted) {
            if (!Files.exists(dir.resolve(RunFiles.WORLD))) {
                throw new LogFormatException(dir, 0, "not a run directory (no world.json or result.json)");
            }
            if (!Files.isRegularFile(PartialRun.partial(dir, RunFiles.TRAJECTORY))) {
                throw new LogFormatException(dir, 0, "incomplete run: no result.json and no cycle recorded (the run "
                        + "was interrupted before its first cycle)");
            }
        }
        this.result = interrupted ? Map.of("outcome", INTERRUPTED) : json(resultFile);
        this.meta = Files.exists(dir.resolve(RunFiles.META)) ? json(dir.resolve(RunFiles.META)) : Map.of();
        Path worldFile = dir.resolve(RunFiles.WORLD);
        Map<String, Object> w = json(worldFile);
        try {
            this.worldName = String.valueOf(w.get("name"));
            int sx = num(w, "size_x").intValue();
            int sy = num(w, "size_y").intValue();
            this.grid = new OccupancyGrid(sx, sy, num(w, "resolution_m").doubleValue(),
                    num(w, "origin_x_m").doubleValue(), num(w, "origin_y_m").doubleValue());
            @SuppressWarnings("unchecked")
            List<String> cells = (List<String>) w.get("occupied_by_ix");
            if (cells == null || cells.size() != sx) {
                throw new LogFormatException(worldFile, 0, "occupied_by_ix must have size_x = " + sx + " rows");
            }
            for (int ix = 0; ix < sx; ix++) {
                String row = cells.get(ix);
                if (row.length() != sy) {
                    throw new LogFormatException(worldFile, 0, "occupied_by_ix[" + ix + "] has " + row.length()
                            + " cells, expected size_y = " + sy);
                }
                for (int iy = 0; iy < sy; iy++) {
                    if (row.charAt(iy) == '1') {
                        grid.setOccupied(ix, iy, true);
                    }
                }
            }
            Map<String, Object> s = map(w, "start");
            this.start = new Pose2(num(s, "x").doubleValue(), num(s, "y").doubleValue(), num(s, "theta").doubleValue());
            Map<String, Object> g = map(w, "goal");
            this.goalX = num(g, "x").doubleValue();
            this.goalY = num(g, "y").doubleValue();
            this.goalTolerance = num(g, "tolerance_m").doubleValue();
            @SuppressWarnings("unchecked")
            List<Number> ref = (List<Number>) w.getOrDefault("reference_path_xy", List.of());
            this.referencePath = ref.stream().mapToDouble(Number::doubleValue).toArray();
            Map<String, Object> f = map(w, "footprint");
            this.footprint = new Footprint(num(f, "length_m").doubleValue(), num(f, "width_m").doubleValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> l = (Map<String, Object>) w.get("lidar");
            this.lidarAngleMin = l == null ? Double.NaN : num(l, "angle_min_rad").doubleValue();
            this.lidarAngleIncrement = l == null ? Double.NaN : num(l, "angle_increment_rad").doubleValue();
            this.lidarMaxRange = l == null ? Double.NaN : num(l, "max_range_m").doubleValue();
            this.lidarOffset = l == null ? Double.NaN : l.get("offset_m") == null ? RunFiles.DEFAULT_LIDAR_OFFSET
                    : num(l, "offset_m").doubleValue();
        } catch (ClassCastException | IllegalArgumentException e) {
            if (e instanceof LogFormatException lfe) {
                throw lfe;
            }
            throw new LogFormatException(worldFile, 0, "malformed world description: " + e.getMessage());
        }
        int n;
        RunStreams.KnownMaps known = Files.exists(file(RunFiles.KNOWN_MAP))
                ? RunStreams.readKnownMaps(file(RunFiles.KNOWN_MAP), interrupted)
                : null;
        if (interrupted) {
            // Keep the cycles every stream recorded in full; a record cut by the interruption is dropped.
            n = PartialRun.completeCycles(dir, known == null ? Integer.MAX_VALUE : known.cutCycle);
            this.trajectory = PartialRun.partialTrajectory(PartialRun.partial(dir, RunFiles.TRAJECTORY), n);
        } else {
            this.trajectory = TrajectoryLogIO.read(dir.resolve(RunFiles.TRAJECTORY));
            n = trajectory.length();
        }
        this.times = trajectory.column("t");
        this.planMs = new double[n];
        this.latencyMs = new double[n];
        this.overrun = new boolean[n];
        this.modes = new String[n];
        this.statuses = new String[n];
        RunStreams.readCycles(file(RunFiles.CYCLES), n, interrupted, planMs, latencyMs, overrun, modes, statuses);
        this.plans = RunStreams.readPlans(file(RunFiles.PLANS), n);
        Path guideFile = file(RunFiles.GUIDES);
        this.guides = Files.exists(guideFile) ? RunStreams.readGuides(guideFile, n, interrupted) : null;
        this.rollouts = new float[n][][];
        this.rolloutWeights = new float[n][];
        RunStreams.readRollouts(file(RunFiles.ROLLOUTS), n, rollouts, rolloutWeights);
        Path scanFile = file(RunFiles.SCANS);
        this.scans = Files.exists(scanFile) ? RunStreams.readScans(scanFile, n) : null;
        Path obsFile = file(RunFiles.OBSTACLES);
        this.obstacles = Files.exists(obsFile) ? RunStreams.readObstacles(obsFile, n, interrupted) : null;
        Path trackFile = file(RunFiles.TRACKS);
        this.tracks = Files.exists(trackFile) ? TrackLog.read(trackFile, n, interrupted) : null;
        Path estFile = file(RunFiles.ESTIMATE);
        this.estimates = Files.exists(estFile) ? RunStreams.readEstimates(estFile, n, interrupted) : null;
        if (known == null) {
            this.mapCycles = null;
            this.maps = null;
        } else {
            int m = 0;
            while (m < known.cycles.size() && known.cycles.get(m) < n) {
                m++;
            }
            if (m < known.cycles.size() && !interrupted) {
                throw new LogFormatException(file(RunFiles.KNOWN_MAP), 0, "snapshot of cycle " + known.cycles.get(m)
                        + " but the run has " + n + " cycles");
            }
            this.mapCycles = new int[m];
            this.maps = new MapSnapshot[m];
            for (int i = 0; i < m; i++) {
                mapCycles[i] = known.cycles.get(i);
                maps[i] = known.maps.get(i);
            }
        }
    }

    /** The {@code outcome} of a run that was interrupted (it has no result.json). */
    public static final String INTERRUPTED = "interrupted";

    /** @return whether the run was interrupted: read from its partial files up to the last complete cycle. */
    public boolean interrupted() {
        return interrupted;
    }

    /** A stream of this run: the finished file, or the partial one of an interrupted run. */
    private Path file(String name) {
        return interrupted ? PartialRun.partial(dir, name) : dir.resolve(name);
    }

    /**
     * Reads a run directory.
     *
     * @param dir the directory a run was written to.
     * @return the run.
     * @throws LogFormatException naming the file when the run is missing, incomplete or malformed.
     */
    public static RunLog read(Path dir) {
        return new RunLog(dir);
    }

    /** Number of control cycles. */
    public int cycles() {
        return times.length;
    }

    /** The chosen plan of a cycle, interleaved x,y [m] (possibly empty; do not modify). */
    public float[] plan(int cycle) {
        float[] p = plans[cycle];
        return p == null ? EMPTY : p;
    }

    /**
     * The guide path the planner followed in a cycle, interleaved x,y [m] in the frame of the plans, or null when the
     * run did not record one (older runs; the world's reference path is then the best stand-in). Do not modify.
     */
    public float[] guide(int cycle) {
        return guides == null ? null : guides[cycle];
    }

    /** The sampled rollouts of a cycle, each interleaved x,y [m] (do not modify). */
    public float[][] rollouts(int cycle) {
        float[][] r = rollouts[cycle];
        return r == null ? new float[0][] : r;
    }

    /** The weights of the sampled rollouts of a cycle (do not modify). */
    public float[] rolloutWeights(int cycle) {
        float[] w = rolloutWeights[cycle];
        return w == null ? EMPTY : w;
    }

    /** Whether the run has lidar scans. */
    public boolean hasScans() {
        return scans != null;
    }

    /** The lidar ranges of a cycle [m], or null (do not modify). */
    public float[] scan(int cycle) {
        return scans == null ? null : scans[cycle];
    }

    /** Whether the run logged the robot's state estimate (it was not given the true state). */
    public boolean hasEstimates() {
        return estimates != null;
    }

    /**
     * The state the robot believed it had in a cycle (its odometry), in its odometry frame, which is the world frame
     * at the start; {@link #trajectory} holds the true state.
     *
     * @param cycle the cycle.
     * @return x̂ [m], ŷ [m], θ̂ [rad], v [m/s], ω [rad/s] (do not modify), or null when the run has none for it.
     */
    public double[] estimate(int cycle) {
        return estimates == null ? null : estimates[cycle];
    }

    /** Whether the run logged the map the robot built (it was not given the map). */
    public boolean hasKnownMap() {
        return maps != null;
    }

    /**
     * The obstacles the robot had seen by a cycle: the latest snapshot at or before it.
     *
     * @param cycle the cycle.
     * @return the snapshot (in the robot's odometry frame; do not modify), or null when the run has no map or none
     *         had been recorded by then.
     */
    public MapSnapshot knownMapAt(int cycle) {
        if (maps == null) {
            return null;
        }
        int i = java.util.Arrays.binarySearch(mapCycles, cycle);
        if (i < 0) {
            i = -i - 2; // the insertion point − 1: the last snapshot before the cycle
        }
        return i < 0 ? null : maps[i];
    }

    /** Moving obstacles of a cycle as triples x [m], y [m], radius [m]; empty when there are none. */
    public double[] obstacles(int cycle) {
        if (obstacles == null || obstacles[cycle] == null) {
            return new double[0];
        }
        return obstacles[cycle];
    }

    /**
     * The moving obstacles the planner was told of in a cycle, {@link CycleRecord#TRACK_FIELDS} numbers each: id,
     * x [m], y [m], vx [m/s], vy [m/s], radius [m], σ [m]; empty when none (or the run has no tracks.csv).
     */
    public double[] tracks(int cycle) {
        if (tracks == null || tracks[cycle] == null) {
            return new double[0];
        }
        return tracks[cycle];
    }

    /** The cycle in effect at time t [s] (the last cycle starting at or before t), clamped to the run. */
    public int cycleAt(double t) {
        int lo = 0;
        int hi = times.length - 1;
        if (hi < 0 || t <= times[0]) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** result.json's "outcome", or "unknown". */
    public String outcome() {
        return String.valueOf(result.getOrDefault("outcome", "unknown"));
    }

    private static Map<String, Object> json(Path file) {
        try {
            return TrajectoryLogIO.JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Number num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("missing number '" + key + "'");
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("missing object '" + key + "'");
        }
        return (Map<String, Object>) v;
    }
}
