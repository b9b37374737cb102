package org.foresight.mpc.perception;

import java.util.Arrays;
import org.foresight.dynamics.world.SignedDistanceField;

/**
 * The distance-field half of {@link LidarMap}: a capped signed distance field of a {@link LogOddsGrid}'s current
 * classification, recomputed only where the last scan flipped cells, and published double-buffered.
 *
 * <h2>Field</h2>
 * {@link SignedDistanceField}'s convention (occupied = obstacle; free, unknown and outside the rectangle = free),
 * capped at ±sdfReach [m], sampled at cell centres:
 * <pre>
 *   free cell c:      d(c) = min( sdfReach,  min over occupied o ‖c − o‖ − res/2)
 *   occupied cell c:  d(c) = max(−sdfReach, −(min over free f ‖c − f‖ − res/2))
 * </pre>
 *
 * <h2>Incremental separable transform</h2>
 * The exact squared Euclidean transform of Felzenszwalb–Huttenlocher ("Distance Transforms of Sampled Functions",
 * Theory of Computing 2012), kept in two stages, one pair (to occupied, to free) per cell:
 * <pre>
 *   stage 1 (columns):  G(x, y) = min over y' of the class wanted (y − y')²    [cells²], FAR beyond K
 *   stage 2 (rows):     D(x, y) = min over x' of (x − x')² + G(x', y)          [cells²]
 *   sample:             d = √D·res − res/2, capped
 * </pre>
 * with K = ⌈sdfReach/res + ½⌉ cells (a term beyond K can never bring a sample below the cap). Because of the cap a
 * flip of cell (fx, fy) can only change stage 1 in column fx within ±K rows, and stage 2 within ±K columns of a
 * changed stage-1 entry. So {@link #update()} recomputes, for each column with flips, the rows [minFlip − K,
 * maxFlip + K] (reading rows ±2K); and for each row whose stage 1 changed, the samples [minChanged − K,
 * maxChanged + K] (sources ±2K). The cost follows what the scan changed, not the map size; the result equals a
 * from-scratch {@link SignedDistanceField} of the same classification, capped, up to floating-point rounding.
 *
 * <h2>Publishing</h2>
 * Two sample buffers: {@link #grid()} returns the front one; {@link #update()} and {@link #reset()} write the back
 * one (update first copies over what the previous publish wrote, so the back equals the front, then the new
 * samples) and swap. No allocation after construction. Writes from one thread; {@link #grid()} from any (the swap
 * is a volatile write).
 */
final class IncrementalDistanceField {
    /** Stage-1 value beyond the reach [cells²]. */
    private static final int FAR = Integer.MAX_VALUE;
    private static final byte OCCUPIED = LogOddsGrid.OCCUPIED;

    private final LogOddsGrid occupancy;
    /** The occupancy's cell classes, shared, read only. */
    private final byte[] state;
    private final int sx;
    private final int sy;
    private final double res;
    private final double reach;
    private final double half;
    /** Reach in cells: K = ⌈reach/res + ½⌉. */
    private final int k;

    // Stage 1: capped squared column distances [cells²] to the nearest occupied / free cell; per-column scratch.
    private final int[] colOcc;
    private final int[] colFree;
    private final int[] upOcc;
    private final int[] upFree;

    // Per row, the columns whose stage 1 changed in this update, and the rows spanned.
    private final int[] rowLo;
    private final int[] rowHi;
    private int rowMin;
    private int rowMax;
    // Per row, the samples the previous publish wrote (the back buffer lags the front there).
    private final int[] prevLo;
    private final int[] prevHi;
    private int prevMin;
    private int prevMax;

    // Stage 2 scratch: lower envelope of parabolas.
    private final int[] envV;
    private final double[] envF;
    private final double[] envZ;
    private final double[] rowOcc;
    private final double[] rowFree;

    private final DistanceGrid gridA;
    private final DistanceGrid gridB;
    private volatile DistanceGrid front;

    /**
     * Builds the field of an all-unknown map (+sdfReach everywhere). Allocates every buffer here.
     *
     * @param config    geometry and reach; must be the one {@code occupancy} was built with.
     * @param occupancy the grid whose classification and flips the field follows; kept.
     */
    IncrementalDistanceField(LidarMapConfig config, LogOddsGrid occupancy) {
        this.occupancy = occupancy;
        this.state = occupancy.cellStates();
        this.sx = config.sizeX();
        this.sy = config.sizeY();
        this.res = config.resolution();
        this.reach = config.sdfReach();
        this.half = 0.5 * res;
        this.k = (int) Math.ceil(reach / res + 0.5);
        int n = sx * sy;
        colOcc = new int[n];
        colFree = new int[n];
        upOcc = new int[sy];
        upFree = new int[sy];
        rowLo = new int[sy];
        rowHi = new int[sy];
        prevLo = new int[sy];
        prevHi = new int[sy];
        envV = new int[sx + 2];
        envF = new double[sx + 2];
        envZ = new double[sx + 3];
        rowOcc = new double[sx];
        rowFree = new double[sx];
        double[] bufA = new double[n];
        double[] bufB = new double[n];
        Arrays.fill(colOcc, FAR);
        Arrays.fill(colFree, 0);
        Arrays.fill(rowLo, Integer.MAX_VALUE);
        Arrays.fill(rowHi, Integer.MIN_VALUE);
        Arrays.fill(prevLo, Integer.MAX_VALUE);
        Arrays.fill(prevHi, Integer.MIN_VALUE);
        prevMin = Integer.MAX_VALUE;
        prevMax = Integer.MIN_VALUE;
        Arrays.fill(bufA, reach);
        Arrays.fill(bufB, reach);
        gridA = new DistanceGrid(bufA, sx, sy, res, config.originX(), config.originY());
        gridB = new DistanceGrid(bufB, sx, sy, res, config.originX(), config.originY());
        front = gridA;
    }

    /** @return the published grid; unchanged until the second update after this call. Never null. */
    DistanceGrid grid() {
        return front;
    }

    /**
     * Stage 1 over the occupancy's flipped columns (then clears its flip lists), stage 2 over the changed rows into
     * the back buffer, then the swap. No allocation.
     */
    void update() {
        rowMin = Integer.MAX_VALUE;
        rowMax = Integer.MIN_VALUE;
        LogOddsGrid o = occupancy;
        int columns = o.flippedColumnCount();
        for (int d = 0; d < columns; d++) {
            int ix = o.flippedColumn(d);
            int lo = Math.max(0, o.flippedRowLo(ix) - k);
            int hi = Math.min(sy - 1, o.flippedRowHi(ix) + k);
            updateColumn(ix, lo, hi);
        }
        o.clearFlips();
        DistanceGrid f = front;
        double[] src = f.values();
        DistanceGrid backGrid = f == gridA ? gridB : gridA;
        double[] dst = backGrid.values();
        // Bring the back buffer up to the front: copy what the previous publish wrote.
        for (int y = prevMin; y <= prevMax; y++) {
            for (int x = prevLo[y]; x <= prevHi[y]; x++) {
                int i = x * sy + y;
                dst[i] = src[i];
            }
            prevLo[y] = Integer.MAX_VALUE;
            prevHi[y] = Integer.MIN_VALUE;
        }
        prevMin = Integer.MAX_VALUE;
        prevMax = Integer.MIN_VALUE;
        for (int y = rowMin; y <= rowMax; y++) {
            int lo = rowLo[y];
            int hi = rowHi[y];
            if (lo > hi) {
                continue;
            }
            rowLo[y] = Integer.MAX_VALUE;
            rowHi[y] = Integer.MIN_VALUE;
            int outLo = Math.max(0, lo - k);
            int outHi = Math.min(sx - 1, hi + k);
            updateRow(y, outLo, outHi, lo - 2 * k, hi + 2 * k, dst);
            prevLo[y] = outLo;
            prevHi[y] = outHi;
            if (y < prevMin) {
                prevMin = y;
            }
            prevMax = y;
        }
        front = backGrid;
    }

    /**
     * Stage 1 of column ix for rows [lo, hi]:
     * <pre>
     *   d_occ(y)  = min(y − y↑, y↓ − y),  y↑ ≤ y ≤ y↓ the nearest occupied rows of the column   [cells]
     *   d_free(y) = the same for free rows (rows below 0 and from sizeY on are free)
     *   G(ix, y)  = d² if d ≤ K, else FAR                                                      [cells²]
     * </pre>
     * scanning rows [lo − K, hi + K] up then down. Marks each row whose entry changed.
     */
    private void updateColumn(int ix, int lo, int hi) {
        int base = ix * sy;
        byte[] st = state;
        int a = Math.max(0, lo - k);
        int b = Math.min(sy - 1, hi + k);
        int none = -4 * (k + 1) - 4;
        int lastOcc = none;
        int lastFree = a == 0 ? -1 : none;
        for (int y = a; y <= hi; y++) {
            if (st[base + y] == OCCUPIED) {
                lastOcc = y;
            } else {
                lastFree = y;
            }
            if (y >= lo) {
                upOcc[y] = y - lastOcc;
                upFree[y] = y - lastFree;
            }
        }
        int far = sy + 4 * (k + 1) + 4;
        int nextOcc = far;
        int nextFree = b == sy - 1 ? sy : far;
        for (int y = b; y >= lo; y--) {
            if (st[base + y] == OCCUPIED) {
                nextOcc = y;
            } else {
                nextFree = y;
            }
            if (y > hi) {
                continue;
            }
            int dOcc = Math.min(upOcc[y], nextOcc - y);
            int dFree = Math.min(upFree[y], nextFree - y);
            int gOcc = dOcc <= k ? dOcc * dOcc : FAR;
            int gFree = dFree <= k ? dFree * dFree : FAR;
            int i = base + y;
            if (gOcc != colOcc[i] || gFree != colFree[i]) {
                colOcc[i] = gOcc;
                colFree[i] = gFree;
                if (ix < rowLo[y]) {
                    rowLo[y] = ix;
                }
                if (ix > rowHi[y]) {
                    rowHi[y] = ix;
                }
                if (y < rowMin) {
                    rowMin = y;
                }
                if (y > rowMax) {
                    rowMax = y;
                }
            }
        }
    }

    /**
     * Stage 2 of row y: samples x ∈ [outLo, outHi] from sources x' ∈ [srcLo, srcHi] (clamped to the grid, plus the
     * free columns −1 and sizeX outside it) by the lower envelope of the parabolas (x − x')² + G(x', y), then
     * <pre>
     *   free:      v = min( reach,   √D_occ·res − res/2)     (reach when D_occ = FAR)
     *   occupied:  v = max(−reach, −(√D_free·res − res/2))   (−reach when D_free = FAR)
     * </pre>
     * into dst [m]. The envelope to free cells is built only when the window holds an occupied sample.
     */
    private void updateRow(int y, int outLo, int outHi, int srcLo, int srcHi, double[] dst) {
        int a = Math.max(0, srcLo);
        int b = Math.min(sx - 1, srcHi);
        boolean anyOccupied = false;
        for (int x = outLo; x <= outHi; x++) {
            if (state[x * sy + y] == OCCUPIED) {
                anyOccupied = true;
                break;
            }
        }
        envelope(colOcc, y, a, b, false, outLo, outHi, rowOcc);
        if (anyOccupied) {
            envelope(colFree, y, a, b, true, outLo, outHi, rowFree);
        }
        for (int x = outLo; x <= outHi; x++) {
            int i = x * sy + y;
            double v;
            if (state[i] == OCCUPIED) {
                double d = rowFree[x];
                v = d >= FAR ? -reach : Math.max(-reach, -(Math.sqrt(d) * res - half));
            } else {
                double d = rowOcc[x];
                v = d >= FAR ? reach : Math.min(reach, Math.sqrt(d) * res - half);
            }
            dst[i] = v;
        }
    }

    /**
     * D(x) = min over sources x' of (x − x')² + g(x'), for x ∈ [outLo, outHi], into out[x]; FAR when no finite
     * source. Sources: g(x') = G(x', y) for x' ∈ [a, b] with G &lt; FAR, plus, when {@code pad} (outside the grid is
     * free), g = 0 at x' = −1 if a = 0 and at x' = sizeX if b = sizeX − 1. Extra true sources beyond the window the
     * caller needs cannot make a sample wrong, only the window's own sources must all be present.
     * Lower envelope: the parabolas rooted at p and q meet at s = ((g(q) + q²) − (g(p) + p²)) / (2q − 2p).
     */
    private void envelope(int[] g, int y, int a, int b, boolean pad, int outLo, int outHi, double[] out) {
        int[] v = envV;
        double[] fv = envF;
        double[] z = envZ;
        int m = 0;
        if (pad && a == 0) {
            m = push(v, fv, z, m, -1, 0.0);
        }
        for (int x = a; x <= b; x++) {
            int gx = g[x * sy + y];
            if (gx != FAR) {
                m = push(v, fv, z, m, x, gx);
            }
        }
        if (pad && b == sx - 1) {
            m = push(v, fv, z, m, sx, 0.0);
        }
        if (m == 0) {
            for (int x = outLo; x <= outHi; x++) {
                out[x] = FAR;
            }
            return;
        }
        int j = 0;
        for (int x = outLo; x <= outHi; x++) {
            while (j + 1 < m && z[j + 1] < x) {
                j++;
            }
            double dq = x - v[j];
            out[x] = dq * dq + fv[j];
        }
    }

    /**
     * Adds the parabola rooted at q with offset f to an envelope of m parabolas (roots v, offsets fv, boundaries
     * z); pops the parabolas it hides (s ≤ z[m − 1]); returns the new size.
     */
    private static int push(int[] v, double[] fv, double[] z, int m, int q, double f) {
        if (m == 0) {
            v[0] = q;
            fv[0] = f;
            z[0] = Double.NEGATIVE_INFINITY;
            z[1] = Double.POSITIVE_INFINITY;
            return 1;
        }
        double fq = f + (double) q * q;
        double s;
        while (true) {
            int p = v[m - 1];
            s = (fq - (fv[m - 1] + (double) p * p)) / (2.0 * q - 2.0 * p);
            if (m > 1 && s <= z[m - 1]) {
                m--;
            } else {
                break;
            }
        }
        v[m] = q;
        fv[m] = f;
        z[m] = s;
        z[m + 1] = Double.POSITIVE_INFINITY;
        return m + 1;
    }

    /**
     * The field of an all-unknown map: stage 1 cleared, the back buffer +sdfReach everywhere, published. The next
     * update copies the whole grid into the other buffer once. No allocation.
     */
    void reset() {
        DistanceGrid backGrid = front == gridA ? gridB : gridA;
        Arrays.fill(colOcc, FAR);
        Arrays.fill(colFree, 0);
        Arrays.fill(backGrid.values(), reach);
        // The other buffer lags everywhere: the next update copies the whole grid once.
        Arrays.fill(prevLo, 0);
        Arrays.fill(prevHi, sx - 1);
        prevMin = 0;
        prevMax = sy - 1;
        front = backGrid;
    }
}
