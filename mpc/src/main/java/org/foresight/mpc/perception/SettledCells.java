package org.foresight.mpc.perception;

/**
 * The part of the robot's own {@link LidarMap} that may explain returns to the {@link DiscTracker}: cells occupied
 * for at least {@code settleAge}. Why: a moving disc whose returns once entered the map (its track lost for a
 * moment, or judged static while it started slowly) is otherwise explained by its own cells from then on. Each
 * scan it moves less than the tolerance, its returns land near the cells of the last one, are integrated as hits
 * and occupy the cells a little further on; the disc drags its cells along, never forms a cluster again and the
 * planner sees it as a static wall without a velocity. Cells a moving disc leaves behind are freed by the beams
 * that pass through them, so its cells stay young; a wall's cells settle and explain its returns as before.
 * <pre>
 *   explains(q)  ⇔  d_map(q) ≤ tol  and  ∃ cell c occupied since a version published at least settleAge ago:
 *                   ‖q − centre(c)‖ ≤ tol + res/2
 * </pre>
 * (with settleAge = 0: {@code d_map(q) ≤ tol} alone, the rule for a known map). The versions are matched to scan
 * times by a ring of (time, version) pairs recorded after each integrate. No allocation after construction. Not
 * thread-safe; one per episode, beside its map.
 */
public final class SettledCells implements ReturnExplainer {
    /** Integrates remembered: more than settleAge covers at any scan rate up to this many per settleAge. */
    private static final int RING = 1024;

    private final LidarMap map;
    private final double settleAge;
    private final double tolerance;
    private final double[] times = new double[RING];
    private final long[] versions = new long[RING];
    private int count;
    private int head;
    private long settled = -1;
    private DistanceGrid grid;

    /**
     * @param map       the map whose cells explain returns. Not modified here.
     * @param settleAge how long a cell must have been occupied to explain a return [s], ≥ 0 (0: every occupied
     *                  cell, as for a known map).
     * @param tolerance a return this close to such a cell is explained [m], &gt; 0.
     */
    public SettledCells(LidarMap map, double settleAge, double tolerance) {
        if (map == null) {
            throw new IllegalArgumentException("settled cells need their lidar map");
        }
        if (!(settleAge >= 0) || !Double.isFinite(settleAge)) {
            throw new IllegalArgumentException("settleAge must be finite and >= 0 s, got " + settleAge);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("explaining tolerance must be finite and > 0 m, got " + tolerance);
        }
        this.map = map;
        this.settleAge = settleAge;
        this.tolerance = tolerance;
    }

    /** Forgets the recorded versions (after the map's reset). */
    public void reset() {
        count = 0;
        head = 0;
        settled = -1;
    }

    /**
     * Notes the map's version after an integrate at a scan time.
     *
     * @param time the scan's time [s], not before the previous one's.
     */
    public void recorded(double time) {
        times[head] = time;
        versions[head] = map.version();
        head = (head + 1) % RING;
        count = Math.min(count + 1, RING);
    }

    /**
     * Prepares the queries of one scan: the cells that explain are those occupied in a version published at or
     * before now − settleAge.
     *
     * @param now the scan's time [s].
     * @return this.
     */
    public SettledCells at(double now) {
        grid = map.grid();
        settled = -1;
        double limit = now - settleAge;
        for (int i = 1; i <= count; i++) {
            int j = Math.floorMod(head - i, RING);
            if (times[j] <= limit) {
                settled = versions[j];
                break;
            }
        }
        return this;
    }

    @Override
    public boolean explains(double x, double y) {
        if (grid.distance(x, y) > tolerance) {
            return false;
        }
        if (settleAge == 0) {
            return true;
        }
        if (settled < 0) {
            return false;
        }
        double res = map.resolution();
        double reach = tolerance + 0.5 * res;
        int x0 = map.cellX(x - reach);
        int x1 = map.cellX(x + reach);
        int y0 = map.cellY(y - reach);
        int y1 = map.cellY(y + reach);
        double r2 = reach * reach;
        for (int ix = x0; ix <= x1; ix++) {
            double cx = map.originX() + (ix + 0.5) * res - x;
            for (int iy = y0; iy <= y1; iy++) {
                double cy = map.originY() + (iy + 0.5) * res - y;
                if (cx * cx + cy * cy <= r2 && map.isOccupied(ix, iy) && !map.becameOccupiedAfter(ix, iy, settled)) {
                    return true;
                }
            }
        }
        return false;
    }
}
