package org.foresight.mpc.path;

import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.GridAStar;
import org.foresight.dynamics.world.OccupancyGrid;

/**
 * The global guide: A* ({@link GridAStar}) on the world grid inflated for the footprint. The grid is
 * inflated once per radius, when first needed, and cached (the grid must not change while this planner is used). If no path exists at the preferred inflation (a gap the robot
 * only fits through aligned), it falls back to smaller inflations, ending with the bare grid. A "wide"
 * request first tries {@value #WIDE_EXTRA} m more, to lead a robot that is stuck at a gap it cannot pass
 * around it.
 * Not thread-safe (one per episode).
 */
public final class GuidePlanner {
    /** Extra inflation of a wide request [m]. */
    public static final double WIDE_EXTRA = 0.1;

    private final OccupancyGrid grid;
    private final OccupancyGrid[] inflated;
    private final double[] radii;

    /**
     * @param grid      the world's static grid. Not modified.
     * @param footprint the robot's footprint.
     * @param margin    extra clearance on top of the footprint's inradius for the preferred inflation [m], ≥ 0.
     */
    public GuidePlanner(OccupancyGrid grid, Footprint footprint, double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("guide inflation margin must be >= 0 m, got " + margin);
        }
        double r = footprint.inradius();
        radii = new double[] {r + margin + WIDE_EXTRA, r + margin, r, 0.5 * r, 0.0};
        this.grid = grid;
        inflated = new OccupancyGrid[radii.length]; // inflated on first use: most plans need only one
    }

    private OccupancyGrid inflated(int i) {
        if (inflated[i] == null) {
            inflated[i] = radii[i] > 0 ? grid.inflate(radii[i]) : grid;
        }
        return inflated[i];
    }

    /**
     * Plans a guide from (sx, sy) to (gx, gy).
     *
     * @param sx start x [m].
     * @param sy start y [m].
     * @param gx goal x [m].
     * @param gy goal y [m].
     * @return the guide, or null when no inflation admits a path.
     */
    public GuidePath plan(double sx, double sy, double gx, double gy) {
        return plan(sx, sy, gx, gy, false);
    }

    /**
     * Plans a guide, optionally trying the wide inflation first.
     *
     * @param sx   start x [m].
     * @param sy   start y [m].
     * @param gx   goal x [m].
     * @param gy   goal y [m].
     * @param wide whether to try footprint + margin + {@value #WIDE_EXTRA} m first.
     * @return the guide, or null when no inflation admits a path.
     */
    public GuidePath plan(double sx, double sy, double gx, double gy, boolean wide) {
        for (int i = wide ? 0 : 1; i < inflated.length; i++) {
            double[] xy = GridAStar.plan(inflated(i), sx, sy, gx, gy);
            if (xy != null && xy.length >= 2) {
                return new GuidePath(xy);
            }
        }
        return null;
    }

    /** @return the inflation radii, wide first [m]. */
    public double[] radii() {
        return radii.clone();
    }
}
