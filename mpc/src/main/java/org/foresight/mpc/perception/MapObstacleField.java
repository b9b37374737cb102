package org.foresight.mpc.perception;

import org.foresight.dynamics.world.SignedDistanceField;
import org.foresight.dynamics.world.World;

/**
 * {@code --perception map}: the planner knows the world's static map exactly. Wraps the world's
 * {@link SignedDistanceField} raw samples (shared, not copied) as a {@link DistanceGrid}.
 */
public final class MapObstacleField implements ObstacleField {
    private final DistanceGrid grid;

    /**
     * @param sdf the world's signed distance field. Its samples are shared, not copied.
     */
    public MapObstacleField(SignedDistanceField sdf) {
        this.grid = new DistanceGrid(sdf.values(), sdf.sizeX(), sdf.sizeY(), sdf.resolution(), sdf.originX(), sdf.originY());
    }

    /**
     * @param world the world whose cached static field to wrap.
     * @return the map perception of that world.
     */
    public static MapObstacleField of(World world) {
        return new MapObstacleField(world.sdf());
    }

    /** @return the wrapped field. */
    @Override
    public DistanceGrid grid() {
        return grid;
    }
}
