package org.foresight.dynamics.world;

/**
 * A disc obstacle that moves with the world's clock: what the simulator steps, the lidar sees and the footprint
 * collides with. Two kinds exist: {@link MovingObstacle} (constant speed, bouncing off walls) and
 * {@link KeyframedObstacle} (the DynaBARN keyframe splines).
 *
 * <p>Implementations are mutable (their state advances with {@link #step}); {@link World#movingObstacles()} hands
 * out copies, so that every episode starts from the world's initial state.
 */
public interface MovingDisc {
    /** @return centre x now [m]. */
    double x();

    /** @return centre y now [m]. */
    double y();

    /** @return velocity x now [m/s]. */
    double vx();

    /** @return velocity y now [m/s]. */
    double vy();

    /** @return radius [m], &gt; 0. */
    double radius();

    /**
     * Advances the disc's clock by dt. Allocation-free.
     *
     * @param dt   time step [s], ≥ 0.
     * @param grid the world's static obstacles (a bouncing disc reflects off them). Not modified.
     */
    void step(double dt, OccupancyGrid grid);

    /** @return an independent copy in the same state. */
    MovingDisc copy();
}
