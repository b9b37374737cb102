package org.foresight.dynamics.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A moving disc obstacle with constant speed that bounces: each step moves along x then along y, and an axis
 * move that would make the disc overlap an occupied square or leave its {@link FieldBounds} is cancelled and
 * that velocity component reversed (specular reflection off axis-aligned walls).
 *
 * <p>Mutable (its state advances with {@link #step}); {@link World#movingObstacles()} hands out copies.
 */
public final class MovingObstacle implements MovingDisc {
    /** Radius of obstacles made by {@link #random} [m]. */
    public static final double RANDOM_RADIUS = 0.2;
    /** Lowest speed of obstacles made by {@link #random} [m/s]. */
    public static final double RANDOM_MIN_SPEED = 0.3;
    /** Highest speed of obstacles made by {@link #random} [m/s]. */
    public static final double RANDOM_MAX_SPEED = 0.8;
    /** Least distance from the start pose and the goal to a random obstacle's edge [m]. */
    public static final double RANDOM_CLEARANCE = 1.5;

    private double x;
    private double y;
    private double vx;
    private double vy;
    private final double radius;
    private final FieldBounds bounds;

    /**
     * @param x      centre x [m].
     * @param y      centre y [m].
     * @param vx     velocity x [m/s].
     * @param vy     velocity y [m/s].
     * @param radius disc radius [m], &gt; 0.
     * @param bounds area the disc stays in, or null for none (grid obstacles only).
     */
    public MovingObstacle(double x, double y, double vx, double vy, double radius, FieldBounds bounds) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("obstacle position [m] must be finite: " + x + ", " + y);
        }
        if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
            throw new IllegalArgumentException("obstacle velocity [m/s] must be finite: " + vx + ", " + vy);
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("obstacle radius [m] must be finite and > 0: " + radius);
        }
        this.x = x;
        this.y = y;
        this.vx = vx;
        this.vy = vy;
        this.radius = radius;
        this.bounds = bounds;
    }

    /** @return centre x [m]. */
    @Override
    public double x() {
        return x;
    }

    /** @return centre y [m]. */
    @Override
    public double y() {
        return y;
    }

    /** @return velocity x [m/s]. */
    @Override
    public double vx() {
        return vx;
    }

    /** @return velocity y [m/s]. */
    @Override
    public double vy() {
        return vy;
    }

    /** @return radius [m]. */
    @Override
    public double radius() {
        return radius;
    }

    /** @return the area the disc bounces inside, or null. */
    public FieldBounds bounds() {
        return bounds;
    }

    /**
     * Advances by dt with bouncing. Allocation-free.
     *
     * <pre>
     * x' = x + vₓ·dt unless blocked, then vₓ ← −vₓ;  then  y' = y + v_y·dt unless blocked, then v_y ← −v_y
     * </pre>
     *
     * @param dt   time step [s], ≥ 0.
     * @param grid static obstacles. Not modified.
     */
    @Override
    public void step(double dt, OccupancyGrid grid) {
        if (!(dt >= 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step dt [s] must be finite and ≥ 0: " + dt);
        }
        double nx = x + vx * dt;
        if (blocked(grid, nx, y)) {
            vx = -vx;
        } else {
            x = nx;
        }
        double ny = y + vy * dt;
        if (blocked(grid, x, ny)) {
            vy = -vy;
        } else {
            y = ny;
        }
    }

    /** @return an independent copy with the same state. */
    @Override
    public MovingObstacle copy() {
        return new MovingObstacle(x, y, vx, vy, radius, bounds);
    }

    private boolean blocked(OccupancyGrid grid, double px, double py) {
        if (bounds != null && (px - radius < bounds.minX() || px + radius > bounds.maxX()
                || py - radius < bounds.minY() || py + radius > bounds.maxY())) {
            return true;
        }
        return discHitsGrid(grid, px, py, radius);
    }

    /** Whether a disc overlaps any occupied square: nearest point of each nearby square closer than r. */
    static boolean discHitsGrid(OccupancyGrid grid, double px, double py, double r) {
        double h = 0.5 * grid.resolution();
        int ix0 = Math.max(grid.cellX(px - r), 0);
        int ix1 = Math.min(grid.cellX(px + r), grid.sizeX() - 1);
        int iy0 = Math.max(grid.cellY(py - r), 0);
        int iy1 = Math.min(grid.cellY(py + r), grid.sizeY() - 1);
        for (int ix = ix0; ix <= ix1; ix++) {
            double cx = grid.centerX(ix);
            double ex = px - Math.max(cx - h, Math.min(cx + h, px));
            for (int iy = iy0; iy <= iy1; iy++) {
                if (!grid.isOccupied(ix, iy)) {
                    continue;
                }
                double cy = grid.centerY(iy);
                double ey = py - Math.max(cy - h, Math.min(cy + h, py));
                if (ex * ex + ey * ey < r * r) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Places {@code count} discs of radius {@link #RANDOM_RADIUS} uniformly at random in the free space of the
     * world's field ({@link World#fieldBounds()}): not overlapping obstacle squares or each other, at least
     * {@link #RANDOM_CLEARANCE} from the start position and the goal, each with a speed uniform in
     * [{@link #RANDOM_MIN_SPEED}, {@link #RANDOM_MAX_SPEED}] and a uniform direction. Same seed ⇒ same obstacles.
     *
     * @param world the world. Not modified.
     * @param count number of discs, ≥ 0.
     * @param seed  random seed.
     * @return new discs bounded by the field.
     * @throws IllegalArgumentException when count is negative or the discs cannot be placed.
     */
    public static List<MovingObstacle> random(World world, int count, long seed) {
        return random(world, count, RANDOM_RADIUS, RANDOM_MIN_SPEED, RANDOM_MAX_SPEED, seed);
    }

    /**
     * As {@link #random(World, int, long)} with a chosen radius and speed range.
     *
     * @param world    the world. Not modified.
     * @param count    number of discs, ≥ 0.
     * @param radius   disc radius [m], &gt; 0.
     * @param minSpeed lowest speed [m/s], ≥ 0.
     * @param maxSpeed highest speed [m/s], ≥ minSpeed.
     * @param seed     random seed.
     * @return new discs bounded by the field.
     * @throws IllegalArgumentException naming the quantity when an argument is out of range or the discs cannot
     *                                  be placed.
     */
    public static List<MovingObstacle> random(World world, int count, double radius, double minSpeed,
                                              double maxSpeed, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("moving obstacle count must be ≥ 0: " + count);
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("moving obstacle radius must be a finite distance > 0 m: " + radius);
        }
        if (!(minSpeed >= 0) || !(maxSpeed >= minSpeed) || !Double.isFinite(maxSpeed)) {
            throw new IllegalArgumentException("moving obstacle speeds must satisfy 0 ≤ min ≤ max < ∞ m/s: min "
                    + minSpeed + ", max " + maxSpeed);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        FieldBounds f = world.fieldBounds();
        double r = radius;
        if (f.maxX() - f.minX() <= 2 * r || f.maxY() - f.minY() <= 2 * r) {
            throw new IllegalArgumentException("field of world " + world.name() + " is smaller than an obstacle of radius "
                    + r + " m");
        }
        List<MovingObstacle> out = new ArrayList<>(count);
        long attempts = 0;
        long maxAttempts = 20_000L * Math.max(count, 1);
        double minToPoint = RANDOM_CLEARANCE + r;
        while (out.size() < count) {
            if (++attempts > maxAttempts) {
                throw new IllegalArgumentException("could not place " + count + " moving obstacles of radius " + r
                        + " m in the free field of world " + world.name() + " (placed " + out.size() + ")");
            }
            double px = f.minX() + r + rnd.nextDouble() * (f.maxX() - f.minX() - 2 * r);
            double py = f.minY() + r + rnd.nextDouble() * (f.maxY() - f.minY() - 2 * r);
            if (Math.hypot(px - world.start().x(), py - world.start().y()) < minToPoint
                    || Math.hypot(px - world.goalX(), py - world.goalY()) < minToPoint
                    || discHitsGrid(world.grid(), px, py, r)) {
                continue;
            }
            boolean clash = false;
            for (MovingObstacle o : out) {
                if (Math.hypot(px - o.x, py - o.y) < r + o.radius) {
                    clash = true;
                    break;
                }
            }
            if (clash) {
                continue;
            }
            double speed = minSpeed + rnd.nextDouble() * (maxSpeed - minSpeed);
            double dir = rnd.nextDouble() * 2 * Math.PI;
            out.add(new MovingObstacle(px, py, speed * Math.cos(dir), speed * Math.sin(dir), r, f));
        }
        return out;
    }
}
