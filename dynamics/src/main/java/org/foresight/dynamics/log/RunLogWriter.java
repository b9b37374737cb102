package org.foresight.dynamics.log;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.World;

/**
 * Writes a run directory (layout in {@link RunFiles}) cycle by cycle while a closed-loop episode runs.
 * Streams go to {@code .partial} files; {@link #finish} renames them, writes the trajectory log and
 * writes {@code result.json} last, so a run without {@code result.json} is known to be incomplete.
 *
 * <p>Not thread-safe: one writer per run, called from the control loop.
 */
public final class RunLogWriter implements AutoCloseable {
    private final Path dir;
    private final Writer cycles;
    private final DataOutputStream plans;
    private final DataOutputStream rollouts;
    /** The trajectory as it is recorded, so that an interrupted run can be replayed up to its last cycle. */
    private final Writer trajectoryStream;
    private DataOutputStream scans;
    private Writer obstacleLog;
    private Writer trackLog;
    private Writer estimates;
    private DataOutputStream knownMaps;
    private DataOutputStream guides;
    private final List<double[]> rows = new ArrayList<>();
    private final Map<String, Object> metadata;
    /** World time when the robot started [s]: obstacles.csv's t is this plus the cycle's simulated time. */
    private final double worldStartTime;
    private boolean finished;
    private boolean closed;

    private RunLogWriter(Path dir, Map<String, Object> metadata, double worldStartTime) throws IOException {
        this.dir = dir;
        this.worldStartTime = worldStartTime;
        this.metadata = new LinkedHashMap<>(metadata);
        this.cycles = Files.newBufferedWriter(partial(RunFiles.CYCLES), StandardCharsets.UTF_8);
        cycles.write("cycle,t,plan_ms,mode,status,latency_ms,overrun\n");
        this.plans = binary(RunFiles.PLANS, RunFiles.PLANS_MAGIC);
        this.rollouts = binary(RunFiles.ROLLOUTS, RunFiles.ROLLOUTS_MAGIC);
        this.trajectoryStream = Files.newBufferedWriter(partial(RunFiles.TRAJECTORY), StandardCharsets.UTF_8);
        trajectoryStream.write(String.join(",", TrajectoryLog.STANDARD_COLUMNS) + "\n");
    }

    /** Same as {@link #create(Path, World, Footprint, LidarConfig, double, Map)} without a lidar. */
    public static RunLogWriter create(Path dir, World world, Footprint footprint, Map<String, Object> metadata) {
        return create(dir, world, footprint, null, metadata);
    }

    /**
     * Same as {@link #create(Path, World, Footprint, LidarConfig, double, Map)} with the lidar mount not recorded
     * (readers then take {@link RunFiles#DEFAULT_LIDAR_OFFSET}).
     */
    public static RunLogWriter create(Path dir, World world, Footprint footprint, LidarConfig lidar,
                                      Map<String, Object> metadata) {
        return create(dir, world, footprint, lidar, Double.NaN, metadata);
    }

    /**
     * Starts a run directory: removes the files of an earlier run there, writes {@code world.json} and
     * {@code meta.json}.
     *
     * @param dir         the run directory (created).
     * @param world       the world the run takes place in.
     * @param footprint   the robot's footprint.
     * @param lidar       the lidar whose scans will be logged, or null.
     * @param lidarOffset where the lidar sits along the robot's forward axis from its centre [m] (the scans are
     *                    taken there), or NaN: not recorded.
     * @param metadata    what made the run (planner, model, seed, …); JSON-serialisable values.
     * @return the writer.
     * @throws UncheckedIOException naming the directory if it cannot be written.
     */
    public static RunLogWriter create(Path dir, World world, Footprint footprint, LidarConfig lidar,
                                      double lidarOffset, Map<String, Object> metadata) {
        try {
            Files.createDirectories(dir);
            for (String f : List.of(RunFiles.RESULT, RunFiles.WORLD, RunFiles.META, RunFiles.TRAJECTORY,
                    "trajectory.json", RunFiles.CYCLES, RunFiles.PLANS, RunFiles.ROLLOUTS, RunFiles.SCANS,
                    RunFiles.OBSTACLES, RunFiles.TRACKS, RunFiles.ESTIMATE, RunFiles.KNOWN_MAP, RunFiles.GUIDES)) {
                Files.deleteIfExists(dir.resolve(f));
                Files.deleteIfExists(dir.resolve(f + RunFiles.PARTIAL));
            }
            Map<String, Object> w = worldJson(world, footprint, lidar, lidarOffset);
            AtomicFiles.writeText(dir.resolve(RunFiles.WORLD), out -> out.write(TrajectoryLogIO.JSON.writeValueAsString(w)));
            Map<String, Object> meta = new LinkedHashMap<>(metadata);
            meta.putIfAbsent("world", world.name());
            AtomicFiles.writeText(dir.resolve(RunFiles.META), out -> out.write(TrajectoryLogIO.JSON.writeValueAsString(meta)));
            return new RunLogWriter(dir, meta, world.startTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> worldJson(World world, Footprint footprint, LidarConfig lidar, double lidarOffset) {
        OccupancyGrid g = world.grid();
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", world.name());
        w.put("resolution_m", g.resolution());
        w.put("origin_x_m", g.originX());
        w.put("origin_y_m", g.originY());
        w.put("size_x", g.sizeX());
        w.put("size_y", g.sizeY());
        List<String> cells = new ArrayList<>(g.sizeX());
        StringBuilder sb = new StringBuilder(g.sizeY());
        for (int ix = 0; ix < g.sizeX(); ix++) {
            sb.setLength(0);
            for (int iy = 0; iy < g.sizeY(); iy++) {
                sb.append(g.isOccupied(ix, iy) ? '1' : '0');
            }
            cells.add(sb.toString());
        }
        w.put("occupied_by_ix", cells);
        w.put("start", Map.of("x", world.start().x(), "y", world.start().y(), "theta", world.start().theta()));
        w.put("goal", Map.of("x", world.goalX(), "y", world.goalY(), "tolerance_m", world.goalTolerance()));
        w.put("reference_path_xy", world.referencePath());
        w.put("optimal_time_s", world.optimalTime());
        w.put("footprint", Map.of("length_m", footprint.length(), "width_m", footprint.width()));
        if (lidar != null) {
            Lidar l = new Lidar(lidar);
            Map<String, Object> lj = new LinkedHashMap<>();
            lj.put("beams", lidar.beams());
            lj.put("field_of_view_rad", lidar.fieldOfView());
            lj.put("max_range_m", lidar.maxRange());
            lj.put("angle_min_rad", l.beamAngle(0));
            lj.put("angle_increment_rad", lidar.beams() > 1 ? l.beamAngle(1) - l.beamAngle(0) : 0.0);
            if (Double.isFinite(lidarOffset)) {
                lj.put("offset_m", lidarOffset);
            }
            w.put("lidar", lj);
        }
        return w;
    }

    private Path partial(String name) {
        return dir.resolve(name + RunFiles.PARTIAL);
    }

    private DataOutputStream binary(String name, long magic) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial(name)), 1 << 16));
        out.writeLong(magic);
        return out;
    }

    /**
     * Appends one cycle.
     *
     * @param r the cycle. Not modified.
     * @throws IllegalStateException after {@link #finish} or {@link #close}.
     * @throws UncheckedIOException on write failure.
     */
    public void cycle(CycleRecord r) {
        if (finished || closed) {
            throw new IllegalStateException("run log " + dir + " is already closed");
        }
        try {
            // What the robot believed goes first, flushed: a record of these streams cut by an interruption then
            // belongs to a cycle that no other stream holds whole (see RunFiles).
            writeBelief(r);
            double[] row = new double[TrajectoryLog.STANDARD_COLUMNS.size()];
            row[0] = TrajectoryLogIO.roundTime(r.t());
            for (int i = 0; i < StateIndex.FULL_DIM; i++) {
                row[1 + i] = i < r.state().length ? r.state()[i] : Double.NaN;
            }
            row[6] = r.cmd()[ControlIndex.V];
            row[7] = r.cmd()[ControlIndex.OMEGA];
            rows.add(row);
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : ",").append(row[i]);
            }
            trajectoryStream.write(line.append('\n').toString());
            cycles.write(r.index() + "," + TrajectoryLogIO.roundTime(r.t()) + "," + r.planMs() + "," + r.mode() + ","
                    + r.status() + "," + TrajectoryLogIO.roundTime(r.latencyMs()) + "," + (r.overrun() ? "1" : "0") + "\n");
            plans.writeInt(r.index());
            writePolyline(plans, r.planXY());
            rollouts.writeInt(r.index());
            rollouts.writeInt(r.rolloutsXY().length);
            for (int k = 0; k < r.rolloutsXY().length; k++) {
                rollouts.writeFloat((float) r.rolloutWeights()[k]);
                writePolyline(rollouts, r.rolloutsXY()[k]);
            }
            if (r.scan() != null) {
                if (scans == null) {
                    scans = binary(RunFiles.SCANS, RunFiles.SCANS_MAGIC);
                }
                scans.writeInt(r.index());
                scans.writeInt(r.scan().length);
                for (double d : r.scan()) {
                    scans.writeFloat((float) d);
                }
            }
            if (r.obstacles() != null && !r.obstacles().isEmpty()) {
                if (obstacleLog == null) {
                    obstacleLog = new BufferedWriter(Files.newBufferedWriter(partial(RunFiles.OBSTACLES), StandardCharsets.UTF_8));
                    obstacleLog.write("cycle,t,id,x,y,radius\n");
                }
                String t = Double.toString(TrajectoryLogIO.roundTime(worldStartTime + r.t()));
                for (int i = 0; i < r.obstacles().size(); i++) {
                    MovingDisc o = r.obstacles().get(i);
                    obstacleLog.write(r.index() + "," + t + "," + i + "," + o.x() + "," + o.y() + "," + o.radius() + "\n");
                }
            }
            writeTracks(r);
            // Every cycle reaches the files: an interrupted run stays readable up to its last whole cycle.
            trajectoryStream.flush();
            cycles.flush();
            plans.flush();
            rollouts.flush();
            if (scans != null) {
                scans.flush();
            }
            if (obstacleLog != null) {
                obstacleLog.flush();
            }
            if (trackLog != null) {
                trackLog.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** tracks.csv: what the planner was told of the moving obstacles, one row per track, t the world time. */
    private void writeTracks(CycleRecord r) throws IOException {
        double[] k = r.tracks();
        if (k == null || k.length == 0) {
            return;
        }
        if (trackLog == null) {
            trackLog = new BufferedWriter(Files.newBufferedWriter(partial(RunFiles.TRACKS), StandardCharsets.UTF_8));
            trackLog.write(TrackLog.HEADER + "\n");
        }
        String t = Double.toString(TrajectoryLogIO.roundTime(worldStartTime + r.t()));
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < k.length; i += CycleRecord.TRACK_FIELDS) {
            line.setLength(0);
            line.append(r.index()).append(',').append(t).append(',').append((long) k[i]);
            for (int j = 1; j < CycleRecord.TRACK_FIELDS; j++) {
                line.append(',').append((float) k[i + j]);
            }
            trackLog.write(line.append('\n').toString());
        }
    }

    private void writeBelief(CycleRecord r) throws IOException {
        double[] e = r.estimate();
        if (e != null) {
            if (estimates == null) {
                estimates = Files.newBufferedWriter(partial(RunFiles.ESTIMATE), StandardCharsets.UTF_8);
                estimates.write("cycle,x,y,theta,v,omega\n");
            }
            StringBuilder line = new StringBuilder(96).append(r.index());
            for (int i = 0; i < StateIndex.FULL_DIM; i++) {
                line.append(',').append(i < e.length ? e[i] : Double.NaN);
            }
            estimates.write(line.append('\n').toString());
            estimates.flush();
        }
        MapSnapshot m = r.knownMap();
        if (m != null) {
            if (knownMaps == null) {
                knownMaps = binary(RunFiles.KNOWN_MAP, RunFiles.KNOWN_MAP_MAGIC);
            }
            knownMaps.writeInt(r.index());
            knownMaps.writeDouble(m.originX());
            knownMaps.writeDouble(m.originY());
            knownMaps.writeDouble(m.resolution());
            knownMaps.writeInt(m.sizeX());
            knownMaps.writeInt(m.sizeY());
            int[] cells = m.occupied();
            knownMaps.writeInt(cells.length);
            for (int cell : cells) {
                knownMaps.writeInt(cell);
            }
            knownMaps.flush();
        }
        if (r.guideXY() != null) {
            if (guides == null) {
                guides = binary(RunFiles.GUIDES, RunFiles.GUIDES_MAGIC);
            }
            guides.writeInt(r.index());
            writePolyline(guides, r.guideXY());
            guides.flush();
        }
    }

    private static void writePolyline(DataOutputStream out, double[] xy) throws IOException {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("polyline has an odd number of coordinates: " + xy.length);
        }
        out.writeInt(xy.length / 2);
        for (double v : xy) {
            out.writeFloat((float) v);
        }
    }

    /**
     * Ends the run: closes the streams, renames them into place, writes the trajectory log and finally
     * {@code result.json}.
     *
     * @param result the result fields (e.g. outcome, time_s, ot_s, score, path_m, plan_ms_p50, plan_ms_p99).
     * @throws UncheckedIOException on write failure.
     */
    public void finish(Map<String, Object> result) {
        if (finished) {
            throw new IllegalStateException("run log " + dir + " already finished");
        }
        closeStreams();
        try {
            for (String f : List.of(RunFiles.CYCLES, RunFiles.PLANS, RunFiles.ROLLOUTS, RunFiles.SCANS, RunFiles.OBSTACLES,
                    RunFiles.TRACKS, RunFiles.ESTIMATE, RunFiles.KNOWN_MAP, RunFiles.GUIDES)) {
                Path p = partial(f);
                if (Files.exists(p)) {
                    Files.move(p, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish run log in " + dir + ": " + e.getMessage(), e);
        }
        List<String> cols = TrajectoryLog.STANDARD_COLUMNS;
        double[][] data = new double[cols.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                data[c][r] = rows.get(r)[c];
            }
        }
        Map<String, Object> trajMeta = new LinkedHashMap<>(metadata);
        trajMeta.put("control_period_s", rows.size() > 1 ? rows.get(1)[0] - rows.get(0)[0] : 0.0);
        TrajectoryLogIO.write(dir.resolve(RunFiles.TRAJECTORY), new TrajectoryLog(cols, data, trajMeta));
        try {
            Files.deleteIfExists(partial(RunFiles.TRAJECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish run log in " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Object> res = new LinkedHashMap<>(result);
        res.putIfAbsent("cycles", rows.size());
        AtomicFiles.writeText(dir.resolve(RunFiles.RESULT), out -> out.write(TrajectoryLogIO.JSON.writeValueAsString(res) + "\n"));
        finished = true;
    }

    private void closeStreams() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cycles.close();
            trajectoryStream.close();
            plans.close();
            rollouts.close();
            if (scans != null) {
                scans.close();
            }
            if (obstacleLog != null) {
                obstacleLog.close();
            }
            if (trackLog != null) {
                trackLog.close();
            }
            if (estimates != null) {
                estimates.close();
            }
            if (knownMaps != null) {
                knownMaps.close();
            }
            if (guides != null) {
                guides.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close run log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Closes the streams; without {@link #finish} the run stays marked incomplete (no result.json). */
    @Override
    public void close() {
        closeStreams();
    }

    /** The run directory. */
    public Path dir() {
        return dir;
    }
}
