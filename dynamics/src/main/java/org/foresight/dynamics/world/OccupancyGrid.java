package org.foresight.dynamics.world;

/**
 * A 2D occupancy grid of square cells. Cell (ix, iy): ix along world x, iy along world y; the cell covers
 * [originX + ix·resolution, originX + (ix+1)·resolution) × [originY + iy·resolution, …) and its centre is
 * x = originX + (ix + 0.5)·resolution, y = originY + (iy + 0.5)·resolution. An occupied cell is a solid square
 * obstacle. Everything outside the grid is open space (free). Storage is one flat array indexed
 * {@code ix * sizeY + iy}, the same layout as {@link SignedDistanceField#values()}.
 *
 * <p>Mutable through {@link #setOccupied}; a grid owned by a {@link World} must not be modified (its signed
 * distance field is cached). Not thread-safe for concurrent writes; concurrent reads are fine.
 */
public final class OccupancyGrid {
    private final int sizeX;
    private final int sizeY;
    private final double resolution;
    private final double originX;
    private final double originY;
    private final boolean[] cells;

    /**
     * Creates an all-free grid.
     *
     * @param sizeX      cells along x, ≥ 1.
     * @param sizeY      cells along y, ≥ 1.
     * @param resolution cell edge [m], &gt; 0.
     * @param originX    x of the grid's lower edge [m].
     * @param originY    y of the grid's lower edge [m].
     */
    public OccupancyGrid(int sizeX, int sizeY, double resolution, double originX, double originY) {
        if (sizeX < 1 || sizeY < 1) {
            throw new IllegalArgumentException("grid size must be ≥ 1 cell in x and y: " + sizeX + " × " + sizeY);
        }
        if ((long) sizeX * sizeY > 100_000_000L) {
            throw new IllegalArgumentException("grid too large: " + sizeX + " × " + sizeY + " cells");
        }
        if (!(resolution > 0) || !Double.isFinite(resolution)) {
            throw new IllegalArgumentException("grid resolution [m] must be finite and > 0: " + resolution);
        }
        if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
            throw new IllegalArgumentException("grid origin [m] must be finite: " + originX + ", " + originY);
        }
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.resolution = resolution;
        this.originX = originX;
        this.originY = originY;
        this.cells = new boolean[sizeX * sizeY];
    }

    /** @return cells along x. */
    public int sizeX() {
        return sizeX;
    }

    /** @return cells along y. */
    public int sizeY() {
        return sizeY;
    }

    /** @return cell edge [m]. */
    public double resolution() {
        return resolution;
    }

    /** @return x of the grid's lower edge [m]. */
    public double originX() {
        return originX;
    }

    /** @return y of the grid's lower edge [m]. */
    public double originY() {
        return originY;
    }

    /**
     * @param ix cell index along x (may be out of range).
     * @param iy cell index along y (may be out of range).
     * @return whether the cell is an obstacle; cells outside the grid are free.
     */
    public boolean isOccupied(int ix, int iy) {
        if (ix < 0 || iy < 0 || ix >= sizeX || iy >= sizeY) {
            return false;
        }
        return cells[ix * sizeY + iy];
    }

    /**
     * @param ix       cell index along x, in [0, sizeX).
     * @param iy       cell index along y, in [0, sizeY).
     * @param occupied new state.
     */
    public void setOccupied(int ix, int iy, boolean occupied) {
        if (ix < 0 || iy < 0 || ix >= sizeX || iy >= sizeY) {
            throw new IndexOutOfBoundsException("cell (" + ix + ", " + iy + ") outside grid " + sizeX + " × " + sizeY);
        }
        cells[ix * sizeY + iy] = occupied;
    }

    /**
     * @param x position [m].
     * @param y position [m].
     * @return whether the cell containing (x, y) is an obstacle (false outside the grid).
     */
    public boolean isOccupiedAt(double x, double y) {
        return isOccupied(cellX(x), cellY(y));
    }

    /**
     * @param x position [m].
     * @return floor((x − originX)/resolution); may be out of range.
     */
    public int cellX(double x) {
        return (int) Math.floor((x - originX) / resolution);
    }

    /**
     * @param y position [m].
     * @return floor((y − originY)/resolution); may be out of range.
     */
    public int cellY(double y) {
        return (int) Math.floor((y - originY) / resolution);
    }

    /**
     * @param ix cell index along x.
     * @return the cell centre's x [m].
     */
    public double centerX(int ix) {
        return originX + (ix + 0.5) * resolution;
    }

    /**
     * @param iy cell index along y.
     * @return the cell centre's y [m].
     */
    public double centerY(int iy) {
        return originY + (iy + 0.5) * resolution;
    }

    /** @return the number of occupied cells. */
    public int occupiedCount() {
        int n = 0;
        for (boolean c : cells) {
            if (c) {
                n++;
            }
        }
        return n;
    }

    /** @return an independent copy of this grid. */
    public OccupancyGrid copy() {
        OccupancyGrid g = new OccupancyGrid(sizeX, sizeY, resolution, originX, originY);
        System.arraycopy(cells, 0, g.cells, 0, cells.length);
        return g;
    }

    /**
     * Configuration-space inflation for a disc robot: a new grid in which a cell is occupied when its centre lies
     * within {@code radius} of an occupied square (distance from the centre to the nearest point of the square,
     * ≤ radius). A disc of that radius centred on a free cell's centre therefore touches no obstacle (except
     * exactly tangent). radius = 0 copies the grid.
     *
     * <pre>
     * d(centre, square at offset (Δi, Δj) cells) = resolution · √(max(0, |Δi| − ½)² + max(0, |Δj| − ½)²)
     * </pre>
     *
     * @param radius inflation radius [m], ≥ 0.
     * @return the inflated grid (same geometry).
     */
    public OccupancyGrid inflate(double radius) {
        if (!(radius >= 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("inflation radius [m] must be finite and ≥ 0: " + radius);
        }
        int k = (int) Math.ceil(radius / resolution + 0.5);
        // Offsets of the stamp: every (di, dj) whose square lies within radius of the centre.
        int[] di = new int[(2 * k + 1) * (2 * k + 1)];
        int[] dj = new int[di.length];
        int m = 0;
        double r2 = (radius / resolution) * (radius / resolution) + 1e-12;
        for (int i = -k; i <= k; i++) {
            double ex = Math.max(0.0, Math.abs(i) - 0.5);
            for (int j = -k; j <= k; j++) {
                double ey = Math.max(0.0, Math.abs(j) - 0.5);
                if (ex * ex + ey * ey <= r2) {
                    di[m] = i;
                    dj[m] = j;
                    m++;
                }
            }
        }
        OccupancyGrid out = new OccupancyGrid(sizeX, sizeY, resolution, originX, originY);
        for (int ix = 0; ix < sizeX; ix++) {
            for (int iy = 0; iy < sizeY; iy++) {
                if (!cells[ix * sizeY + iy]) {
                    continue;
                }
                for (int s = 0; s < m; s++) {
                    int jx = ix + di[s];
                    int jy = iy + dj[s];
                    if (jx >= 0 && jy >= 0 && jx < sizeX && jy < sizeY) {
                        out.cells[jx * sizeY + jy] = true;
                    }
                }
            }
        }
        return out;
    }
}
