package org.foresight.dynamics.world;

/**
 * A disc that follows a {@link KeyframeSpline} with the world's clock (a DynaBARN obstacle): its position at
 * world time t is the spline's, whatever the step sizes that got there; it passes through walls and other discs
 * as Gazebo's animated models do. Its velocity is the spline's derivative (infinite at a loop-end jump, which is
 * a jump of position, not a velocity: the derivative on either side is reported).
 *
 * <p>Mutable (its clock advances with {@link #step}); the spline is shared between copies.
 */
public final class KeyframedObstacle implements MovingDisc {
    /** Ticks per second of the obstacle's clock lattice (1 ns). */
    private static final double CLOCK_LATTICE = 1e9;

    private final KeyframeSpline spline;
    private final double radius;
    private final double[] state = new double[4];
    private double time;

    /**
     * @param spline the path. Shared, immutable.
     * @param radius disc radius [m], &gt; 0.
     * @param time   world time the disc starts at [s], ≥ 0 (the offset t0 between world start and robot start).
     */
    public KeyframedObstacle(KeyframeSpline spline, double radius, double time) {
        if (spline == null) {
            throw new IllegalArgumentException("keyframed obstacle needs a spline");
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("obstacle radius [m] must be finite and > 0: " + radius);
        }
        this.spline = spline;
        this.radius = radius;
        moveTo(time);
    }

    /**
     * Puts the disc where the spline has it at a world time. Allocation-free.
     *
     * @param worldTime world time [s], finite and ≥ 0.
     */
    public void moveTo(double worldTime) {
        spline.evaluate(worldTime, state);
        this.time = worldTime;
    }

    /** @return the disc's world time [s]. */
    public double time() {
        return time;
    }

    /** @return the path it follows. */
    public KeyframeSpline spline() {
        return spline;
    }

    @Override
    public double x() {
        return state[KeyframeSpline.X];
    }

    @Override
    public double y() {
        return state[KeyframeSpline.Y];
    }

    @Override
    public double vx() {
        return state[KeyframeSpline.VX];
    }

    @Override
    public double vy() {
        return state[KeyframeSpline.VY];
    }

    @Override
    public double radius() {
        return radius;
    }

    /**
     * Advances the clock by dt and evaluates the spline there (the grid is ignored). The clock is kept on a 1 ns
     * lattice, so that a clock advanced in physics steps lands exactly on the keyframe times and loop ends read
     * from the data (accumulated rounding would otherwise delay a loop-end jump of ~20 m by a whole step).
     */
    @Override
    public void step(double dt, OccupancyGrid grid) {
        if (!(dt >= 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step dt [s] must be finite and ≥ 0: " + dt);
        }
        moveTo(Math.rint((time + dt) * CLOCK_LATTICE) / CLOCK_LATTICE);
    }

    @Override
    public KeyframedObstacle copy() {
        return new KeyframedObstacle(spline, radius, time);
    }
}
