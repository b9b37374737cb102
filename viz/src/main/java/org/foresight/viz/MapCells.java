package org.foresight.viz;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.foresight.dynamics.log.MapSnapshot;
import org.foresight.dynamics.world.OccupancyGrid;

/**
 * The map's cell layers of a {@link FrameRenderer}: the true world's grid (free space, obstacles and walls, told
 * apart by shape) and the occupied cells of the robot's own map. Each is an image of one pixel per cell, scaled
 * with nearest-neighbour sampling; the grid's is made once, a snapshot's when the snapshot changes.
 *
 * <p>Not thread-safe: one per renderer.
 */
final class MapCells {
    /** Shortest straight run of thin occupied cells drawn as a wall [cells]. */
    static final int WALL_RUN = 12;

    private final OccupancyGrid grid;
    private final BufferedImage gridImage;
    private final boolean hasObstacleCells;
    private final boolean hasWallCells;
    /** The snapshot {@link #knownImage} shows, or null. */
    private MapSnapshot knownImageOf;
    private BufferedImage knownImage;

    /**
     * Precomputes the image of a grid.
     *
     * @param grid the true world's grid. Not modified.
     */
    MapCells(OccupancyGrid grid) {
        this.grid = grid;
        boolean[] found = new boolean[2];
        this.gridImage = gridImage(grid, found);
        this.hasObstacleCells = found[0];
        this.hasWallCells = found[1];
    }

    /** Whether the grid has any obstacle cell (an occupied cell that is not part of a wall). */
    boolean hasObstacleCells() {
        return hasObstacleCells;
    }

    /** Whether the grid has any wall cell (see {@link #wallMask}). */
    boolean hasWallCells() {
        return hasWallCells;
    }

    /**
     * One pixel per cell, row 0 = highest y; walls (see {@link #wallMask}) get their own colour.
     *
     * @param found (Output) [0]: whether any obstacle cell exists, [1]: whether any wall cell exists.
     */
    private static BufferedImage gridImage(OccupancyGrid grid, boolean[] found) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        boolean[] walls = wallMask(grid);
        BufferedImage img = new BufferedImage(sx, sy, BufferedImage.TYPE_INT_ARGB);
        int free = Palette.FREE.getRGB();
        int obstacle = Palette.OBSTACLE.getRGB();
        int wall = Palette.WALL.getRGB();
        int[] row = new int[sx];
        for (int iy = 0; iy < sy; iy++) {
            for (int ix = 0; ix < sx; ix++) {
                if (!grid.isOccupied(ix, iy)) {
                    row[ix] = free;
                } else if (walls[ix * sy + iy]) {
                    row[ix] = wall;
                    found[1] = true;
                } else {
                    row[ix] = obstacle;
                    found[0] = true;
                }
            }
            img.setRGB(0, sy - 1 - iy, sx, 1, row, 0, sx);
        }
        return img;
    }

    /**
     * Which occupied cells are walls rather than obstacles. Run logs do not say, so walls are recognised
     * by shape: a straight run of at least {@link #WALL_RUN} occupied cells along x (or y) of which at
     * least 80 % are one cell thick (free on both sides across the run). This finds BARN's containment
     * walls and the thin walls of map_server maps, and not BARN's blob-shaped obstacles.
     *
     * @param grid the grid. Not modified.
     * @return mask indexed ix · sizeY + iy.
     */
    static boolean[] wallMask(OccupancyGrid grid) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        boolean[] mask = new boolean[sx * sy];
        for (int iy = 0; iy < sy; iy++) {
            int ix = 0;
            while (ix < sx) {
                if (!grid.isOccupied(ix, iy)) {
                    ix++;
                    continue;
                }
                int begin = ix;
                int thin = 0;
                while (ix < sx && grid.isOccupied(ix, iy)) {
                    if (!grid.isOccupied(ix, iy - 1) && !grid.isOccupied(ix, iy + 1)) {
                        thin++;
                    }
                    ix++;
                }
                if (ix - begin >= WALL_RUN && thin >= 0.8 * (ix - begin)) {
                    for (int k = begin; k < ix; k++) {
                        mask[k * sy + iy] = true;
                    }
                }
            }
        }
        for (int ix = 0; ix < sx; ix++) {
            int iy = 0;
            while (iy < sy) {
                if (!grid.isOccupied(ix, iy)) {
                    iy++;
                    continue;
                }
                int begin = iy;
                int thin = 0;
                while (iy < sy && grid.isOccupied(ix, iy)) {
                    if (!grid.isOccupied(ix - 1, iy) && !grid.isOccupied(ix + 1, iy)) {
                        thin++;
                    }
                    iy++;
                }
                if (iy - begin >= WALL_RUN && thin >= 0.8 * (iy - begin)) {
                    for (int k = begin; k < iy; k++) {
                        mask[ix * sy + k] = true;
                    }
                }
            }
        }
        return mask;
    }

    /**
     * Draws the true world's grid, or with {@code hidingTruth} only its extent, as free space (what the robot had
     * not seen is not drawn).
     */
    void drawGrid(Graphics2D g, boolean hidingTruth, Viewport view, MapArea area) {
        double res = grid.resolution();
        double left = view.toScreenX(grid.originX(), area);
        double top = view.toScreenY(grid.originY() + grid.sizeY() * res, area);
        double s = res * view.scale();
        if (hidingTruth) {
            // what the robot had not seen is not drawn: the grid's extent as free space
            g.setColor(Palette.FREE);
            g.fill(new java.awt.geom.Rectangle2D.Double(left, top, grid.sizeX() * s, grid.sizeY() * s));
            return;
        }
        drawCells(g, gridImage, left, top, s);
    }

    /** Draws an image of one pixel per cell with its top-left at (left, top) [px], s px per cell, unsmoothed. */
    private static void drawCells(Graphics2D g, BufferedImage cells, double left, double top, double s) {
        AffineTransform at = new AffineTransform(s, 0, 0, s, left, top);
        Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(cells, at, null);
        if (old != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
        }
    }

    /**
     * The occupied cells of a snapshot of the robot's map (none when it is null), each as its square in {@link Palette#KNOWN_MAP}, where the
     * robot put them (its odometry frame). The image of a snapshot (one pixel per cell, transparent where free) is
     * made once and kept until the snapshot changes.
     */
    void drawKnownMap(Graphics2D g, MapSnapshot m, Viewport view, MapArea area) {
        if (m == null) {
            return;
        }
        if (m != knownImageOf) {
            knownImage = knownImage(m);
            knownImageOf = m;
        }
        double res = m.resolution();
        double left = view.toScreenX(m.originX(), area);
        double top = view.toScreenY(m.originY() + m.sizeY() * res, area);
        drawCells(g, knownImage, left, top, res * view.scale());
    }

    /** One pixel per cell of a snapshot, row 0 = highest y: {@link Palette#KNOWN_MAP} where occupied, else clear. */
    static BufferedImage knownImage(MapSnapshot m) {
        int sx = m.sizeX();
        int sy = m.sizeY();
        BufferedImage img = new BufferedImage(sx, sy, BufferedImage.TYPE_INT_ARGB);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int colour = Palette.KNOWN_MAP.getRGB();
        for (int cell : m.occupied()) {
            int ix = cell / sy;
            int iy = cell % sy;
            px[(sy - 1 - iy) * sx + ix] = colour;
        }
        return img;
    }
}
