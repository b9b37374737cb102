package org.foresight.mpc.path;

import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.GridAStar;
import org.foresight.dynamics.world.OccupancyGrid;

/**
 * The global guide: A* ({@link GridAStar}) on the world grid inflated for the footprint. The grid is
 * inflated once per radius, when first needed, and cached (the grid must not change while this planner is used).
 * The path at the footprint's inradius sets the reference length; the preferred inflation (inradius + margin)
 * wins when its path is at most {@value #DETOUR_LIMIT} × as long. If no path exists at the inradius (a gap the
 * robot only fits through aligned), it falls back to smaller inflations, ending with the bare grid. A "wide"
 * request first tries {@value #WIDE_EXTRA} m more, to lead a robot that is stuck at a gap it cannot pass
 * around it.
 * Not thread-safe (one per episode).
 */
public final class GuidePlanner {
    /** Extra inflation of a wide request [m]. */
    public static final double WIDE_EXTRA = 0.1;
    /** Longest detour accepted for more clearance, as a multiple of the path at the footprint's inradius. */
    public static final double DETOUR_LIMIT = 1.3;

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
        return plan(sx, sy, gx, gy, wide, DETOUR_LIMIT);
    }

    /**
     * Plans a guide with a chosen detour limit.
     *
     * @param sx          start x [m].
     * @param sy          start y [m].
     * @param gx          goal x [m].
     * @param gy          goal y [m].
     * @param wide        whether to try footprint + margin + {@value #WIDE_EXTRA} m first.
     * @param detourLimit how much longer than the path at the inradius a more inflated path may be, ≥ 1
     *                    ({@link Double#POSITIVE_INFINITY}: clearance first, whatever the length).
     * @return the guide, or null when no inflation admits a path.
     */
    public GuidePath plan(double sx, double sy, double gx, double gy, boolean wide, double detourLimit) {
        if (!(detourLimit >= 1)) {
            throw new IllegalArgumentException("guide detour limit must be >= 1, got " + detourLimit);
        }
        double[] xy = choose(sx, sy, gx, gy, wide, detourLimit);
        return xy == null ? null : new GuidePath(xy);
    }

    /**
     * The path to follow, as interleaved x, y [m], or null. The reference is the shortest path at the footprint's
     * inradius (the least inflation the robot passes in any heading). A more inflated path is preferred, the most
     * inflated first, only while it is at most detourLimit × as long: on a map that is still mostly
     * unknown, the extra clearance can close every gap in front of the robot and leave only a route round the
     * outside of the world, behind the robot, through cells it has never seen. A wide request takes the widest
     * path whatever its length. Without a path at the inradius the smaller inflations are tried in turn (a gap
     * the robot only fits through aligned).
     */
    private double[] choose(double sx, double sy, double gx, double gy, boolean wide, double detourLimit) {
        if (wide) { // a robot stuck at a gap it cannot pass: lead it round, however long the way
            double[] xy = GridAStar.plan(inflated(0), sx, sy, gx, gy);
            if (xy != null && xy.length >= 2) {
                return xy;
            }
        }
        int reference = radii.length - 3; // the inradius
        double[] ref = GridAStar.plan(inflated(reference), sx, sy, gx, gy);
        if (ref == null || ref.length < 2) {
            for (int i = reference + 1; i < radii.length; i++) {
                double[] xy = GridAStar.plan(inflated(i), sx, sy, gx, gy);
                if (xy != null && xy.length >= 2) {
                    return xy;
                }
            }
            return null;
        }
        double limit = detourLimit * length(ref);
        for (int i = 1; i < reference; i++) {
            double[] xy = GridAStar.plan(inflated(i), sx, sy, gx, gy);
            if (xy != null && xy.length >= 2 && length(xy) <= limit) {
                return xy;
            }
        }
        return ref;
    }

    private static double length(double[] xy) {
        double s = 0;
        for (int i = 2; i + 1 < xy.length; i += 2) {
            s += Math.hypot(xy[i] - xy[i - 2], xy[i + 1] - xy[i - 1]);
        }
        return s;
    }

    /** @return the inflation radii, wide first [m]. */
    public double[] radii() {
        return radii.clone();
    }
}
