package org.foresight.dynamics.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A navigation task: a static occupancy grid, a start pose, a goal disc, a reference path (whose length defines
 * the BARN optimal time) and optionally moving obstacles. Immutable apart from the grid, which must not be
 * modified once it belongs to a world (the signed distance field is cached).
 *
 * <p>Built by {@link WorldLoader}; see there for the BARN geometry.
 */
public final class World {
    /** Speed that defines the optimal time, OT = reference path length / 2 m/s [m/s]. */
    public static final double OPTIMAL_SPEED = 2.0;
    /** Step in which {@link #advancedBy} moves bouncing obstacles [s] (the simulator's physics step). */
    public static final double ADVANCE_STEP = 0.005;

    private final String name;
    private final OccupancyGrid grid;
    private final Pose2 start;
    private final double goalX;
    private final double goalY;
    private final double goalTolerance;
    private final double[] referencePath;
    private final double referencePathLength;
    private final FieldBounds fieldBounds;
    private final List<MovingDisc> movingObstacles;
    private final double startTime;
    private final SdfHolder sdf;

    /**
     * @param name            short name, e.g. "barn_007" (used in file names).
     * @param grid            static obstacles; ownership passes to the world (do not modify afterwards).
     * @param start           start pose.
     * @param goalX           goal x [m].
     * @param goalY           goal y [m].
     * @param goalTolerance   success radius around the goal [m], &gt; 0.
     * @param referencePath   interleaved x0, y0, x1, y1, … [m], ≥ 2 points, start → … → goal. Copied.
     * @param fieldBounds     area moving obstacles live in.
     * @param movingObstacles initial moving obstacles (copied); empty for a static world.
     */
    public World(String name, OccupancyGrid grid, Pose2 start, double goalX, double goalY, double goalTolerance,
                 double[] referencePath, FieldBounds fieldBounds, List<? extends MovingDisc> movingObstacles) {
        this(name, grid, start, goalX, goalY, goalTolerance, referencePath, fieldBounds, movingObstacles, 0.0,
                new SdfHolder());
    }

    private World(String name, OccupancyGrid grid, Pose2 start, double goalX, double goalY, double goalTolerance,
                  double[] referencePath, FieldBounds fieldBounds, List<? extends MovingDisc> movingObstacles,
                  double startTime, SdfHolder sdf) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("world name must be non-empty");
        }
        if (grid == null || start == null || fieldBounds == null || referencePath == null || movingObstacles == null) {
            throw new IllegalArgumentException("world " + name + ": grid, start, fieldBounds, referencePath and "
                    + "movingObstacles must be non-null");
        }
        if (!Double.isFinite(goalX) || !Double.isFinite(goalY)) {
            throw new IllegalArgumentException("world " + name + ": goal [m] must be finite: " + goalX + ", " + goalY);
        }
        if (!(goalTolerance > 0) || !Double.isFinite(goalTolerance)) {
            throw new IllegalArgumentException("world " + name + ": goal tolerance [m] must be finite and > 0: "
                    + goalTolerance);
        }
        if (referencePath.length < 4 || referencePath.length % 2 != 0) {
            throw new IllegalArgumentException("world " + name + ": reference path must hold ≥ 2 interleaved xy points, "
                    + "got " + referencePath.length + " numbers");
        }
        double len = 0.0;
        for (int i = 0; i < referencePath.length; i++) {
            if (!Double.isFinite(referencePath[i])) {
                throw new IllegalArgumentException("world " + name + ": reference path [m] entry " + i + " not finite");
            }
        }
        for (int i = 2; i < referencePath.length; i += 2) {
            len += Math.hypot(referencePath[i] - referencePath[i - 2], referencePath[i + 1] - referencePath[i - 1]);
        }
        if (!(len > 0)) {
            throw new IllegalArgumentException("world " + name + ": the reference path has zero length (start and goal at "
                    + goalX + ", " + goalY + " coincide?), so the optimal time OT would be 0 s");
        }
        this.name = name;
        this.grid = grid;
        this.start = start;
        this.goalX = goalX;
        this.goalY = goalY;
        this.goalTolerance = goalTolerance;
        this.referencePath = referencePath.clone();
        this.referencePathLength = len;
        this.fieldBounds = fieldBounds;
        if (!(startTime >= 0) || !Double.isFinite(startTime)) {
            throw new IllegalArgumentException("world " + name + ": start time [s] must be finite and ≥ 0: " + startTime);
        }
        List<MovingDisc> copies = new ArrayList<>(movingObstacles.size());
        for (MovingDisc o : movingObstacles) {
            copies.add(o.copy());
        }
        this.movingObstacles = Collections.unmodifiableList(copies);
        this.startTime = startTime;
        this.sdf = sdf;
    }

    /** @return short name, e.g. "barn_007". */
    public String name() {
        return name;
    }

    /** @return the static grid (shared; do not modify). */
    public OccupancyGrid grid() {
        return grid;
    }

    /** @return start pose. */
    public Pose2 start() {
        return start;
    }

    /** @return goal x [m]. */
    public double goalX() {
        return goalX;
    }

    /** @return goal y [m]. */
    public double goalY() {
        return goalY;
    }

    /** @return success radius around the goal [m] (1.0 m for BARN). */
    public double goalTolerance() {
        return goalTolerance;
    }

    /** @return the reference path, interleaved x0, y0, x1, y1, … [m], start → … → goal (a copy). */
    public double[] referencePath() {
        return referencePath.clone();
    }

    /** @return polyline length of the reference path [m]. */
    public double referencePathLength() {
        return referencePathLength;
    }

    /** @return the BARN optimal time OT = referencePathLength / 2 m/s [s]. */
    public double optimalTime() {
        return referencePathLength / OPTIMAL_SPEED;
    }

    /** @return the area moving obstacles live in (BARN: the 30×30 field, x ∈ [−4.5, 0], y ∈ [5.1, 9.6] m). */
    public FieldBounds fieldBounds() {
        return fieldBounds;
    }

    /** @return fresh copies of the moving obstacles' initial states; empty for a static world. */
    public List<MovingDisc> movingObstacles() {
        List<MovingDisc> out = new ArrayList<>(movingObstacles.size());
        for (MovingDisc o : movingObstacles) {
            out.add(o.copy());
        }
        return out;
    }

    /**
     * @return the world's clock when the robot starts [s] (the offset t0 between world start and robot start;
     *         0 unless {@link #advancedBy} moved it): world time = this + simulated time.
     */
    public double startTime() {
        return startTime;
    }

    /**
     * The same world with its clock started {@code seconds} earlier: every moving obstacle has moved for that long
     * before the robot starts (a {@link KeyframedObstacle} exactly, a bouncing one in steps of
     * {@value #ADVANCE_STEP} s), and {@link #startTime()} is that much later.
     *
     * @param seconds offset t0 [s], finite and ≥ 0.
     * @return the advanced world (sharing grid and cached SDF).
     * @throws IllegalArgumentException if the offset is negative or not finite.
     */
    public World advancedBy(double seconds) {
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("time offset t0 must be finite and ≥ 0 s, got " + seconds);
        }
        List<MovingDisc> moved = movingObstacles();
        for (MovingDisc o : moved) {
            if (o instanceof KeyframedObstacle k) {
                k.moveTo(k.time() + seconds);
            } else {
                long steps = (long) Math.floor(seconds / ADVANCE_STEP);
                for (long i = 0; i < steps; i++) {
                    o.step(ADVANCE_STEP, grid);
                }
                o.step(seconds - steps * ADVANCE_STEP, grid);
            }
        }
        return new World(name, grid, start, goalX, goalY, goalTolerance, referencePath, fieldBounds, moved,
                startTime + seconds, sdf);
    }

    /**
     * @param tolerance radius around the goal that counts as arrived [m], &gt; 0.
     * @return the same world (sharing grid and cached SDF) with this goal tolerance.
     * @throws IllegalArgumentException if the tolerance is not a finite distance &gt; 0.
     */
    public World withGoalTolerance(double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("goal tolerance must be a finite distance > 0 m, got " + tolerance);
        }
        return new World(name, grid, start, goalX, goalY, tolerance, referencePath, fieldBounds, movingObstacles(),
                startTime, sdf);
    }

    /**
     * @param obstacles initial moving obstacles (copied).
     * @return the same world (sharing grid and cached SDF) with these moving obstacles.
     */
    public World withMovingObstacles(List<? extends MovingDisc> obstacles) {
        return new World(name, grid, start, goalX, goalY, goalTolerance, referencePath, fieldBounds, obstacles,
                startTime, sdf);
    }

    /**
     * The signed distance field of the static grid, computed on first use and cached; thread-safe.
     *
     * @return the field (shared, immutable).
     */
    public SignedDistanceField sdf() {
        return sdf.get(grid);
    }

    /** Lazily computed SDF shared by a world and its {@link #withMovingObstacles} variants. */
    private static final class SdfHolder {
        private volatile SignedDistanceField value;

        SignedDistanceField get(OccupancyGrid grid) {
            SignedDistanceField v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = new SignedDistanceField(grid);
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
