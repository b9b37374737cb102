package org.foresight.mpc.perception;

import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.OccupancyGrid;
import org.foresight.dynamics.world.SignedDistanceField;

/**
 * {@code --perception lidar}: the robot's own map, built from its scans alone, and the signed distance field the
 * critics read from it, updated incrementally scan by scan. A facade over three parts: {@link LogOddsGrid} (the
 * log-odds occupancy grid and the bookkeeping of what each scan changed), {@link BeamCaster} (which cells each
 * beam frees or hits) and {@link IncrementalDistanceField} (the capped signed distance field of the
 * classification, recomputed where a scan flipped cells, double-buffered).
 *
 * <h2>Occupancy</h2>
 * A log-odds grid (L = ln(p/(1 − p)), prior L = 0) over the configured rectangle, cell (ix, iy) covering
 * [originX + ix·res, originX + (ix+1)·res) × [originY + iy·res, …), flat index {@code ix·sizeY + iy} (the layout
 * of {@link OccupancyGrid} and {@link DistanceGrid}). Per scan, every beam is traced from the sensor to the cell
 * that holds its end point: the cells passed through get free evidence (L ← clamp(L + logOddsMiss)), the end cell
 * of a return shorter than the maximum range a hit (L ← clamp(L + logOddsHit)); each cell is updated at most once
 * per scan and a hit wins over a miss. A cell never updated is <b>unknown</b>; once updated it is <b>occupied</b>
 * while L &gt; occupiedThreshold, else <b>free</b>. Details and references: {@link LogOddsGrid}, {@link BeamCaster}.
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
 * <h2>Signed distance field</h2>
 * The field follows {@link SignedDistanceField}'s convention on the current classification (occupied = obstacle,
 * free and unknown = free, outside the rectangle = free), capped at ±sdfReach [m]:
 * <pre>
 *   free cell c:      d(c) = min( sdfReach,  min over occupied o ‖c − o‖ − res/2)
 *   occupied cell c:  d(c) = max(−sdfReach, −(min over free f ‖c − f‖ − res/2))
 * </pre>
 * kept by the separable exact transform (Felzenszwalb–Huttenlocher) in two stages and recomputed only within the
 * reach of the cells a scan flipped ({@link IncrementalDistanceField}). The cost follows what the scan changed, not
 * the map size; the result equals a from-scratch {@link SignedDistanceField} of the same classification, capped,
 * up to floating-point rounding (both take √(integer)·res − res/2; the tests hold it to 10⁻⁹ m).
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
    private final LidarMapConfig config;
    private final double invRes;
    private final LogOddsGrid occupancy;
    private final BeamCaster caster;
    private final IncrementalDistanceField field;

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
        this.invRes = 1.0 / config.resolution();
        this.occupancy = new LogOddsGrid(config);
        this.caster = new BeamCaster(config, occupancy);
        this.field = new IncrementalDistanceField(config, occupancy);
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
        return field.grid();
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
        double c = Math.cos(robotTheta);
        double s = Math.sin(robotTheta);
        double px = robotX + config.sensorOffset() * c;
        double py = robotY + config.sensorOffset() * s;
        occupancy.beginScan();
        caster.cast(ranges, lidar, px, py, c, s);
        occupancy.endScan();
        if (occupancy.flippedColumnCount() > 0) {
            field.update();
        }
    }

    /**
     * {@link #integrate(double[], LidarConfig, double, double, double)} with some returns held out of the map and
     * some discs cleared: a held beam frees the cells it passes through and its end cell but marks no hit (the
     * return of a moving obstacle, {@link MovingReturnFilter}), and the cells whose centres lie within a clear
     * disc get free evidence unless a beam of this scan updated them (where a tracked obstacle stands). No
     * allocation after the first scan of a lidar layout.
     *
     * @param ranges     ranges [m] as for integrate. Not modified.
     * @param held       per beam, whether its return is held out; length ≥ lidar.beams(). Not modified.
     * @param clear      discs whose cells are cleared (centre [m], radius [m]; velocities ignored). Not modified.
     * @param lidar      the beam layout.
     * @param robotX     robot x [m], finite.
     * @param robotY     robot y [m], finite.
     * @param robotTheta robot heading [rad], finite.
     */
    public void integrate(double[] ranges, boolean[] held, MovingDiscs clear, LidarConfig lidar, double robotX,
                          double robotY, double robotTheta) {
        if (lidar == null || ranges == null || held == null || clear == null) {
            throw new IllegalArgumentException("lidar map integrate: ranges, held, clear and lidar must be non-null");
        }
        if (ranges.length < lidar.beams() || held.length < lidar.beams()) {
            throw new IllegalArgumentException("lidar map integrate: ranges length " + ranges.length + " or held length "
                    + held.length + " < beams " + lidar.beams());
        }
        if (!Double.isFinite(robotX) || !Double.isFinite(robotY) || !Double.isFinite(robotTheta)) {
            throw new IllegalArgumentException("lidar map integrate: robot pose [m, m, rad] must be finite: " + robotX
                    + ", " + robotY + ", " + robotTheta);
        }
        double c = Math.cos(robotTheta);
        double s = Math.sin(robotTheta);
        occupancy.beginScan();
        caster.cast(ranges, held, lidar, robotX + config.sensorOffset() * c, robotY + config.sensorOffset() * s, c, s);
        for (int i = 0; i < clear.count(); i++) {
            caster.clearDisc(clear.x(i), clear.y(i), clear.radius(i));
        }
        occupancy.endScan();
        if (occupancy.flippedColumnCount() > 0) {
            field.update();
        }
    }

    /**
     * Forgets everything: all cells unknown, the field +sdfReach everywhere. Writes the back buffer and publishes
     * it (so a grid in use is not touched) and increments {@link #version()}. No allocation.
     */
    public void reset() {
        occupancy.reset();
        field.reset();
    }

    /**
     * @return grows by one with every {@link #integrate} that changed some cell's classification (unknown, free,
     *         occupied) and with every {@link #reset}; starts at 0.
     */
    public long version() {
        return occupancy.version();
    }

    /** @return whether the last integrate flipped some cell between occupied and not occupied. */
    public boolean occupancyChanged() {
        return occupancy.changedMinIx() <= occupancy.changedMaxIx();
    }

    /** @return lowest ix of the cells whose occupied state flipped in the last integrate (&gt; max when none). */
    public int changedMinIx() {
        return occupancy.changedMinIx();
    }

    /** @return highest ix of the cells whose occupied state flipped in the last integrate (&lt; min when none). */
    public int changedMaxIx() {
        return occupancy.changedMaxIx();
    }

    /** @return lowest iy of the cells whose occupied state flipped in the last integrate (&gt; max when none). */
    public int changedMinIy() {
        return occupancy.changedMinIy();
    }

    /** @return highest iy of the cells whose occupied state flipped in the last integrate (&lt; min when none). */
    public int changedMaxIy() {
        return occupancy.changedMaxIy();
    }

    /**
     * @param ix cell index along x (may be out of range).
     * @param iy cell index along y (may be out of range).
     * @return whether the cell is seen occupied; unknown cells and cells outside the map are not.
     */
    public boolean isOccupied(int ix, int iy) {
        return occupancy.isOccupied(ix, iy);
    }

    /**
     * @param ix cell index along x (may be out of range).
     * @param iy cell index along y (may be out of range).
     * @return whether the cell has been observed by some beam; false outside the map.
     */
    public boolean isKnown(int ix, int iy) {
        return occupancy.isKnown(ix, iy);
    }

    /**
     * @param ix      cell index along x (may be out of range).
     * @param iy      cell index along y (may be out of range).
     * @param version a {@link #version()} read earlier (e.g. when a guide path was planned).
     * @return whether the cell is occupied now and became occupied in an integrate after that version.
     */
    public boolean becameOccupiedAfter(int ix, int iy, long version) {
        return occupancy.becameOccupiedAfter(ix, iy, version);
    }

    /**
     * @param ix cell index along x, in [0, sizeX).
     * @param iy cell index along y, in [0, sizeY).
     * @return the cell's log-odds (0 when unknown).
     */
    public float logOdds(int ix, int iy) {
        return occupancy.logOdds(ix, iy);
    }

    /** @return the number of cells seen occupied. */
    public int occupiedCount() {
        return occupancy.occupiedCount();
    }

    /** @return the number of cells observed at least once. */
    public int knownCount() {
        return occupancy.knownCount();
    }

    /**
     * Writes the occupancy into a grid of the same geometry (e.g. for {@code GridAStar} after inflation), without
     * allocating.
     *
     * @param out               (Output) grid with this map's size, resolution and origin. Modified.
     * @param unknownAsOccupied whether unknown cells are written occupied (a cautious planner) or free.
     */
    public void copyOccupancy(OccupancyGrid out, boolean unknownAsOccupied) {
        occupancy.copyOccupancy(out, unknownAsOccupied);
    }

    /** @return a new grid of this map's geometry holding its occupancy (unknown as free). */
    public OccupancyGrid toOccupancyGrid() {
        OccupancyGrid g = new OccupancyGrid(config.sizeX(), config.sizeY(), config.resolution(), config.originX(),
                config.originY());
        copyOccupancy(g, false);
        return g;
    }

    /** @return cells along x. */
    public int sizeX() {
        return config.sizeX();
    }

    /** @return cells along y. */
    public int sizeY() {
        return config.sizeY();
    }

    /** @return cell edge [m]. */
    public double resolution() {
        return config.resolution();
    }

    /** @return x of the map's lower-left corner [m]. */
    public double originX() {
        return config.originX();
    }

    /** @return y of the map's lower-left corner [m]. */
    public double originY() {
        return config.originY();
    }

    /** @param x position [m]. @return ⌊(x − originX)/resolution⌋, possibly out of range. */
    public int cellX(double x) {
        return (int) Math.floor((x - config.originX()) * invRes);
    }

    /** @param y position [m]. @return ⌊(y − originY)/resolution⌋, possibly out of range. */
    public int cellY(double y) {
        return (int) Math.floor((y - config.originY()) * invRes);
    }
}
