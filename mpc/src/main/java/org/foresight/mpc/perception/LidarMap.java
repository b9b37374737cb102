package org.foresight.mpc.perception;

import java.util.Arrays;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.SignedDistanceField;

/**
 * {@code --perception lidar}: the robot's own map, built from its scans alone, and the signed distance field the
 * critics read from it, updated incrementally scan by scan.
 *
 * <h2>Occupancy</h2>
 * A log-odds grid (L = ln(p/(1 − p)), prior L = 0) over the configured rectangle, cell (ix, iy) covering
 * [originX + ix·res, originX + (ix+1)·res) × [originY + iy·res, …), flat index {@code ix·sizeY + iy} (the layout
 * of {@link OccupancyGrid} and {@link DistanceGrid}). Per scan, every beam is traced from the sensor by an exact
 * grid traversal (Amanatides–Woo) to the cell that holds its end point:
 * <pre>
 *   cells passed through          L ← clamp(L + logOddsMiss)         (free evidence)
 *   the end cell, range &lt; max    L ← clamp(L + logOddsHit)          (the hit)
 *   the end cell, range ≥ max     L ← clamp(L + logOddsMiss)         (a max-range return: free to the range, no hit)
 *   range &lt; minRange or NaN      beam dropped
 * </pre>
 * Each cell is updated at most once per scan and a hit wins over a miss from another beam of the same scan, so
 * the result does not depend on beam order and the many beams that cross the cells next to the sensor count once.
 * The parts of a beam outside the rectangle are ignored (a hit outside marks nothing). A cell never updated is
 * <b>unknown</b>; once updated it is <b>occupied</b> while L &gt; occupiedThreshold, else <b>free</b>.
 * Reference: H. Moravec, A. Elfes, "High resolution maps from wide angle sonar", ICRA 1985; the default sensor
 * model is OctoMap's (Hornung et al., Autonomous Robots 2013). J. Amanatides, A. Woo, "A Fast Voxel Traversal
 * Algorithm for Ray Tracing", Eurographics 1987.
 *
 * <h2>Unknown cells: free but not confirmed</h2>
 * The distance field treats unknown cells as free: only cells seen occupied are obstacles. The robot starts
 * knowing nothing and its 270° lidar never sees the 90° behind it or the shadows behind obstacles; calling
 * unknown occupied would wall the robot in (at the start every cell but the sensed wedges would be an obstacle)
 * and freeze the planner. Driving forward is covered: the 30 m, 270° lidar sees the free space ahead long before
 * the 5.6 m an MPPI horizon spans (2.8 s at 2 m/s), and what hides behind an obstacle comes into view as the robot
 * moves around it, at 50 scans a second. The residual risks: rollouts may pass through shadows they cannot see into (optimistic, corrected by the next scans),
 * and reversing into the 90° blind sector is covered only by what earlier scans saw there (the prefer-forward
 * critic makes reversing rare). A guide planner that wants caution reads {@link #isKnown} and treats unknown cells
 * as traversable at a higher step cost, so the guide prefers seen corridors but is not blocked by unseen ones
 * ({@link #copyOccupancy} can also write unknown as occupied for a strictly cautious planner).
 *
 * <h2>Signed distance field, incrementally</h2>
 * The field follows {@link SignedDistanceField}'s convention on the current classification (occupied = obstacle,
 * free and unknown = free, outside the rectangle = free), capped at ±sdfReach:
 * <pre>
 *   free cell c:      d(c) = min( sdfReach,  min over occupied o ‖c − o‖ − res/2)
 *   occupied cell c:  d(c) = max(−sdfReach, −(min over free f ‖c − f‖ − res/2))
 * </pre>
 * It is the separable exact transform (Felzenszwalb–Huttenlocher) kept in two stages. Stage 1 keeps, per cell,
 * the squared distance along its column (fixed ix) to the nearest occupied and to the nearest free cell, in cells²,
 * or FAR when beyond K = ⌈sdfReach/res + ½⌉ cells (such a term can never bring a sample below the cap). Stage 2 is
 * the lower envelope of parabolas along each row: D(x, y) = min over x' of (x − x')² + G(x', y). Because of the cap
 * a flip of cell (fx, fy) can only change stage 1 in column fx within ±K rows, and stage 2 within ±K columns of a
 * changed stage-1 entry. So an integrate recomputes, for each column with flips, the rows [minFlip − K,
 * maxFlip + K]; and for each row whose stage 1 changed, the samples [minChanged − K, maxChanged + K] (sources
 * ±2K). The cost follows what the scan changed, not the map size; the result equals a from-scratch
 * {@link SignedDistanceField} of the same classification, capped, up to floating-point rounding (both take
 * √(integer)·res − res/2; the tests hold it to 10⁻⁹ m).
 *
 * <h2>Publishing</h2>
 * Two sample buffers: {@link #grid()} returns the front one, integrate writes the back one (first copying over
 * what the previous update changed, so the back equals the front, then the new samples) and swaps. No allocation
 * per scan once the beam table of the lidar layout is built (the first scan, or a different {@link LidarConfig}).
 * A grid obtained from {@link #grid()} stays unchanged through the next {@link #integrate} and is overwritten by
 * the one after: a planning cycle must finish before the second scan after it started is integrated (true of the
 * closed loop, which integrates and plans in turn). Cost: about 0.5 ms per Hokuyo scan at 0.05 m on a BARN
 * world, the first scan of an episode about 1 ms ({@code ScanIntegrationBenchmark}).
 *
 * <h2>For the guide planner</h2>
 * {@link #version()} grows with every integrate that changed some cell's classification; the cells whose
 * occupied/not-occupied state flipped in the last integrate lie in [{@link #changedMinIx()},
 * {@link #changedMaxIx()}] × [{@link #changedMinIy()}, {@link #changedMaxIy()}] (empty: min &gt; max), and
 * {@link #becameOccupiedAfter} tells whether a cell of a path planned at some version has been found occupied since.
 *
 * <p>Not thread-safe for writes: {@link #integrate} and {@link #reset} from one thread; {@link #grid()} may be
 * read from any thread (the swap is a volatile write).
 */
public final class LidarMap implements ObstacleField {
    /** Cell state: never observed. */
    private static final byte UNKNOWN = 0;
    /** Cell state: observed, L ≤ occupiedThreshold. */
    private static final byte FREE = 1;
    /** Cell state: observed, L &gt; occupiedThreshold. */
    private static final byte OCCUPIED = 2;
    /** Stage-1 value beyond the reach [cells²]. */
    private static final int FAR = Integer.MAX_VALUE;
    /**
     * A return's end point lies on the obstacle's surface, often exactly on a cell edge; it is nudged this far along
     * the beam [m] so it lands in the obstacle's cell, not in the free cell in front of it.
     */
    private static final double HIT_NUDGE = 1e-6;

    private final LidarMapConfig config;
    private final int sx;
    private final int sy;
    private final double res;
    private final double ox;
    private final double oy;
    private final double invRes;
    private final float hit;
    private final float miss;
    private final float lmin;
    private final float lmax;
    private final float threshold;
    private final double reach;
    private final double half;
    /** Reach in cells: K = ⌈reach/res + ½⌉. */
    private final int k;

    private final float[] logOdds;
    private final byte[] state;
    private final long[] occupiedSince;
    private final int[] stamp;
    private int scan;

    // Beam table, rebuilt only when the lidar layout changes.
    private LidarConfig beamsFor;
    private double[] cosA = new double[0];
    private double[] sinA = new double[0];
    private int[] hitCells = new int[0];

    // Stage 1: capped squared column distances [cells²] to the nearest occupied / free cell.
    private final int[] colOcc;
    private final int[] colFree;
    private final int[] upOcc;
    private final int[] upFree;

    // Flip bookkeeping of one integrate: per column the flipped rows, per row the columns whose stage 1 changed.
    private final int[] colLo;
    private final int[] colHi;
    private final int[] dirtyCols;
    private int dirtyColCount;
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

    private final double[] bufA;
    private final double[] bufB;
    private final DistanceGrid gridA;
    private final DistanceGrid gridB;
    private volatile DistanceGrid front;

    private long version;
    private boolean classChanged;
    private int chMinIx;
    private int chMaxIx;
    private int chMinIy;
    private int chMaxIy;
    private int occupiedCount;
    private int knownCount;

    /**
     * Builds an all-unknown map (the field reads +sdfReach everywhere). Allocates every buffer here.
     *
     * @param config geometry, sensor model and reach.
     */
    public LidarMap(LidarMapConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("lidar map config must be non-null");
        }
        this.config = config;
        this.sx = config.sizeX();
        this.sy = config.sizeY();
        this.res = config.resolution();
        this.ox = config.originX();
        this.oy = config.originY();
        this.invRes = 1.0 / res;
        this.hit = (float) config.logOddsHit();
        this.miss = (float) config.logOddsMiss();
        this.lmin = (float) config.logOddsMin();
        this.lmax = (float) config.logOddsMax();
        this.threshold = (float) config.occupiedThreshold();
        this.reach = config.sdfReach();
        this.half = 0.5 * res;
        this.k = (int) Math.ceil(reach / res + 0.5);
        int n = sx * sy;
        logOdds = new float[n];
        state = new byte[n];
        occupiedSince = new long[n];
        stamp = new int[n];
        colOcc = new int[n];
        colFree = new int[n];
        upOcc = new int[sy];
        upFree = new int[sy];
        colLo = new int[sx];
        colHi = new int[sx];
        dirtyCols = new int[sx];
        rowLo = new int[sy];
        rowHi = new int[sy];
        prevLo = new int[sy];
        prevHi = new int[sy];
        envV = new int[sx + 2];
        envF = new double[sx + 2];
        envZ = new double[sx + 3];
        rowOcc = new double[sx];
        rowFree = new double[sx];
        bufA = new double[n];
        bufB = new double[n];
        gridA = new DistanceGrid(bufA, sx, sy, res, ox, oy);
        gridB = new DistanceGrid(bufB, sx, sy, res, ox, oy);
        clearAll();
        front = gridA;
    }

    /** @return the configuration. */
    public LidarMapConfig config() {
        return config;
    }

    /**
     * The current distance field. Unchanged until the second {@link #integrate} after this call (see the class
     * Javadoc); never null.
     *
     * @return the published grid.
     */
    @Override
    public DistanceGrid grid() {
        return front;
    }

    /**
     * Integrates one scan taken at a robot pose, then updates the distance field where the occupancy changed and
     * publishes it. The sensor sits at (x + sensorOffset·cos θ, y + sensorOffset·sin θ), heading θ; beam i points at
     * θ + α_i with α_i = −FOV/2 + i·FOV/(N − 1) (as {@code Lidar}). No allocation, except building the beam table
     * on the first scan of a lidar layout.
     *
     * @param ranges     ranges [m], length ≥ lidar.beams(); a value ≥ maxRange is a max-range return (free to
     *                   maxRange, no hit), a value &lt; minRange or NaN is dropped. Not modified.
     * @param lidar      the beam layout the ranges were taken with.
     * @param robotX     robot x [m], finite.
     * @param robotY     robot y [m], finite.
     * @param robotTheta robot heading [rad], finite.
     */
    public void integrate(double[] ranges, LidarConfig lidar, double robotX, double robotY, double robotTheta) {
        if (lidar == null || ranges == null) {
            throw new IllegalArgumentException("lidar map integrate: ranges and lidar config must be non-null");
        }
        if (ranges.length < lidar.beams()) {
            throw new IllegalArgumentException("lidar map integrate: ranges length " + ranges.length + " < beams "
                    + lidar.beams());
        }
        if (!Double.isFinite(robotX) || !Double.isFinite(robotY) || !Double.isFinite(robotTheta)) {
            throw new IllegalArgumentException("lidar map integrate: robot pose [m, m, rad] must be finite: " + robotX
                    + ", " + robotY + ", " + robotTheta);
        }
        if (lidar != beamsFor && !lidar.equals(beamsFor)) {
            buildBeams(lidar);
        }
        double c = Math.cos(robotTheta);
        double s = Math.sin(robotTheta);
        double px = robotX + config.sensorOffset() * c;
        double py = robotY + config.sensorOffset() * s;
        chMinIx = Integer.MAX_VALUE;
        chMaxIx = Integer.MIN_VALUE;
        chMinIy = Integer.MAX_VALUE;
        chMaxIy = Integer.MIN_VALUE;
        classChanged = false;
        dirtyColCount = 0;
        scan++;
        if (scan == 0) { // wrapped after 2³² scans: clear the stamps so no cell looks already updated
            Arrays.fill(stamp, 0);
            scan = 1;
        }
        castBeams(ranges, lidar.beams(), lidar.maxRange(), px, py, c, s);
        if (classChanged) {
            version++;
        }
        if (dirtyColCount > 0) {
            updateField();
        }
    }

    private void buildBeams(LidarConfig lidar) {
        int n = lidar.beams();
        cosA = new double[n];
        sinA = new double[n];
        hitCells = new int[n];
        for (int i = 0; i < n; i++) {
            double a = n == 1 ? 0.0 : -0.5 * lidar.fieldOfView() + i * lidar.fieldOfView() / (n - 1);
            cosA[i] = Math.cos(a);
            sinA[i] = Math.sin(a);
        }
        beamsFor = lidar;
    }

    // ------------------------------------------------------------------------------------------------ ray casting

    /**
     * Pass 1 stamps the hit cells (so no beam of this scan frees them), pass 2 traverses every beam and applies
     * one miss to each not-yet-stamped cell, pass 3 applies the hits.
     */
    private void castBeams(double[] ranges, int beams, double maxRange, double px, double py, double c, double s) {
        final int cur = scan;
        final double minRange = config.minRange();
        int hits = 0;
        for (int i = 0; i < beams; i++) {
            double r = ranges[i];
            if (!(r >= minRange) || !(r < maxRange)) {
                continue;
            }
            double dx = c * cosA[i] - s * sinA[i];
            double dy = s * cosA[i] + c * sinA[i];
            double t = r + HIT_NUDGE;
            int ix = (int) Math.floor((px + t * dx - ox) * invRes);
            int iy = (int) Math.floor((py + t * dy - oy) * invRes);
            if (ix < 0 || iy < 0 || ix >= sx || iy >= sy) {
                continue;
            }
            int cell = ix * sy + iy;
            if (stamp[cell] != cur) {
                stamp[cell] = cur;
                hitCells[hits++] = cell;
            }
        }
        for (int i = 0; i < beams; i++) {
            double r = ranges[i];
            if (!(r >= minRange)) {
                continue;
            }
            boolean isHit = r < maxRange;
            if (!isHit) {
                r = maxRange;
            }
            double dx = c * cosA[i] - s * sinA[i];
            double dy = s * cosA[i] + c * sinA[i];
            traverse(px, py, dx, dy, r, isHit, cur);
        }
        for (int h = 0; h < hits; h++) {
            int cell = hitCells[h];
            apply(cell, hit);
        }
    }

    /**
     * Frees the cells along p + t·d, t ∈ [0, r], clipped to the map rectangle (slab method); the end cell too unless
     * the beam hit there (pass 1 stamped it). The walk is forced to end in the end cell: each step moves one cell
     * towards it along x or y, chosen by the Amanatides–Woo boundary distances tMaxX, tMaxY.
     */
    private void traverse(double px, double py, double dx, double dy, double r, boolean isHit, int cur) {
        double x1 = ox + sx * res;
        double y1 = oy + sy * res;
        double tEnter = 0.0;
        double tExit = r;
        if (dx != 0.0) {
            double ta = (ox - px) / dx;
            double tb = (x1 - px) / dx;
            tEnter = Math.max(tEnter, Math.min(ta, tb));
            tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (px < ox || px >= x1) {
            return;
        }
        if (dy != 0.0) {
            double ta = (oy - py) / dy;
            double tb = (y1 - py) / dy;
            tEnter = Math.max(tEnter, Math.min(ta, tb));
            tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (py < oy || py >= y1) {
            return;
        }
        if (tEnter > tExit) {
            return;
        }
        int ix = clampX((int) Math.floor((px + tEnter * dx - ox) * invRes));
        int iy = clampY((int) Math.floor((py + tEnter * dy - oy) * invRes));
        // The end cell: the cell of the end point when it lies in the map, else the cell where the beam leaves it.
        double tEnd = isHit ? r + HIT_NUDGE : r; // as pass 1 computed the hit cell
        int ex = (int) Math.floor((px + tEnd * dx - ox) * invRes);
        int ey = (int) Math.floor((py + tEnd * dy - oy) * invRes);
        boolean endInside = ex >= 0 && ey >= 0 && ex < sx && ey < sy;
        if (!endInside) {
            ex = clampX((int) Math.floor((px + tExit * dx - ox) * invRes));
            ey = clampY((int) Math.floor((py + tExit * dy - oy) * invRes));
        }
        int stepX = ex > ix ? 1 : -1;
        int stepY = ey > iy ? 1 : -1;
        double tMaxX = dx != 0.0 ? (ox + (ix + (dx > 0 ? 1 : 0)) * res - px) / dx : Double.POSITIVE_INFINITY;
        double tMaxY = dy != 0.0 ? (oy + (iy + (dy > 0 ? 1 : 0)) * res - py) / dy : Double.POSITIVE_INFINITY;
        double tDeltaX = dx != 0.0 ? res / Math.abs(dx) : Double.POSITIVE_INFINITY;
        double tDeltaY = dy != 0.0 ? res / Math.abs(dy) : Double.POSITIVE_INFINITY;
        final int[] st = stamp;
        final float m = miss;
        int cell = ix * sy + iy;
        int cellStepX = stepX * sy;
        while (ix != ex || iy != ey) {
            if (st[cell] != cur) {
                st[cell] = cur;
                apply(cell, m);
            }
            boolean moveX = iy == ey || (ix != ex && tMaxX < tMaxY);
            if (moveX) {
                ix += stepX;
                cell += cellStepX;
                tMaxX += tDeltaX;
            } else {
                iy += stepY;
                cell += stepY;
                tMaxY += tDeltaY;
            }
        }
        if (st[cell] != cur && !(isHit && endInside)) {
            st[cell] = cur;
            apply(cell, m);
        }
    }

    /** L ← clamp(L + delta), then reclassifies the cell and records a flip of its occupied state. */
    private void apply(int cell, float delta) {
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

    // ---------------------------------------------------------------------------------------- distance field

    /** Stage 1 over the flipped columns, then stage 2 over the changed rows into the back buffer, then the swap. */
    private void updateField() {
        rowMin = Integer.MAX_VALUE;
        rowMax = Integer.MIN_VALUE;
        for (int d = 0; d < dirtyColCount; d++) {
            int ix = dirtyCols[d];
            int lo = Math.max(0, colLo[ix] - k);
            int hi = Math.min(sy - 1, colHi[ix] + k);
            colLo[ix] = Integer.MAX_VALUE;
            colHi[ix] = Integer.MIN_VALUE;
            updateColumn(ix, lo, hi);
        }
        dirtyColCount = 0;
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
     * Stage 1 of column ix for rows [lo, hi]: the distance (in cells) to the nearest occupied and the nearest free
     * cell of the column within K (the rows below 0 and from sizeY on are free), squared, else FAR. Marks each row
     * whose entry changed.
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
     * free columns −1 and sizeX outside it) by the lower envelope of the parabolas (x − x')² + G(x', y).
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

    /** Adds the parabola rooted at q with offset f to an envelope of m parabolas; returns the new size. */
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

    // ------------------------------------------------------------------------------------------------ state

    /**
     * Forgets everything: all cells unknown, the field +sdfReach everywhere. Writes the back buffer and publishes
     * it (so a grid in use is not touched) and increments {@link #version()}. No allocation.
     */
    public void reset() {
        DistanceGrid backGrid = front == gridA ? gridB : gridA;
        Arrays.fill(logOdds, 0f);
        Arrays.fill(state, UNKNOWN);
        Arrays.fill(occupiedSince, 0L);
        Arrays.fill(colOcc, FAR);
        Arrays.fill(colFree, 0);
        Arrays.fill(backGrid.values(), reach);
        occupiedCount = 0;
        knownCount = 0;
        version++;
        chMinIx = Integer.MAX_VALUE;
        chMaxIx = Integer.MIN_VALUE;
        chMinIy = Integer.MAX_VALUE;
        chMaxIy = Integer.MIN_VALUE;
        // The other buffer lags everywhere: the next update copies the whole grid once.
        Arrays.fill(prevLo, 0);
        Arrays.fill(prevHi, sx - 1);
        prevMin = 0;
        prevMax = sy - 1;
        front = backGrid;
    }

    private void clearAll() {
        Arrays.fill(colOcc, FAR);
        Arrays.fill(colFree, 0);
        Arrays.fill(colLo, Integer.MAX_VALUE);
        Arrays.fill(colHi, Integer.MIN_VALUE);
        Arrays.fill(rowLo, Integer.MAX_VALUE);
        Arrays.fill(rowHi, Integer.MIN_VALUE);
        Arrays.fill(prevLo, Integer.MAX_VALUE);
        Arrays.fill(prevHi, Integer.MIN_VALUE);
        prevMin = Integer.MAX_VALUE;
        prevMax = Integer.MIN_VALUE;
        Arrays.fill(bufA, reach);
        Arrays.fill(bufB, reach);
        chMinIx = Integer.MAX_VALUE;
        chMaxIx = Integer.MIN_VALUE;
        chMinIy = Integer.MAX_VALUE;
        chMaxIy = Integer.MIN_VALUE;
    }

    /**
     * @return grows by one with every {@link #integrate} that changed some cell's classification (unknown, free,
     *         occupied) and with every {@link #reset}; starts at 0.
     */
    public long version() {
        return version;
    }

    /** @return whether the last integrate flipped some cell between occupied and not occupied. */
    public boolean occupancyChanged() {
        return chMinIx <= chMaxIx;
    }

    /** @return lowest ix of the cells whose occupied state flipped in the last integrate (&gt; max when none). */
    public int changedMinIx() {
        return chMinIx;
    }

    /** @return highest ix of the cells whose occupied state flipped in the last integrate (&lt; min when none). */
    public int changedMaxIx() {
        return chMaxIx;
    }

    /** @return lowest iy of the cells whose occupied state flipped in the last integrate (&gt; max when none). */
    public int changedMinIy() {
        return chMinIy;
    }

    /** @return highest iy of the cells whose occupied state flipped in the last integrate (&lt; min when none). */
    public int changedMaxIy() {
        return chMaxIy;
    }

    /**
     * @param ix cell index along x (may be out of range).
     * @param iy cell index along y (may be out of range).
     * @return whether the cell is seen occupied; unknown cells and cells outside the map are not.
     */
    public boolean isOccupied(int ix, int iy) {
        return inside(ix, iy) && state[ix * sy + iy] == OCCUPIED;
    }

    /**
     * @param ix cell index along x (may be out of range).
     * @param iy cell index along y (may be out of range).
     * @return whether the cell has been observed by some beam; false outside the map.
     */
    public boolean isKnown(int ix, int iy) {
        return inside(ix, iy) && state[ix * sy + iy] != UNKNOWN;
    }

    /**
     * @param ix      cell index along x (may be out of range).
     * @param iy      cell index along y (may be out of range).
     * @param version a {@link #version()} read earlier (e.g. when a guide path was planned).
     * @return whether the cell is occupied now and became occupied in an integrate after that version.
     */
    public boolean becameOccupiedAfter(int ix, int iy, long version) {
        if (!inside(ix, iy)) {
            return false;
        }
        int c = ix * sy + iy;
        return state[c] == OCCUPIED && occupiedSince[c] > version;
    }

    /**
     * @param ix cell index along x, in [0, sizeX).
     * @param iy cell index along y, in [0, sizeY).
     * @return the cell's log-odds (0 when unknown).
     */
    public float logOdds(int ix, int iy) {
        if (!inside(ix, iy)) {
            throw new IndexOutOfBoundsException("cell (" + ix + ", " + iy + ") outside lidar map " + sx + " × " + sy);
        }
        return logOdds[ix * sy + iy];
    }

    /** @return the number of cells seen occupied. */
    public int occupiedCount() {
        return occupiedCount;
    }

    /** @return the number of cells observed at least once. */
    public int knownCount() {
        return knownCount;
    }

    /**
     * Writes the occupancy into a grid of the same geometry (e.g. for {@code GridAStar} after inflation), without
     * allocating.
     *
     * @param out               (Output) grid with this map's size, resolution and origin. Modified.
     * @param unknownAsOccupied whether unknown cells are written occupied (a cautious planner) or free.
     */
    public void copyOccupancy(OccupancyGrid out, boolean unknownAsOccupied) {
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

    /** @return a new grid of this map's geometry holding its occupancy (unknown as free). */
    public OccupancyGrid toOccupancyGrid() {
        OccupancyGrid g = new OccupancyGrid(sx, sy, res, ox, oy);
        copyOccupancy(g, false);
        return g;
    }

    /** @return cells along x. */
    public int sizeX() {
        return sx;
    }

    /** @return cells along y. */
    public int sizeY() {
        return sy;
    }

    /** @return cell edge [m]. */
    public double resolution() {
        return res;
    }

    /** @return x of the map's lower-left corner [m]. */
    public double originX() {
        return ox;
    }

    /** @return y of the map's lower-left corner [m]. */
    public double originY() {
        return oy;
    }

    /** @param x position [m]. @return ⌊(x − originX)/resolution⌋, possibly out of range. */
    public int cellX(double x) {
        return (int) Math.floor((x - ox) * invRes);
    }

    /** @param y position [m]. @return ⌊(y − originY)/resolution⌋, possibly out of range. */
    public int cellY(double y) {
        return (int) Math.floor((y - oy) * invRes);
    }

    private boolean inside(int ix, int iy) {
        return ix >= 0 && iy >= 0 && ix < sx && iy < sy;
    }

    private int clampX(int ix) {
        return ix < 0 ? 0 : (ix >= sx ? sx - 1 : ix);
    }

    private int clampY(int iy) {
        return iy < 0 ? 0 : (iy >= sy ? sy - 1 : iy);
    }
}
