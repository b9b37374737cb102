package org.foresight.mpc.perception;

import java.util.Arrays;
import org.foresight.dynamics.world.OccupancyGrid;

/**
 * The occupancy half of {@link LidarMap}: a log-odds grid, the per-cell update the beams of a scan apply to it
 * ({@link BeamCaster} decides which cells get a hit or a miss), and the bookkeeping of what each scan changed.
 *
 * <h2>Cells</h2>
 * L = ln(p/(1 − p)) per cell, prior L = 0, over the configured rectangle; cell (ix, iy) covers
 * [originX + ix·res, originX + (ix+1)·res) × [originY + iy·res, …) [m], flat index {@code ix·sizeY + iy} (the
 * layout of {@link OccupancyGrid} and {@link DistanceGrid}). One update with a log-odds increment δ (logOddsHit or
 * logOddsMiss):
 * <pre>
 *   L ← min(logOddsMax, max(logOddsMin, L + δ))
 *   class ← OCCUPIED if L &gt; occupiedThreshold, else FREE        (UNKNOWN until the first update)
 * </pre>
 * Reference: H. Moravec, A. Elfes, "High resolution maps from wide angle sonar", ICRA 1985; the default sensor
 * model is OctoMap's (Hornung et al., Autonomous Robots 2013).
 *
 * <h2>Change bookkeeping</h2>
 * {@link #version()} grows with every scan that changed some cell's class and with every {@link #reset}; each cell
 * remembers the version in which it last became occupied ({@link #becameOccupiedAfter}); the cells whose
 * occupied/not-occupied state flipped in the last scan lie in the box [{@link #changedMinIx()},
 * {@link #changedMaxIx()}] × [{@link #changedMinIy()}, {@link #changedMaxIy()}] (empty: min &gt; max). For the
 * distance field, the same flips are also kept per column ({@link #flippedColumnCount()}, {@link #flippedRowLo},
 * {@link #flippedRowHi}) until {@link #clearFlips()}.
 *
 * <p>A scan is {@link #beginScan()}, the updates ({@link #apply}), {@link #endScan()}. No allocation after
 * construction. Not thread-safe.
 */
final class LogOddsGrid {
    /** Cell state: never observed. */
    static final byte UNKNOWN = 0;
    /** Cell state: observed, L ≤ occupiedThreshold. */
    static final byte FREE = 1;
    /** Cell state: observed, L &gt; occupiedThreshold. */
    static final byte OCCUPIED = 2;

    private final int sx;
    private final int sy;
    private final double res;
    private final double ox;
    private final double oy;
    private final float lmin;
    private final float lmax;
    private final float threshold;

    private final float[] logOdds;
    private final byte[] state;
    private final long[] occupiedSince;

    // Occupied flips of the current scan, per column: the flipped rows [colLo, colHi] of each listed column.
    private final int[] colLo;
    private final int[] colHi;
    private final int[] dirtyCols;
    private int dirtyColCount;

    private long version;
    private boolean classChanged;
    private int chMinIx;
    private int chMaxIx;
    private int chMinIy;
    private int chMaxIy;
    private int occupiedCount;
    private int knownCount;

    /**
     * Builds an all-unknown grid. Allocates every per-cell buffer here.
     *
     * @param config geometry and log-odds limits. Not modified.
     */
    LogOddsGrid(LidarMapConfig config) {
        this.sx = config.sizeX();
        this.sy = config.sizeY();
        this.res = config.resolution();
        this.ox = config.originX();
        this.oy = config.originY();
        this.lmin = (float) config.logOddsMin();
        this.lmax = (float) config.logOddsMax();
        this.threshold = (float) config.occupiedThreshold();
        int n = sx * sy;
        logOdds = new float[n];
        state = new byte[n];
        occupiedSince = new long[n];
        colLo = new int[sx];
        colHi = new int[sx];
        dirtyCols = new int[sx];
        Arrays.fill(colLo, Integer.MAX_VALUE);
        Arrays.fill(colHi, Integer.MIN_VALUE);
        clearChangedBox();
    }

    /** Starts a scan: empties the changed box and the per-column flip lists. */
    void beginScan() {
        clearChangedBox();
        classChanged = false;
        dirtyColCount = 0;
    }

    /** Ends a scan: increments the version when some cell changed class. */
    void endScan() {
        if (classChanged) {
            version++;
        }
    }

    /**
     * One update of a cell: L ← clamp(L + delta, logOddsMin, logOddsMax), class ← OCCUPIED if
     * L &gt; occupiedThreshold else FREE; records a class change, and a flip of the occupied state in the changed box
     * and the per-column flip lists. The caller updates each cell at most once per scan. No allocation.
     *
     * @param cell  flat index ix·sizeY + iy.
     * @param delta log-odds increment (logOddsHit or logOddsMiss).
     */
    void apply(int cell, float delta) {
        float l = logOdds[cell] + delta;
        l = l < lmin ? lmin : (l > lmax ? lmax : l);
        logOdds[cell] = l;
        byte now = l > threshold ? OCCUPIED : FREE;
        byte was = state[cell];
        if (now == was) {
            return;
        }
        state[cell] = now;
        classChanged = true;
        if (was == UNKNOWN) {
            knownCount++;
        }
        if ((now == OCCUPIED) == (was == OCCUPIED)) {
            return; // unknown → free: the field does not change
        }
        if (now == OCCUPIED) {
            occupiedCount++;
            occupiedSince[cell] = version + 1; // the version this integrate publishes
        } else {
            occupiedCount--;
        }
        int ix = cell / sy;
        int iy = cell - ix * sy;
        if (ix < chMinIx) {
            chMinIx = ix;
        }
        if (ix > chMaxIx) {
            chMaxIx = ix;
        }
        if (iy < chMinIy) {
            chMinIy = iy;
        }
        if (iy > chMaxIy) {
            chMaxIy = iy;
        }
        if (colLo[ix] > colHi[ix]) {
            dirtyCols[dirtyColCount++] = ix;
            colLo[ix] = iy;
            colHi[ix] = iy;
        } else if (iy < colLo[ix]) {
            colLo[ix] = iy;
        } else if (iy > colHi[ix]) {
            colHi[ix] = iy;
        }
    }

    /** Forgets every observation (all cells unknown, L = 0), empties the changed box, increments the version. */
    void reset() {
        Arrays.fill(logOdds, 0f);
        Arrays.fill(state, UNKNOWN);
        Arrays.fill(occupiedSince, 0L);
        occupiedCount = 0;
        knownCount = 0;
        version++;
        clearChangedBox();
    }

    private void clearChangedBox() {
        chMinIx = Integer.MAX_VALUE;
        chMaxIx = Integer.MIN_VALUE;
        chMinIy = Integer.MAX_VALUE;
        chMaxIy = Integer.MIN_VALUE;
    }

    // ------------------------------------------------------------------------------------- flips, for the field

    /**
     * The cell classes, index ix·sizeY + iy ({@link #UNKNOWN}, {@link #FREE}, {@link #OCCUPIED}); shared, not
     * copied, for the distance field's kernels. Read only.
     */
    byte[] cellStates() {
        return state;
    }

    /** @return the number of columns with an occupied flip since the last {@link #clearFlips()}. */
    int flippedColumnCount() {
        return dirtyColCount;
    }

    /** @param d in [0, flippedColumnCount()). @return the ix of the d-th column with a flip. */
    int flippedColumn(int d) {
        return dirtyCols[d];
    }

    /** @param ix a flipped column. @return the lowest flipped iy of the column. */
    int flippedRowLo(int ix) {
        return colLo[ix];
    }

    /** @param ix a flipped column. @return the highest flipped iy of the column. */
    int flippedRowHi(int ix) {
        return colHi[ix];
    }

    /** Empties the per-column flip lists (once the field has consumed them). */
    void clearFlips() {
        for (int d = 0; d < dirtyColCount; d++) {
            int ix = dirtyCols[d];
            colLo[ix] = Integer.MAX_VALUE;
            colHi[ix] = Integer.MIN_VALUE;
        }
        dirtyColCount = 0;
    }

    // ------------------------------------------------------------------------------------------------ queries

    long version() {
        return version;
    }

    int changedMinIx() {
        return chMinIx;
    }

    int changedMaxIx() {
        return chMaxIx;
    }

    int changedMinIy() {
        return chMinIy;
    }

    int changedMaxIy() {
        return chMaxIy;
    }

    int occupiedCount() {
        return occupiedCount;
    }

    int knownCount() {
        return knownCount;
    }

    /** @return whether (ix, iy), possibly out of range, is inside and seen occupied. */
    boolean isOccupied(int ix, int iy) {
        return inside(ix, iy) && state[ix * sy + iy] == OCCUPIED;
    }

    /** @return whether (ix, iy), possibly out of range, is inside and observed. */
    boolean isKnown(int ix, int iy) {
        return inside(ix, iy) && state[ix * sy + iy] != UNKNOWN;
    }

    /** @return whether (ix, iy) is occupied now and became occupied in a scan after {@code version}. */
    boolean becameOccupiedAfter(int ix, int iy, long version) {
        if (!inside(ix, iy)) {
            return false;
        }
        int c = ix * sy + iy;
        return state[c] == OCCUPIED && occupiedSince[c] > version;
    }

    /** @return the log-odds of (ix, iy), 0 when unknown; throws {@link IndexOutOfBoundsException} outside. */
    float logOdds(int ix, int iy) {
        if (!inside(ix, iy)) {
            throw new IndexOutOfBoundsException("cell (" + ix + ", " + iy + ") outside lidar map " + sx + " × " + sy);
        }
        return logOdds[ix * sy + iy];
    }

    /**
     * Writes the occupancy into a grid of the same geometry, without allocating.
     *
     * @param out               (Output) grid with this grid's size, resolution [m] and origin [m]. Modified.
     * @param unknownAsOccupied whether unknown cells are written occupied or free.
     */
    void copyOccupancy(OccupancyGrid out, boolean unknownAsOccupied) {
        if (out.sizeX() != sx || out.sizeY() != sy || Math.abs(out.resolution() - res) > 1e-12
                || Math.abs(out.originX() - ox) > 1e-9 || Math.abs(out.originY() - oy) > 1e-9) {
            throw new IllegalArgumentException("copyOccupancy: grid " + out.sizeX() + " × " + out.sizeY() + " at "
                    + out.resolution() + " m does not match the lidar map " + sx + " × " + sy + " at " + res + " m");
        }
        for (int ix = 0; ix < sx; ix++) {
            for (int iy = 0; iy < sy; iy++) {
                byte s = state[ix * sy + iy];
                out.setOccupied(ix, iy, s == OCCUPIED || (unknownAsOccupied && s == UNKNOWN));
            }
        }
    }

    private boolean inside(int ix, int iy) {
        return ix >= 0 && iy >= 0 && ix < sx && iy < sy;
    }
}
