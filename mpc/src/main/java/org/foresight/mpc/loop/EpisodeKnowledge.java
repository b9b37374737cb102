package org.foresight.mpc.loop;

import java.util.List;
import org.foresight.dynamics.log.MapSnapshot;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.sim.Simulator;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.World;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.path.GuidePlanner;
import org.foresight.mpc.perception.DiscTracker;
import org.foresight.mpc.perception.LidarMap;
import org.foresight.mpc.perception.LidarMapConfig;
import org.foresight.mpc.perception.MapLocalizer;
import org.foresight.mpc.perception.MapObstacleField;
import org.foresight.mpc.perception.MovingDiscs;
import org.foresight.mpc.perception.ObstacleField;
import org.foresight.mpc.perception.OracleMotion;
import org.foresight.mpc.perception.ScanMatcherConfig;
import org.foresight.mpc.perception.TrackingLidarMap;

/**
 * What the robot knows during one episode ({@link Sensing}): the state it measures, the obstacle field it
 * plans against, and the guide path, kept up to date each cycle. With a lidar map the guide is A* on the
 * map coarsened to {@value #GUIDE_CELLS} cells per guide cell (unknown cells traversable: the robot heads
 * for the goal through what it has not seen and re-plans as it sees more), re-planned every
 * {@link EpisodeConfig#replanPeriod()} and at once when newly seen obstacles come within the footprint's
 * inradius of it.
 *
 * <p>Not thread-safe; one per episode run.
 */
final class EpisodeKnowledge {
    /** Lidar-map cells per side of one guide cell (0.05 m map → 0.15 m guide grid, BARN's cell size). */
    static final int GUIDE_CELLS = 3;

    private final World world;
    private final EpisodeConfig config;
    private final Sensing sensing;
    private final LidarMap map;
    private final ObstacleField field;
    private final GuidePlanner staticGuides;
    private final OccupancyGrid coarse;
    private GuidePath guide;
    private long guideVersion = -1;
    private double nextReplan;
    private double perceptionMs;
    /** The pose the planner was last given (x, y, θ) and whether it is the odometry's (then oracles reframe to it). */
    private final double[] believed = new double[3];
    private boolean believes;
    private long snapshotVersion = -1;
    private boolean noPath;
    /** Set once the robot was found stuck: from then on guides prefer clearance whatever the detour. */
    private boolean clearanceFirst;
    private final MovingDiscs movers = new MovingDiscs();
    /** The map oracle's turn rates and accelerations, from the true velocities of consecutive cycles. */
    private final OracleMotion oracleMotion = new OracleMotion();
    /**
     * The moving-obstacle tracker ({@link Sensing.Perception#TRACKED}, and {@link Sensing.Perception#LIDAR} in a world
     * with moving obstacles), else null.
     */
    private final DiscTracker tracker;
    /** The scan-to-map matcher correcting odometry ({@link Sensing.Localization#SCANMATCH}), else null. */
    private final MapLocalizer localizer;
    /** A lidar map in a world with moving obstacles: tracker, moving filter and map together, else null. */
    private final TrackingLidarMap tracking;
    /** Control periods of the future oracle's paths (5 s at 20 Hz: beyond the default 2.8 s horizon). */
    static final int FUTURE_STEPS = 100;
    /** Cycles between two map snapshots in the run log (0.5 s). */
    static final int SNAPSHOT_CYCLES = 10;

    EpisodeKnowledge(World world, EpisodeConfig config) {
        this.world = world;
        this.config = config;
        this.sensing = config.sensing();
        if (sensing.perception() == Sensing.Perception.LIDAR) {
            LidarMapConfig mc = LidarMapConfig.covering(world.grid()).withResolution(sensing.mapResolution());
            this.map = new LidarMap(mc.withSensorOffset(config.sim().lidarOffset()));
            this.field = map;
            this.staticGuides = null;
            this.coarse = new OccupancyGrid(Math.max(1, map.sizeX() / GUIDE_CELLS), Math.max(1, map.sizeY() / GUIDE_CELLS),
                    map.resolution() * GUIDE_CELLS, map.originX(), map.originY());
        } else {
            this.map = null;
            this.field = MapObstacleField.of(world);
            this.staticGuides = new GuidePlanner(world.grid(), config.footprint(), config.guideMargin());
            this.coarse = null;
        }
        this.localizer = sensing.localization() == Sensing.Localization.SCANMATCH
                ? new MapLocalizer(ScanMatcherConfig.DEFAULT) : null;
        boolean lidarTracks = sensing.perception() == Sensing.Perception.LIDAR && !world.movingObstacles().isEmpty();
        Lidar lidar = sensing.perception() == Sensing.Perception.TRACKED || lidarTracks
                ? new Lidar(config.sim().lidar()) : null;
        this.tracker = sensing.perception() == Sensing.Perception.TRACKED
                ? new DiscTracker(sensing.tracker(), lidar) : null;
        this.tracking = lidarTracks ? new TrackingLidarMap(map, lidar, sensing.tracker(),
                sensing.movingFilter()) : null;
    }

    /** Forgets everything learnt (after the warm-up). */
    void reset() {
        believes = false;
        if (map != null) {
            map.reset();
        }
        if (tracker != null) {
            tracker.reset();
        }
        if (tracking != null) {
            tracking.reset();
        }
        if (localizer != null) {
            localizer.reset();
        }
        oracleMotion.reset();
        guide = null;
        clearanceFirst = false;
        guideVersion = -1;
        snapshotVersion = -1;
        noPath = false;
        nextReplan = 0;
    }

    /** @return the obstacle field planners read. */
    ObstacleField field() {
        return field;
    }

    /**
     * The moving obstacles the planner is told of now: with the exact map (the oracle) the simulator's true discs,
     * their positions, velocities, turn rates and accelerations (from this cycle's and the last cycle's true velocities,
     * {@link OracleMotion}), placed where they truly are relative to the robot in the frame of the pose it believes
     * (the world frame with exact localization; with odometry, true positions in the world frame would put every disc
     * off by the odometry's drift, 0.24 m at a DynaBARN episode's end in the median, 0.57 m at the 90th percentile,
     * where a lidar measures them relative to the robot); tracked, the tracker's confirmed tracks (as
     * of the last {@link #sense}); with a lidar map in a world with moving obstacles, the confirmed tracks not judged
     * static ({@link TrackingLidarMap#movers}); with a lidar map in a static world none.
     *
     * @param sim the simulator. Not modified.
     * @return the discs (a holder reused every cycle), or {@link MovingDiscs#NONE}.
     */
    MovingDiscs movers(Simulator sim) {
        if (tracking != null) {
            return tracking.movers(movers);
        }
        if (tracker != null) {
            return tracker.tracks(movers);
        }
        boolean future = sensing.perception() == Sensing.Perception.FUTURE;
        if (!(sensing.perception() == Sensing.Perception.MAP || future) || sim.obstacles().isEmpty()) {
            return MovingDiscs.NONE;
        }
        movers.set(sim.obstacles());
        if (future) {
            fillFuture(sim);
        } else {
            oracleMotion.apply(sim.time(), movers);
        }
        if (believes) {
            // the planner works in the frame of the pose it believes: each disc where it truly is relative to the robot
            double[] t = sim.state();
            movers.reframe(t[StateIndex.X], t[StateIndex.Y], t[StateIndex.THETA], believed[0], believed[1], believed[2]);
        }
        return movers;
    }

    /**
     * The oracle of the true future: each disc's centre every control period over {@value #FUTURE_STEPS} periods,
     * from a copy of it stepped as the simulator steps it (keyframed discs exactly; bouncing discs bounce off the
     * static grid). Allocates the copies (an oracle, not a robot's pipeline).
     */
    private void fillFuture(Simulator sim) {
        double dt = config.sim().controlDt();
        List<MovingDisc> now = sim.obstacles();
        movers.startFuture(FUTURE_STEPS, dt);
        for (int i = 0; i < now.size(); i++) {
            MovingDisc d = now.get(i).copy();
            for (int k = 0; k < FUTURE_STEPS; k++) {
                d.step(dt, world.grid());
                movers.setFuture(i, k, d.x(), d.y());
            }
        }
    }

    /**
     * Takes this cycle's measurement and updates the map with the cycle's scan. With scan matching the odometry
     * estimate is first corrected against the map (before the scan goes into it); its time counts as perception.
     *
     * @param sim the simulator (true state, scan, odometry).
     * @return the state the planner sees (x, y, θ, v, ω).
     */
    double[] sense(Simulator sim) {
        double[] x = sensing.localization().usesOdometry() ? sim.estimate() : sim.state();
        if (tracking != null) {
            senseMoving(sim, x);
        } else if (map != null) {
            long t0 = System.nanoTime();
            if (localizer != null) {
                localizer.localize(x, sim.scan(), sim.config().lidar(), map);
            }
            // The scan was taken from the true pose; it is placed at the pose the robot believes it has.
            map.integrate(sim.scan(), sim.config().lidar(), x[StateIndex.X], x[StateIndex.Y], x[StateIndex.THETA]);
            perceptionMs = (System.nanoTime() - t0) * 1e-6;
        }
        if (tracker != null) {
            long t0 = System.nanoTime();
            double th = x[StateIndex.THETA];
            double off = sim.config().lidarOffset();
            tracker.update(sim.time(), sim.scan(), x[StateIndex.X] + off * Math.cos(th), x[StateIndex.Y] + off * Math.sin(th),
                    th, field.grid());
            perceptionMs = (System.nanoTime() - t0) * 1e-6;
        }
        believes = estimates();
        believed[0] = x[StateIndex.X];
        believed[1] = x[StateIndex.Y];
        believed[2] = x[StateIndex.THETA];
        return x;
    }

    /**
     * A lidar map in a world with moving obstacles ({@link TrackingLidarMap}): tracker, moving filter and map share
     * the scan and the believed pose.
     */
    private void senseMoving(Simulator sim, double[] x) {
        long t0 = System.nanoTime();
        if (localizer != null) {
            localizer.localize(x, sim.scan(), sim.config().lidar(), map); // moving discs fall out as outliers
        }
        tracking.scan(sim.time(), sim.scan(), x[StateIndex.X], x[StateIndex.Y], x[StateIndex.THETA]);
        perceptionMs = (System.nanoTime() - t0) * 1e-6;
    }

    /**
     * The warm-up's view: the first scan placed at the start pose, without touching the odometry's averaging
     * (the state is the true start, which the estimate equals at t = 0). {@link #reset} forgets it.
     */
    void warmUpScan(Simulator sim, double[] start) {
        map.integrate(sim.scan(), sim.config().lidar(), start[StateIndex.X], start[StateIndex.Y],
                start[StateIndex.THETA]);
    }

    /**
     * What the robot had seen, for the run log: a snapshot of the lidar map when it changed since the last
     * one, at most every {@value #SNAPSHOT_CYCLES} cycles (and on the first).
     *
     * @param cycle the cycle number.
     * @return the snapshot, or null (exact map, unchanged, or not due).
     */
    MapSnapshot snapshot(int cycle) {
        if (map == null || (cycle % SNAPSHOT_CYCLES != 0) || map.version() == snapshotVersion) {
            return null;
        }
        snapshotVersion = map.version();
        int[] cells = new int[map.occupiedCount()];
        int n = 0;
        for (int ix = 0; ix < map.sizeX(); ix++) {
            for (int iy = 0; iy < map.sizeY(); iy++) {
                if (map.isOccupied(ix, iy) && n < cells.length) {
                    cells[n++] = ix * map.sizeY() + iy;
                }
            }
        }
        return new MapSnapshot(map.originX(), map.originY(), map.resolution(), map.sizeX(), map.sizeY(),
                java.util.Arrays.copyOf(cells, n));
    }

    /** @return whether the last guide re-plan found no path to the goal on the robot's map. */
    boolean noPath() {
        return noPath;
    }

    /** @return whether the planner's state is the odometry estimate (not the truth). */
    boolean estimates() {
        return sensing.localization().usesOdometry();
    }

    /** @return wall-clock time of the last map update [ms] (0 with the exact map). */
    double perceptionMs() {
        return perceptionMs;
    }

    /**
     * The guide for this cycle: re-planned every replan period, when {@code force} (the robot is stuck, or a
     * wide guide is wanted), or when the lidar map shows obstacles on it.
     *
     * @param t     simulated time [s].
     * @param x     the measured state.
     * @param wide  whether to plan the wide guide.
     * @param force whether to re-plan now.
     * @return the guide (the last good one when a re-plan finds no path), or null when none was ever found.
     */
    GuidePath guide(double t, double[] x, boolean wide, boolean force) {
        boolean stale = map != null && guide != null && map.version() != guideVersion && blocked(guide);
        if (force && wide) {
            // Stuck once, most likely at a gap the guide's reference inflation admits and the critics do not:
            // from now on clearance wins over length, as it did before the detour limit.
            clearanceFirst = true;
        }
        if (force || stale || guide == null || t >= nextReplan) {
            long t0 = System.nanoTime();
            GuidePath g = planner().plan(x[StateIndex.X], x[StateIndex.Y], world.goalX(), world.goalY(), wide,
                    clearanceFirst ? Double.POSITIVE_INFINITY : GuidePlanner.DETOUR_LIMIT);
            if (g != null) {
                guide = g;
            }
            // With a lidar map, a guide that finds no path at any inflation means the map has closed up.
            noPath = map != null && g == null;
            if (map != null) {
                guideVersion = map.version();
                perceptionMs += (System.nanoTime() - t0) * 1e-6;
            }
            nextReplan = t + config.replanPeriod();
        }
        return guide;
    }

    private GuidePlanner planner() {
        if (staticGuides != null) {
            return staticGuides;
        }
        // A cell of the coarse grid is occupied when any map cell in it is seen occupied.
        for (int cx = 0; cx < coarse.sizeX(); cx++) {
            for (int cy = 0; cy < coarse.sizeY(); cy++) {
                boolean occ = false;
                for (int i = 0; i < GUIDE_CELLS && !occ; i++) {
                    for (int j = 0; j < GUIDE_CELLS && !occ; j++) {
                        occ = map.isOccupied(cx * GUIDE_CELLS + i, cy * GUIDE_CELLS + j);
                    }
                }
                coarse.setOccupied(cx, cy, occ);
            }
        }
        return new GuidePlanner(coarse, config.footprint(), config.guideMargin());
    }

    /** Whether any point of the guide lies closer than the footprint's inradius to a seen obstacle. */
    private boolean blocked(GuidePath g) {
        double r = config.footprint().inradius();
        double[] xy = g.xy();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (map.grid().distance(xy[i], xy[i + 1]) < r) {
                return true;
            }
        }
        return false;
    }
}
