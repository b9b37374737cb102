package org.foresight.dynamics.log;

/**
 * File names and binary layout of a run directory, shared by {@link RunLogWriter} and {@link RunLog}.
 *
 * <pre>
 * RUNDIR/
 *   world.json        grid (resolution, origin, size, occupied rows), start, goal, reference path, footprint, lidar
 *                     (beams, field of view, range, angles, and "offset_m": where it sits along the robot's forward
 *                     axis from the centre; absent in older runs and then taken as −0.065 m, the Jackal's mount)
 *   meta.json         who made the run: planner, model, seed, latency, plant (robot preset and parameters or class)
 *   trajectory.csv    the trajectory log (t, x, y, theta, v, omega, cmd_v, cmd_omega), one row per cycle (+ .json);
 *                     cmd_* is the command in force at the end of the cycle
 *   cycles.csv        cycle, t, plan_ms, mode, status, latency_ms, overrun: plan_ms and latency_ms are NaN and
 *                     status "busy" in a cycle in which no plan started (the planner was still computing);
 *                     overrun is 1 when the cycle ended with a plan in flight (older runs lack the last two)
 *   plans.bin         per cycle: int cycle, int points, points × (float x, float y)
 *   rollouts.bin      per cycle: int cycle, int count, count × (float weight, int points, points × (float x, float y))
 *   scans.bin         per cycle: int cycle, int beams, beams × float range      (only with a lidar)
 *   obstacles.csv     cycle, t, id, x, y, radius: the true moving obstacles every cycle (only with moving
 *                     obstacles); t is world time [s] (the world's clock at the robot's start, the offset t0,
 *                     plus the cycle's simulated time); older runs lack t
 *   tracks.csv        cycle, t, id, x, y, vx, vy, radius, sigma: the moving obstacles the planner was told of each
 *                     cycle (the lidar tracks, or the true discs of the oracle with sigma 0), t world time as in
 *                     obstacles.csv, sigma the track's position standard deviation [m]; only when there were some
 *   estimate.csv      cycle, x, y, theta, v, omega: the state the robot believed (its odometry), one row per
 *                     cycle that had one (only when the robot was not given the true state); trajectory.csv
 *                     holds the true state
 *   map.bin           the obstacles the robot had seen, a snapshot whenever it changed (at most one per cycle):
 *                     int cycle, double origin_x, double origin_y, double resolution, int size_x, int size_y,
 *                     int count, count × int cell (ix · size_y + iy, ascending), in the robot's odometry frame;
 *                     only when the robot built its own map. The map of cycle c is the last snapshot at or before c
 *   guides.bin        the guide path the planner followed, a record whenever it changed: int cycle, int points,
 *                     points × (float x, float y), in the frame of the plans; the guide of cycle c is the last
 *                     record at or before c (absent in older runs: the viewer then draws world.json's reference path)
 *   result.json       outcome, time_s, ot_s, score, path_m, plan_ms_p50, plan_ms_p99, latency, latency_ms_p50,
 *                     latency_ms_p99, overrun_fraction, … (written last)
 * </pre>
 * Binary files are big-endian (Java {@code DataOutputStream}) and start with an 8-byte magic. Files are
 * written under a {@code .partial} name and renamed when the run finishes, so an interrupted run has no
 * {@code result.json} and no file that looks whole. Every stream is flushed at the end of each cycle, so an
 * interrupted run reads back up to its last whole cycle; {@code estimate.csv} and {@code map.bin} are written and
 * flushed first in a cycle, so a record of theirs cut by the interruption belongs to a cycle no other stream holds
 * whole. Plans and rollouts are in the frame of the state the planner saw: the estimate's when there is one.
 */
public final class RunFiles {
    /** Static world description. */
    public static final String WORLD = "world.json";
    /** Run metadata. */
    public static final String META = "meta.json";
    /** Trajectory log. */
    public static final String TRAJECTORY = "trajectory.csv";
    /** Per-cycle timing and status. */
    public static final String CYCLES = "cycles.csv";
    /** Chosen plans. */
    public static final String PLANS = "plans.bin";
    /** Sampled rollouts. */
    public static final String ROLLOUTS = "rollouts.bin";
    /** Lidar scans. */
    public static final String SCANS = "scans.bin";
    /** Moving obstacles. */
    public static final String OBSTACLES = "obstacles.csv";
    /** The moving obstacles the planner was told of (tracks), optional. */
    public static final String TRACKS = "tracks.csv";
    /** The robot's state estimate (odometry), optional. */
    public static final String ESTIMATE = "estimate.csv";
    /** Snapshots of the robot's own map, optional. */
    public static final String KNOWN_MAP = "map.bin";
    /** The guide paths the planner followed, optional. */
    public static final String GUIDES = "guides.bin";
    /** Episode result, written last. */
    public static final String RESULT = "result.json";
    /** Suffix of files still being written. */
    public static final String PARTIAL = ".partial";
    /** Magic of plans.bin. */
    public static final long PLANS_MAGIC = 0x4653504C414E5331L; // "FSPLANS1"
    /** Magic of rollouts.bin. */
    public static final long ROLLOUTS_MAGIC = 0x4653524F4C4C5331L; // "FSROLLS1"
    /** Magic of scans.bin. */
    public static final long SCANS_MAGIC = 0x46535343414E5331L; // "FSSCANS1"

    /** Magic of guides.bin. */
    public static final long GUIDES_MAGIC = 0x4653475549444531L; // "FSGUIDE1"
    /** Magic of map.bin. */
    public static final long KNOWN_MAP_MAGIC = 0x46534B4D41505331L; // "FSKMAPS1"
    /** Default lidar mount along the forward axis when world.json does not say [m]: the Jackal's, behind the centre. */
    public static final double DEFAULT_LIDAR_OFFSET = -0.065;

    private RunFiles() {
    }
}
