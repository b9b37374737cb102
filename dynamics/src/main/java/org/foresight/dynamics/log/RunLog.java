package org.foresight.dynamics.log;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private final float[][][] rollouts;
    private final float[][] rolloutWeights;
    private final float[][] scans;
    private final double[][] obstacles;
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
            if (!Files.isRegularFile(partial(dir, RunFiles.TRAJECTORY))) {
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
        KnownMaps known = Files.exists(file(RunFiles.KNOWN_MAP)) ? readKnownMaps(file(RunFiles.KNOWN_MAP), interrupted)
                : null;
        if (interrupted) {
            // Keep the cycles every stream recorded in full; a record cut by the interruption is dropped.
            n = completeLines(partial(dir, RunFiles.TRAJECTORY));
            n = Math.min(n, completeLines(partial(dir, RunFiles.CYCLES)));
            n = Math.min(n, completeRecords(partial(dir, RunFiles.PLANS), RunFiles.PLANS_MAGIC, false, 2));
            n = Math.min(n, completeRecords(partial(dir, RunFiles.ROLLOUTS), RunFiles.ROLLOUTS_MAGIC, true, 2));
            if (Files.exists(partial(dir, RunFiles.SCANS))) {
                n = Math.min(n, completeRecords(partial(dir, RunFiles.SCANS), RunFiles.SCANS_MAGIC, false, 1));
            }
            if (known != null) {
                n = Math.min(n, known.cutCycle); // a snapshot cut by the interruption: its cycle is not whole
            }
            this.trajectory = partialTrajectory(partial(dir, RunFiles.TRAJECTORY), n);
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
        readCycles(file(RunFiles.CYCLES), n);
        this.plans = new float[n][];
        this.rollouts = new float[n][][];
        this.rolloutWeights = new float[n][];
        readPlans(file(RunFiles.PLANS), n);
        readRollouts(file(RunFiles.ROLLOUTS), n);
        Path scanFile = file(RunFiles.SCANS);
        this.scans = Files.exists(scanFile) ? readScans(scanFile, n) : null;
        Path obsFile = file(RunFiles.OBSTACLES);
        this.obstacles = Files.exists(obsFile) ? readObstacles(obsFile, n, interrupted) : null;
        Path estFile = file(RunFiles.ESTIMATE);
        this.estimates = Files.exists(estFile) ? readEstimates(estFile, n, interrupted) : null;
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
        return interrupted ? partial(dir, name) : dir.resolve(name);
    }

    private static Path partial(Path dir, String name) {
        return dir.resolve(name + RunFiles.PARTIAL);
    }

    /** Lines after the header that end with a newline (a line cut by the interruption does not count). */
    private static int completeLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            byte[] b = Files.readAllBytes(file);
            int lines = 0;
            for (byte x : b) {
                if (x == '\n') {
                    lines++;
                }
            }
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Whole records of a partial binary stream: per record a count and count × {@code floatsPerCount} floats
     * (plans: x, y points; scans: ranges), or with {@code weighted} a number of (weight, polyline) rollouts.
     */
    private static int completeRecords(Path file, long magic, boolean weighted, int floatsPerCount) {
        if (!Files.exists(file)) {
            return 0;
        }
        int c = 0;
        try (DataInputStream in = open(file, magic)) {
            while (true) {
                cycleIndex(in, file, c);
                if (weighted) {
                    int count = in.readInt();
                    for (int k = 0; k < count; k++) {
                        in.readFloat();
                        skip(in, floatsPerCount);
                    }
                } else {
                    skip(in, floatsPerCount);
                }
                c++;
            }
        } catch (EOFException e) {
            return c;
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static void skip(DataInputStream in, int floatsPerCount) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 10_000_000) {
            throw new EOFException(); // a cut record
        }
        in.readFully(new byte[4 * floatsPerCount * count]);
    }

    /** The first {@code n} rows of the trajectory an interrupted run streamed (CSV with a header). */
    private static TrajectoryLog partialTrajectory(Path file, int n) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> cols = List.of(in.readLine().split(","));
            double[][] data = new double[cols.size()][n];
            for (int r = 0; r < n; r++) {
                String[] p = in.readLine().split(",", -1);
                if (p.length != cols.size()) {
                    throw new LogFormatException(file, r + 2, "expected " + cols.size() + " fields, got " + p.length);
                }
                for (int c = 0; c < p.length; c++) {
                    data[c][r] = Double.parseDouble(p[c]);
                }
            }
            return new TrajectoryLog(cols, data, Map.of("interrupted", true));
        } catch (IOException | NumberFormatException | NullPointerException e) {
            throw new LogFormatException(file, 0, "cannot read the interrupted run's trajectory: " + e);
        }
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

    private void readCycles(Path file, int n) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int lineNo = 1;
            int c = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] p = line.split(",", -1);
                if (p.length != 5 && p.length != 7) {
                    throw new LogFormatException(file, lineNo,
                            "expected 7 fields (cycle,t,plan_ms,mode,status,latency_ms,overrun), got " + p.length);
                }
                if (c >= n) {
                    if (interrupted) {
                        break; // the rest was cut by the interruption
                    }
                    throw new LogFormatException(file, lineNo, "more cycles than trajectory rows (" + n + ")");
                }
                try {
                    planMs[c] = Double.parseDouble(p[2]);
                } catch (NumberFormatException e) {
                    throw new LogFormatException(file, lineNo, "plan_ms is not a number: '" + p[2] + "'");
                }
                modes[c] = p[3];
                statuses[c] = p[4];
                if (p.length == 7) {
                    try {
                        latencyMs[c] = Double.parseDouble(p[5]);
                    } catch (NumberFormatException e) {
                        throw new LogFormatException(file, lineNo, "latency_ms is not a number: '" + p[5] + "'");
                    }
                    if (!p[6].equals("0") && !p[6].equals("1")) {
                        throw new LogFormatException(file, lineNo, "overrun must be 0 or 1, got '" + p[6] + "'");
                    }
                    overrun[c] = p[6].equals("1");
                }
                c++;
            }
            if (c != n) {
                throw new LogFormatException(file, lineNo, c + " cycles but the trajectory has " + n + " rows");
            }
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static DataInputStream open(Path file, long magic) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        if (in.readLong() != magic) {
            in.close();
            throw new LogFormatException(file, 0, "not a Foresight run file (bad magic)");
        }
        return in;
    }

    private static float[] polyline(DataInputStream in, Path file, int cycle) throws IOException {
        int points = in.readInt();
        if (points < 0 || points > 10_000_000) {
            throw new LogFormatException(file, 0, "cycle " + cycle + ": bad point count " + points);
        }
        float[] xy = new float[2 * points];
        readFloats(in, xy);
        return xy;
    }

    private static int cycleIndex(DataInputStream in, Path file, int expected) throws IOException {
        int c = in.readInt();
        if (c != expected) {
            throw new LogFormatException(file, 0, "record " + expected + " is labelled cycle " + c);
        }
        return c;
    }

    private void readPlans(Path file, int n) {
        try (DataInputStream in = open(file, RunFiles.PLANS_MAGIC)) {
            for (int c = 0; c < n; c++) {
                cycleIndex(in, file, c);
                plans[c] = polyline(in, file, c);
            }
        } catch (EOFException e) {
            throw new LogFormatException(file, 0, "truncated (fewer than " + n + " cycles)");
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private void readRollouts(Path file, int n) {
        try (DataInputStream in = open(file, RunFiles.ROLLOUTS_MAGIC)) {
            for (int c = 0; c < n; c++) {
                cycleIndex(in, file, c);
                int count = in.readInt();
                if (count < 0 || count > 1_000_000) {
                    throw new LogFormatException(file, 0, "cycle " + c + ": bad rollout count " + count);
                }
                rollouts[c] = new float[count][];
                rolloutWeights[c] = new float[count];
                for (int k = 0; k < count; k++) {
                    rolloutWeights[c][k] = in.readFloat();
                    rollouts[c][k] = polyline(in, file, c);
                }
            }
        } catch (EOFException e) {
            throw new LogFormatException(file, 0, "truncated (fewer than " + n + " cycles)");
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static float[][] readScans(Path file, int n) {
        float[][] out = new float[n][];
        try (DataInputStream in = open(file, RunFiles.SCANS_MAGIC)) {
            for (int c = 0; c < n; c++) {
                cycleIndex(in, file, c);
                out[c] = polyline1(in, file, c);
            }
        } catch (EOFException e) {
            throw new LogFormatException(file, 0, "truncated (fewer than " + n + " cycles)");
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        return out;
    }

    private static float[] polyline1(DataInputStream in, Path file, int cycle) throws IOException {
        int beams = in.readInt();
        if (beams < 0 || beams > 1_000_000) {
            throw new LogFormatException(file, 0, "cycle " + cycle + ": bad beam count " + beams);
        }
        float[] r = new float[beams];
        readFloats(in, r);
        return r;
    }

    /** Bulk read of big-endian floats: one readFully and a buffer view, ~5× faster than readFloat per value. */
    private static void readFloats(DataInputStream in, float[] out) throws IOException {
        byte[] bytes = SCRATCH.get();
        if (bytes.length < 4 * out.length) {
            bytes = new byte[Math.max(4 * out.length, 2 * bytes.length)];
            SCRATCH.set(bytes);
        }
        in.readFully(bytes, 0, 4 * out.length);
        java.nio.ByteBuffer.wrap(bytes, 0, 4 * out.length).asFloatBuffer().get(out);
    }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1 << 12]);

    /** The map snapshots of map.bin, and where an interrupted run cut one. */
    private static final class KnownMaps {
        final List<Integer> cycles = new ArrayList<>();
        final List<MapSnapshot> maps = new ArrayList<>();
        /** The cycle of a snapshot cut by the interruption (MAX_VALUE: none, or its cycle is unreadable). */
        int cutCycle = Integer.MAX_VALUE;
    }

    /**
     * Reads map.bin: per snapshot int cycle, double origin x, y, resolution, int size x, y, int count, count × int
     * cell. With {@code lenient} (an interrupted run) a record cut at the end is dropped, else it is an error.
     */
    private static KnownMaps readKnownMaps(Path file, boolean lenient) {
        KnownMaps out = new KnownMaps();
        int cycle = -1;
        try (DataInputStream in = open(file, RunFiles.KNOWN_MAP_MAGIC)) {
            while (true) {
                try {
                    cycle = in.readInt();
                } catch (EOFException e) {
                    return out; // the end, between two records
                }
                int previous = out.cycles.isEmpty() ? -1 : out.cycles.get(out.cycles.size() - 1);
                if (cycle <= previous) {
                    throw new LogFormatException(file, 0, "snapshot " + out.cycles.size() + " is labelled cycle " + cycle
                            + ", not after cycle " + previous);
                }
                double ox = in.readDouble();
                double oy = in.readDouble();
                double res = in.readDouble();
                int sx = in.readInt();
                int sy = in.readInt();
                int count = in.readInt();
                if (sx < 1 || sy < 1 || count < 0 || count > (long) sx * sy) {
                    throw new LogFormatException(file, 0, "cycle " + cycle + ": bad snapshot size " + sx + " × " + sy
                            + " with " + count + " occupied cells");
                }
                int[] cells = new int[count];
                byte[] bytes = new byte[4 * count];
                in.readFully(bytes);
                java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(cells);
                try {
                    out.maps.add(new MapSnapshot(ox, oy, res, sx, sy, cells));
                } catch (IllegalArgumentException e) {
                    throw new LogFormatException(file, 0, "cycle " + cycle + ": " + e.getMessage());
                }
                out.cycles.add(cycle);
            }
        } catch (EOFException e) {
            if (!lenient) {
                throw new LogFormatException(file, 0, "truncated (the snapshot of cycle " + cycle + " is cut)");
            }
            out.cutCycle = cycle;
            return out;
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads estimate.csv (cycle, x, y, theta, v, omega). With {@code lenient} (an interrupted run) a line cut at the
     * end and rows of cycles beyond the run are dropped, else they are errors.
     */
    private static double[][] readEstimates(Path file, int n, boolean lenient) {
        double[][] out = new double[n][];
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        if (lenient) {
            text = text.substring(0, text.lastIndexOf('\n') + 1); // a line cut by the interruption does not count
        }
        String[] lines = text.split("\n", -1);
        int previous = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            String[] p = lines[i].split(",", -1);
            if (p.length != 6) {
                throw new LogFormatException(file, lineNo, "expected 6 fields (cycle,x,y,theta,v,omega), got " + p.length);
            }
            try {
                int c = Integer.parseInt(p[0]);
                if (lenient && c >= n) {
                    break;
                }
                if (c < 0 || c >= n || c <= previous) {
                    throw new LogFormatException(file, lineNo, "cycle " + c + " out of order or out of range 0.." + (n - 1));
                }
                double[] e = new double[5];
                for (int k = 0; k < 5; k++) {
                    e[k] = Double.parseDouble(p[k + 1]);
                }
                out[c] = e;
                previous = c;
            } catch (NumberFormatException e) {
                throw new LogFormatException(file, lineNo, "not a number in '" + lines[i] + "'");
            }
        }
        return out;
    }

    private static double[][] readObstacles(Path file, int n, boolean lenient) {
        List<List<double[]>> per = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            per.add(new ArrayList<>());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] p = line.split(",", -1);
                try {
                    int c = Integer.parseInt(p[0]);
                    if (lenient && c >= n) {
                        break;
                    }
                    if (c < 0 || c >= n) {
                        throw new LogFormatException(file, lineNo, "cycle " + c + " out of range 0.." + (n - 1));
                    }
                    per.get(c).add(new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4])});
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new LogFormatException(file, lineNo, "expected cycle,id,x,y,radius");
                }
            }
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        double[][] out = new double[n][];
        for (int c = 0; c < n; c++) {
            List<double[]> l = per.get(c);
            out[c] = new double[3 * l.size()];
            for (int i = 0; i < l.size(); i++) {
                System.arraycopy(l.get(i), 0, out[c], 3 * i, 3);
            }
        }
        return out;
    }
}
