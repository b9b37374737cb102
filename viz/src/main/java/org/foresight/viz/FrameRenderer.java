package org.foresight.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.foresight.dynamics.log.MapSnapshot;
import org.foresight.dynamics.world.OccupancyGrid;

/**
 * Draws one frame of a run with Java2D: the map (free space, obstacles, walls), the guide path and
 * goal, the trail, the lidar rays, the sampled rollouts coloured by weight, the chosen plan, the moving
 * obstacles, the robot's footprint, a heads-up line and the side plots. A run in which the robot had to find out
 * for itself adds what it believed: the cells of its own map over the true world, and an outline of the pose its
 * odometry gave beside the true robot. Both are drawn where the robot put them, in its odometry frame, which is
 * the world frame at the start, so that the drift shows as their offset from the truth (the plan and the
 * rollouts are in that frame too). {@link #setRobotMapOnly} hides the true world's obstacles, leaving what the
 * robot had seen. Over the map go a legend (in
 * the corner that covers least of the robot, the goal and the path driven) and a scale bar, and, for a
 * live run that has ended, a banner saying so (see {@link #setBanner}). Legend and scale bar need text,
 * so they are left out where no font can be drawn.
 *
 * <p>The same code draws the window (into an image JavaFX shows without copying, see
 * {@link ReplayWindow}) and the PNG export, so a PNG is exactly what the window shows, and export needs
 * no display and no JavaFX toolkit. Static things are precomputed: the grid is an image with one pixel
 * per cell (scaled with nearest-neighbour sampling), the trail is thinned once, the plots are cached;
 * a frame draws only its own cycle's rollouts.
 *
 * <p>Not thread-safe: one renderer per view.
 */
public final class FrameRenderer {
    /** Trail points closer than this to the previous kept point are skipped [m]. */
    static final double TRAIL_SPACING = 0.02;
    /** At most this many lidar rays are drawn (every k-th beam); every hit point is drawn. */
    static final int MAX_RAYS = 180;
    /** Shortest straight run of thin occupied cells drawn as a wall [cells]. */
    static final int WALL_RUN = 12;

    private static final Stroke THIN = new BasicStroke(1.0f);
    private static final Stroke ROLLOUT = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke TRAIL = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke PLAN = new BasicStroke(3.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke GUIDE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);
    private static final Stroke EDGE = new BasicStroke(1.5f);
    /** 2.5 px: wide enough that, whatever the angle, some pixel along the outline is covered whole (exact colour). */
    private static final Stroke ESTIMATE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER);
    private static final Stroke LEGEND_ROLLOUT = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    /** Gap between an overlay (legend, scale bar) and the edge of the map [px]. */
    static final int OVERLAY_MARGIN = 8;
    /** Padding inside an overlay box [px]. */
    private static final int OVERLAY_PAD = 6;
    /** Width of a legend swatch [px]. */
    private static final int SWATCH = 26;
    /** Height of the banner of an ended live run [px]. */
    static final int BANNER_HEIGHT = 22;
    /** Thickness of the scale bar [px]; its end ticks rise {@link #SCALE_TICK} px above it. */
    static final int SCALE_THICKNESS = 3;
    private static final int SCALE_TICK = 5;

    /** What a legend line shows. */
    enum LegendItem {
        ROBOT("robot"),
        ESTIMATE("estimated pose"),
        TRAIL("trail (path driven)"),
        PLAN("chosen plan"),
        ROLLOUTS("rollouts, weight low \u2192 high"),
        GUIDE("reference path"),
        GOAL("goal"),
        OBSTACLE("obstacle"),
        WALL("wall"),
        KNOWN_MAP("robot's map"),
        MOVING("moving obstacle"),
        LIDAR("lidar hits");

        final String label;

        LegendItem(String label) {
            this.label = label;
        }
    }

    private final ReplayData data;
    private final BufferedImage gridImage;
    private final PlotPanel plots;
    private int[] trail = new int[64];
    private int trailCount;
    private int trailScanned;
    private boolean textOk = true;
    private final boolean hasObstacleCells;
    private final boolean hasWallCells;
    private int featuresScanned;
    private boolean hasPlan;
    private boolean hasRollouts;
    private boolean hasScan;
    private boolean hasMovers;
    private boolean hasEstimate;
    private boolean robotMapOnly;
    /** The snapshot {@link #knownImage} shows, or null. */
    private MapSnapshot knownImageOf;
    private BufferedImage knownImage;
    private String bannerText;
    private boolean bannerGood;
    private Rectangle legendBounds;
    private Rectangle scaleBounds;
    private double scaleMetres = Double.NaN;
    private java.util.List<LegendItem> legendItems = java.util.List.of();

    /**
     * Precomputes the static layers of a run.
     *
     * @param data the run. Not modified.
     */
    public FrameRenderer(ReplayData data) {
        this.data = data;
        boolean[] found = new boolean[2];
        this.gridImage = gridImage(data.grid, found);
        this.hasObstacleCells = found[0];
        this.hasWallCells = found[1];
        this.plots = new PlotPanel(data);
    }

    /**
     * Sets the banner drawn across the top of the map (e.g. "run over: success — close the window to
     * exit"), or removes it.
     *
     * @param text the text, or null for no banner.
     * @param good whether the news is good (green banner) or not (red banner).
     */
    public void setBanner(String text, boolean good) {
        this.bannerText = text;
        this.bannerGood = good;
    }

    /**
     * Hides what the robot had not seen: draws its own map (when the run has one) instead of the true world's
     * obstacles and walls. A run in which the robot was given the map is drawn as it is.
     *
     * @param on whether to draw only the robot's map.
     */
    public void setRobotMapOnly(boolean on) {
        this.robotMapOnly = on;
    }

    /** Whether only the robot's map is drawn (see {@link #setRobotMapOnly}). */
    public boolean robotMapOnly() {
        return robotMapOnly;
    }

    /** Whether the true world's obstacles are hidden in this frame: robot's map only, and the run has one. */
    private boolean hidingTruth() {
        return robotMapOnly && data.hasKnownMap();
    }

    /** The banner text, or null. */
    public String banner() {
        return bannerText;
    }

    /** Where the legend went in the last frame (frame pixels), or null when it was left out. */
    Rectangle legendBounds() {
        return legendBounds == null ? null : new Rectangle(legendBounds);
    }

    /** Where the scale bar's box went in the last frame (frame pixels), or null when it was left out. */
    Rectangle scaleBounds() {
        return scaleBounds == null ? null : new Rectangle(scaleBounds);
    }

    /** Length the scale bar of the last frame stands for [m]; NaN when it was left out. */
    double scaleMetres() {
        return scaleMetres;
    }

    /** The legend lines of the last frame, top to bottom (empty when it was left out). */
    java.util.List<LegendItem> legendItems() {
        return legendItems;
    }

    /** Draws no text from now on, as on a machine without fonts (for tests). */
    void disableText() {
        textOk = false;
    }

    /** The run drawn. */
    public ReplayData data() {
        return data;
    }

    /**
     * A viewport showing the whole world (grid, start, goal) in a frame of the given size.
     *
     * @param width  frame width [px].
     * @param height frame height [px].
     * @return the viewport.
     */
    public Viewport fitView(int width, int height) {
        OccupancyGrid g = data.grid;
        double minX = Math.min(g.originX(), Math.min(data.startX, data.goalX) - 1.0);
        double minY = Math.min(g.originY(), Math.min(data.startY, data.goalY) - 1.0);
        double maxX = Math.max(g.originX() + g.sizeX() * g.resolution(), Math.max(data.startX, data.goalX) + 1.0);
        double maxY = Math.max(g.originY() + g.sizeY() * g.resolution(), Math.max(data.startY, data.goalY) + 1.0);
        Viewport v = new Viewport();
        v.fit(minX, minY, maxX, maxY, FrameLayout.of(width, height).map());
        return v;
    }

    /**
     * Renders a frame into a new image.
     *
     * @param cycle  the cycle to show (clamped to the run).
     * @param width  width [px].
     * @param height height [px].
     * @param view   the camera; null fits the whole world.
     * @return an sRGB image (TYPE_INT_ARGB_PRE).
     */
    public BufferedImage render(int cycle, int width, int height, Viewport view) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            render(g, width, height, cycle, view == null ? fitView(width, height) : view);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Renders a frame.
     *
     * @param g      where to draw (its transform is the identity; pixel units).
     * @param width  frame width [px].
     * @param height frame height [px].
     * @param cycle  the cycle to show (clamped to the run).
     * @param view   the camera; when it follows the robot it is re-centred on the robot (Modified).
     */
    public void render(Graphics2D g, int width, int height, int cycle, Viewport view) {
        FrameLayout layout = FrameLayout.of(width, height);
        MapArea area = layout.map();
        int n = data.cycles();
        int c = n == 0 ? -1 : Math.max(0, Math.min(n - 1, cycle));
        if (c >= 0 && view.follow()) {
            view.centerOn(data.x(c), data.y(c));
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);

        java.awt.Shape clip = g.getClip();
        g.clipRect(area.x(), area.y(), area.width(), area.height());
        g.setColor(Palette.OUTSIDE);
        g.fillRect(area.x(), area.y(), area.width(), area.height());
        drawGrid(g, view, area);
        if (c >= 0) {
            drawKnownMap(g, c, view, area);
        }
        drawGuide(g, view, area);
        drawGoal(g, view, area);
        if (c >= 0) {
            drawTrail(g, c, view, area);
            drawScan(g, c, view, area);
            drawRollouts(g, c, view, area);
            drawPolyline(g, data.plan(c), view, area, Palette.PLAN, PLAN);
            drawMovingObstacles(g, c, view, area);
            drawRobot(g, data.x(c), data.y(c), data.theta(c), view, area);
            drawEstimate(g, c, view, area);
        } else {
            drawRobot(g, data.startX, data.startY, 0.0, view, area);
        }
        int top = drawBanner(g, area);
        drawOverlays(g, area, top, view, c);
        g.setClip(clip);
        drawHud(g, layout, c);
        if (layout.hasPlots()) {
            plots.draw(g, layout.plotX(), layout.map().y(), layout.plotWidth(), layout.map().height(),
                    c >= 0 ? data.time(c) : 0.0, textOk);
        }
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

    private void drawGrid(Graphics2D g, Viewport view, MapArea area) {
        OccupancyGrid grid = data.grid;
        double res = grid.resolution();
        double left = view.toScreenX(grid.originX(), area);
        double top = view.toScreenY(grid.originY() + grid.sizeY() * res, area);
        double s = res * view.scale();
        if (hidingTruth()) {
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
     * The occupied cells of the robot's map at cycle c, each as its square in {@link Palette#KNOWN_MAP}, where the
     * robot put them (its odometry frame). The image of a snapshot (one pixel per cell, transparent where free) is
     * made once and kept until the snapshot changes.
     */
    private void drawKnownMap(Graphics2D g, int c, Viewport view, MapArea area) {
        MapSnapshot m = data.knownMapAt(c);
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

    private void drawGuide(Graphics2D g, Viewport view, MapArea area) {
        double[] p = data.referencePath;
        if (p.length < 4) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(view.toScreenX(p[0], area), view.toScreenY(p[1], area));
        for (int i = 2; i + 1 < p.length; i += 2) {
            path.lineTo(view.toScreenX(p[i], area), view.toScreenY(p[i + 1], area));
        }
        g.setColor(Palette.GUIDE);
        g.setStroke(GUIDE);
        g.draw(path);
    }

    private void drawGoal(Graphics2D g, Viewport view, MapArea area) {
        double gx = view.toScreenX(data.goalX, area);
        double gy = view.toScreenY(data.goalY, area);
        double r = data.goalTolerance * view.scale();
        g.setColor(Palette.GOAL_ZONE);
        g.fill(new Ellipse2D.Double(gx - r, gy - r, 2 * r, 2 * r));
        g.setColor(Palette.GOAL);
        g.setStroke(EDGE);
        g.draw(new Ellipse2D.Double(gx - r, gy - r, 2 * r, 2 * r));
        double m = 6;
        g.draw(new Line2D.Double(gx - m, gy - m, gx + m, gy + m));
        g.draw(new Line2D.Double(gx - m, gy + m, gx + m, gy - m));
    }

    /** Extends the thinned trail index to cover all cycles so far (live runs grow). */
    private void updateTrail() {
        int n = data.cycles();
        for (int c = trailScanned; c < n; c++) {
            if (!Double.isFinite(data.x(c)) || !Double.isFinite(data.y(c))) {
                continue;
            }
            if (trailCount > 0) {
                int last = trail[trailCount - 1];
                if (Math.hypot(data.x(c) - data.x(last), data.y(c) - data.y(last)) < TRAIL_SPACING) {
                    continue;
                }
            }
            if (trailCount == trail.length) {
                trail = Arrays.copyOf(trail, 2 * trail.length);
            }
            trail[trailCount++] = c;
        }
        trailScanned = n;
    }

    private void drawTrail(Graphics2D g, int c, Viewport view, MapArea area) {
        updateTrail();
        Path2D.Double path = new Path2D.Double();
        boolean any = false;
        for (int i = 0; i < trailCount && trail[i] <= c; i++) {
            int k = trail[i];
            double px = view.toScreenX(data.x(k), area);
            double py = view.toScreenY(data.y(k), area);
            if (!any) {
                path.moveTo(px, py);
                any = true;
            } else {
                path.lineTo(px, py);
            }
        }
        if (any) {
            path.lineTo(view.toScreenX(data.x(c), area), view.toScreenY(data.y(c), area));
            g.setColor(Palette.TRAIL);
            g.setStroke(TRAIL);
            g.draw(path);
        }
    }

    private void drawScan(Graphics2D g, int c, Viewport view, MapArea area) {
        float[] ranges = data.scan(c);
        if (ranges == null || ranges.length == 0 || !Double.isFinite(data.lidarAngleMin)) {
            return;
        }
        // the beams start at the lidar: lidarOffset along the heading from the true centre
        double th = data.theta(c);
        double off = Double.isFinite(data.lidarOffset) ? data.lidarOffset : 0.0;
        double x = data.x(c) + off * Math.cos(th);
        double y = data.y(c) + off * Math.sin(th);
        double ox = view.toScreenX(x, area);
        double oy = view.toScreenY(y, area);
        int every = Math.max(1, (ranges.length + MAX_RAYS - 1) / MAX_RAYS);
        double noReturn = Double.isFinite(data.lidarMaxRange) ? data.lidarMaxRange * (1 - 1e-6) : Double.POSITIVE_INFINITY;
        Path2D.Double rays = new Path2D.Double();
        Path2D.Double hits = new Path2D.Double();
        for (int i = 0; i < ranges.length; i++) {
            double r = ranges[i];
            if (!Double.isFinite(r) || r <= 0) {
                continue;
            }
            double a = th + data.lidarAngleMin + i * data.lidarAngleIncrement;
            double hx = view.toScreenX(x + r * Math.cos(a), area);
            double hy = view.toScreenY(y + r * Math.sin(a), area);
            if (i % every == 0) {
                rays.moveTo(ox, oy);
                rays.lineTo(hx, hy);
            }
            if (r >= noReturn) {
                continue; // nothing was hit along this beam
            }
            // 2×2 px squares on whole pixels, so hits keep their exact colour under antialiasing
            hits.append(new java.awt.Rectangle((int) Math.round(hx) - 1, (int) Math.round(hy) - 1, 2, 2), false);
        }
        g.setStroke(THIN);
        g.setColor(Palette.LIDAR_RAY);
        g.draw(rays);
        g.setColor(Palette.LIDAR_HIT);
        g.fill(hits);
    }

    private void drawRollouts(Graphics2D g, int c, Viewport view, MapArea area) {
        float[][] rollouts = data.rollouts(c);
        float[] weights = data.rolloutWeights(c);
        int k = rollouts.length;
        if (k == 0) {
            return;
        }
        double wMax = 0;
        for (float w : weights) {
            if (Float.isFinite(w)) {
                wMax = Math.max(wMax, w);
            }
        }
        // Least weighted first, so that the rollouts the planner favoured are drawn on top.
        long[] keyed = new long[k];
        for (int i = 0; i < k; i++) {
            float w = i < weights.length && Float.isFinite(weights[i]) ? Math.max(0f, weights[i]) : 0f;
            keyed[i] = ((long) Float.floatToIntBits(w) << 32) | i;
        }
        Arrays.sort(keyed);
        g.setStroke(ROLLOUT);
        for (long key : keyed) {
            int i = (int) (key & 0xFFFFFFFFL);
            double w = Float.intBitsToFloat((int) (key >>> 32));
            drawPolyline(g, rollouts[i], view, area, Palette.rollout(wMax > 0 ? w / wMax : 0.0), null);
        }
    }

    private static void drawPolyline(Graphics2D g, float[] xy, Viewport view, MapArea area, Color color, Stroke stroke) {
        if (xy.length < 4) {
            return;
        }
        Path2D.Float path = new Path2D.Float(Path2D.WIND_NON_ZERO, xy.length / 2);
        path.moveTo(view.toScreenX(xy[0], area), view.toScreenY(xy[1], area));
        for (int i = 2; i + 1 < xy.length; i += 2) {
            path.lineTo(view.toScreenX(xy[i], area), view.toScreenY(xy[i + 1], area));
        }
        g.setColor(color);
        if (stroke != null) {
            g.setStroke(stroke);
        }
        g.draw(path);
    }

    private void drawMovingObstacles(Graphics2D g, int c, Viewport view, MapArea area) {
        double[] o = data.obstacles(c);
        g.setStroke(EDGE);
        for (int i = 0; i + 2 < o.length; i += 3) {
            double px = view.toScreenX(o[i], area);
            double py = view.toScreenY(o[i + 1], area);
            double r = o[i + 2] * view.scale();
            Ellipse2D.Double disc = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            g.setColor(Palette.MOVING);
            g.fill(disc);
            g.setColor(Palette.MOVING.darker());
            g.draw(disc);
        }
    }

    /**
     * The footprint rectangle, corners at (±L/2, ±W/2) rotated by θ:
     * p = (x, y) + R(θ)·(±L/2, ±W/2), R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]];
     * a triangle inside the front edge marks the heading.
     */
    private void drawRobot(Graphics2D g, double x, double y, double theta, Viewport view, MapArea area) {
        double hl = 0.5 * data.footprint.length();
        double hw = 0.5 * data.footprint.width();
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double[][] corners = {{hl, hw}, {-hl, hw}, {-hl, -hw}, {hl, -hw}};
        Path2D.Double body = new Path2D.Double();
        for (int i = 0; i < 4; i++) {
            double wx = x + cos * corners[i][0] - sin * corners[i][1];
            double wy = y + sin * corners[i][0] + cos * corners[i][1];
            double px = view.toScreenX(wx, area);
            double py = view.toScreenY(wy, area);
            if (i == 0) {
                body.moveTo(px, py);
            } else {
                body.lineTo(px, py);
            }
        }
        body.closePath();
        g.setColor(Palette.ROBOT);
        g.fill(body);
        g.setColor(Palette.ROBOT_EDGE);
        g.setStroke(EDGE);
        g.draw(body);
        // Heading mark: from 0.55·L/2 to the front edge, so the centre keeps the body colour.
        double[][] tri = {{hl, 0}, {0.55 * hl, 0.6 * hw}, {0.55 * hl, -0.6 * hw}};
        Path2D.Double mark = new Path2D.Double();
        for (int i = 0; i < 3; i++) {
            double wx = x + cos * tri[i][0] - sin * tri[i][1];
            double wy = y + sin * tri[i][0] + cos * tri[i][1];
            if (i == 0) {
                mark.moveTo(view.toScreenX(wx, area), view.toScreenY(wy, area));
            } else {
                mark.lineTo(view.toScreenX(wx, area), view.toScreenY(wy, area));
            }
        }
        mark.closePath();
        g.fill(mark);
    }

    /**
     * The pose the robot believed it had (its odometry) at cycle c, as an unfilled outline of the footprint,
     * p = (x̂, ŷ) + R(θ̂)·(±L/2, ±W/2), with a tick from 0.55·L/2 to the front edge marking its heading, so that
     * the true robot shows through where they overlap.
     */
    private void drawEstimate(Graphics2D g, int c, Viewport view, MapArea area) {
        double[] e = data.estimate(c);
        if (e == null || e.length < 3 || !Double.isFinite(e[0]) || !Double.isFinite(e[1]) || !Double.isFinite(e[2])) {
            return;
        }
        double hl = 0.5 * data.footprint.length();
        double hw = 0.5 * data.footprint.width();
        double cos = Math.cos(e[2]);
        double sin = Math.sin(e[2]);
        double[][] corners = {{hl, hw}, {-hl, hw}, {-hl, -hw}, {hl, -hw}};
        Path2D.Double outline = new Path2D.Double();
        for (int i = 0; i < 4; i++) {
            double px = view.toScreenX(e[0] + cos * corners[i][0] - sin * corners[i][1], area);
            double py = view.toScreenY(e[1] + sin * corners[i][0] + cos * corners[i][1], area);
            if (i == 0) {
                outline.moveTo(px, py);
            } else {
                outline.lineTo(px, py);
            }
        }
        outline.closePath();
        outline.moveTo(view.toScreenX(e[0] + cos * 0.55 * hl, area), view.toScreenY(e[1] + sin * 0.55 * hl, area));
        outline.lineTo(view.toScreenX(e[0] + cos * hl, area), view.toScreenY(e[1] + sin * hl, area));
        g.setColor(Palette.ESTIMATE);
        g.setStroke(ESTIMATE);
        g.draw(outline);
    }

    /**
     * Draws the banner (if any) across the top of the map.
     *
     * @return the top of the map below the banner [px].
     */
    private int drawBanner(Graphics2D g, MapArea area) {
        if (bannerText == null || area.height() < 4 * BANNER_HEIGHT) {
            return area.y();
        }
        g.setColor(bannerGood ? Palette.BANNER_SUCCESS : Palette.BANNER_FAILURE);
        g.fillRect(area.x(), area.y(), area.width(), BANNER_HEIGHT);
        if (textOk) {
            try {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.setColor(Palette.BANNER_TEXT);
                g.drawString(bannerText, area.x() + 8, area.y() + BANNER_HEIGHT - 6);
            } catch (RuntimeException | Error e) {
                textOk = false;
            }
        }
        return area.y() + BANNER_HEIGHT;
    }

    /** Brings the "present anywhere in the run so far" flags of the legend up to date (live runs grow). */
    private void updateFeatures() {
        int n = data.cycles();
        for (int c = featuresScanned; c < n; c++) {
            hasPlan |= data.plan(c).length >= 4;
            hasRollouts |= data.rollouts(c).length > 0;
            float[] scan = data.scan(c);
            hasScan |= scan != null && scan.length > 0 && Double.isFinite(data.lidarAngleMin);
            hasMovers |= data.obstacles(c).length >= 3;
            hasEstimate |= data.estimate(c) != null;
        }
        featuresScanned = n;
    }

    /**
     * Draws the legend and the scale bar over the map, below {@code top}. Both need text, so both are
     * left out when no font can be drawn, and each is left out when it does not fit.
     */
    private void drawOverlays(Graphics2D g, MapArea area, int top, Viewport view, int c) {
        legendBounds = null;
        scaleBounds = null;
        scaleMetres = Double.NaN;
        legendItems = java.util.List.of();
        if (!textOk) {
            return;
        }
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            int bottom = area.y() + area.height();
            Rectangle legend = drawLegend(g, fm, area, top, bottom, view, c);
            drawScaleBar(g, fm, area, top, bottom, view, legend);
        } catch (RuntimeException | Error e) {
            // A machine without any font (fontconfig finds none) cannot draw text; draw the rest.
            textOk = false;
        }
    }

    private Rectangle drawLegend(Graphics2D g, FontMetrics fm, MapArea area, int top, int bottom, Viewport view,
                                 int c) {
        updateFeatures();
        java.util.List<LegendItem> items = new java.util.ArrayList<>();
        items.add(LegendItem.ROBOT);
        if (hasEstimate) {
            items.add(LegendItem.ESTIMATE);
        }
        items.add(LegendItem.TRAIL);
        if (hasPlan) {
            items.add(LegendItem.PLAN);
        }
        if (hasRollouts) {
            items.add(LegendItem.ROLLOUTS);
        }
        if (data.referencePath.length >= 4) {
            items.add(LegendItem.GUIDE);
        }
        items.add(LegendItem.GOAL);
        if (hasObstacleCells && !hidingTruth()) {
            items.add(LegendItem.OBSTACLE);
        }
        if (hasWallCells && !hidingTruth()) {
            items.add(LegendItem.WALL);
        }
        if (data.hasKnownMap()) {
            items.add(LegendItem.KNOWN_MAP);
        }
        if (hasMovers) {
            items.add(LegendItem.MOVING);
        }
        if (hasScan) {
            items.add(LegendItem.LIDAR);
        }
        int lineH = Math.max(15, fm.getHeight() + 1);
        int textW = 0;
        for (LegendItem it : items) {
            textW = Math.max(textW, fm.stringWidth(it.label));
        }
        int w = OVERLAY_PAD + SWATCH + 6 + textW + OVERLAY_PAD;
        int h = 2 * OVERLAY_PAD + items.size() * lineH - 2;
        if (w > area.width() / 2 || h > 0.6 * (bottom - top)) {
            return null;
        }
        Rectangle box = legendCorner(area, top, bottom, w, h, view, c);
        drawBox(g, box);
        int ascentMid = (fm.getAscent() - fm.getDescent()) / 2;
        for (int i = 0; i < items.size(); i++) {
            int cy = box.y + OVERLAY_PAD + i * lineH + lineH / 2 - 1;
            int sx = box.x + OVERLAY_PAD;
            drawSwatch(g, items.get(i), sx, cy);
            g.setColor(Palette.OVERLAY_TEXT);
            g.drawString(items.get(i).label, sx + SWATCH + 6, cy + ascentMid);
        }
        legendBounds = box;
        legendItems = java.util.List.copyOf(items);
        return box;
    }

    /**
     * The legend's corner: of top-right, top-left, bottom-right, bottom-left (in this order of preference),
     * the first with the lowest cost, where the cost counts the robot (it must stay visible), the goal and
     * start, and the points of the path driven over the whole run so far that the box would cover. When
     * the view follows the robot only the robot counts, so the legend does not wander while the map pans.
     */
    private Rectangle legendCorner(MapArea area, int top, int bottom, int w, int h, Viewport view, int c) {
        int left = area.x() + OVERLAY_MARGIN;
        int right = area.x() + area.width() - OVERLAY_MARGIN - w;
        int upper = top + OVERLAY_MARGIN;
        int lower = bottom - OVERLAY_MARGIN - h;
        Rectangle[] corners = {new Rectangle(right, upper, w, h), new Rectangle(left, upper, w, h),
            new Rectangle(right, lower, w, h), new Rectangle(left, lower, w, h)};
        double rx = c >= 0 ? data.x(c) : data.startX;
        double ry = c >= 0 ? data.y(c) : data.startY;
        double robotPx = 0.5 * Math.hypot(data.footprint.length(), data.footprint.width()) * view.scale() + 4;
        double goalPx = data.goalTolerance * view.scale();
        if (c >= 0) {
            updateTrail();
        }
        Rectangle best = corners[0];
        long bestCost = Long.MAX_VALUE;
        for (Rectangle r : corners) {
            long cost = 0;
            if (near(r, view.toScreenX(rx, area), view.toScreenY(ry, area), robotPx)) {
                cost += 1_000_000;
            }
            if (!view.follow()) {
                if (near(r, view.toScreenX(data.goalX, area), view.toScreenY(data.goalY, area), goalPx)) {
                    cost += 1_000;
                }
                if (near(r, view.toScreenX(data.startX, area), view.toScreenY(data.startY, area), 0)) {
                    cost += 1_000;
                }
                for (int i = 0; i < trailCount; i++) {
                    int k = trail[i];
                    if (r.contains(view.toScreenX(data.x(k), area), view.toScreenY(data.y(k), area))) {
                        cost++;
                    }
                }
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = r;
            }
        }
        return best;
    }

    /** Whether a disc of radius r [px] around (px, py) touches a rectangle. */
    private static boolean near(Rectangle box, double px, double py, double r) {
        double dx = Math.max(box.x - px, Math.max(0, px - (box.x + box.width)));
        double dy = Math.max(box.y - py, Math.max(0, py - (box.y + box.height)));
        return dx * dx + dy * dy <= r * r;
    }

    private static void drawBox(Graphics2D g, Rectangle box) {
        g.setColor(Palette.OVERLAY_BG);
        g.fillRect(box.x, box.y, box.width, box.height);
        g.setColor(Palette.OVERLAY_EDGE);
        g.setStroke(THIN);
        // on pixel centres: a crisp 1 px frame inside the box (the renderer strokes pure geometry)
        g.draw(new java.awt.geom.Rectangle2D.Double(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1));
    }

    /** Draws a legend swatch, {@link #SWATCH} px wide from x, centred on y, in the style of the map. */
    private static void drawSwatch(Graphics2D g, LegendItem item, int x, int y) {
        switch (item) {
            case ROBOT -> {
                Rectangle body = new Rectangle(x + 7, y - 5, 12, 10);
                g.setColor(Palette.ROBOT);
                g.fill(body);
                g.setColor(Palette.ROBOT_EDGE);
                g.setStroke(THIN);
                g.draw(body);
            }
            case TRAIL -> swatchLine(g, x, y, Palette.TRAIL, TRAIL);
            case PLAN -> swatchLine(g, x, y, Palette.PLAN, PLAN);
            case GUIDE -> swatchLine(g, x, y, Palette.GUIDE, GUIDE);
            case ROLLOUTS -> {
                int parts = 5;
                double step = (double) SWATCH / parts;
                g.setStroke(LEGEND_ROLLOUT);
                for (int j = 0; j < parts; j++) {
                    g.setColor(Palette.rollout(j / (parts - 1.0)));
                    g.draw(new Line2D.Double(x + j * step, y, x + (j + 1) * step, y));
                }
            }
            case GOAL -> {
                Ellipse2D.Double disc = new Ellipse2D.Double(x + SWATCH / 2.0 - 6, y - 6, 12, 12);
                g.setColor(Palette.GOAL_ZONE);
                g.fill(disc);
                g.setColor(Palette.GOAL);
                g.setStroke(THIN);
                g.draw(disc);
            }
            case OBSTACLE -> {
                g.setColor(Palette.OBSTACLE);
                g.fillRect(x + 8, y - 5, 10, 10);
            }
            case WALL -> {
                g.setColor(Palette.WALL);
                g.fillRect(x + 1, y - 2, SWATCH - 2, 4);
            }
            case ESTIMATE -> {
                g.setColor(Palette.ESTIMATE);
                g.setStroke(ESTIMATE);
                g.draw(new java.awt.geom.Rectangle2D.Double(x + 7, y - 5, 12, 10));
            }
            case KNOWN_MAP -> {
                // a few map cells along an obstacle's face, over the obstacle's grey
                g.setColor(Palette.OBSTACLE);
                g.fillRect(x + 8, y - 5, 10, 10);
                g.setColor(Palette.KNOWN_MAP);
                g.fillRect(x + 5, y - 5, 3, 10);
                g.fillRect(x + 8, y + 2, 10, 3);
            }
            case MOVING -> {
                Ellipse2D.Double disc = new Ellipse2D.Double(x + SWATCH / 2.0 - 5, y - 5, 10, 10);
                g.setColor(Palette.MOVING);
                g.fill(disc);
                g.setColor(Palette.MOVING.darker());
                g.setStroke(THIN);
                g.draw(disc);
            }
            case LIDAR -> {
                g.setColor(Palette.LIDAR_RAY);
                g.setStroke(THIN);
                g.draw(new Line2D.Double(x, y + 4, x + SWATCH, y - 4));
                g.setColor(Palette.LIDAR_HIT);
                for (int j = 0; j < 4; j++) {
                    g.fillRect(x + 3 + 6 * j, y - 1 + (j % 2) * 2, 2, 2);
                }
            }
            default -> throw new IllegalStateException(item.toString());
        }
    }

    private static void swatchLine(Graphics2D g, int x, int y, Color color, Stroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(new Line2D.Double(x + 2, y, x + SWATCH - 2, y));
    }

    /**
     * The scale bar: a round length L ∈ {1, 2, 5}·10^k m, the longest with L · scale ≤ map width / 6, drawn
     * as a bar exactly round(L · scale) px long with its length written above, in a bottom corner (left
     * unless the legend is there).
     */
    private void drawScaleBar(Graphics2D g, FontMetrics fm, MapArea area, int top, int bottom, Viewport view,
                              Rectangle legend) {
        double metres = roundLength(area.width() / 6.0 / view.scale());
        int len = (int) Math.round(metres * view.scale());
        String label = lengthLabel(metres);
        int w = Math.max(len, fm.stringWidth(label)) + 2 * OVERLAY_PAD;
        int h = OVERLAY_PAD + fm.getAscent() + 3 + SCALE_TICK + SCALE_THICKNESS + OVERLAY_PAD;
        if (len < 8 || w > area.width() / 2 || h > (bottom - top) / 3) {
            return;
        }
        int y = bottom - OVERLAY_MARGIN - h;
        Rectangle box = new Rectangle(area.x() + OVERLAY_MARGIN, y, w, h);
        if (legend != null && box.intersects(legend)) {
            box = new Rectangle(area.x() + area.width() - OVERLAY_MARGIN - w, y, w, h);
            if (box.intersects(legend)) {
                return;
            }
        }
        drawBox(g, box);
        int x0 = box.x + (box.width - len) / 2;
        int barY = box.y + box.height - OVERLAY_PAD - SCALE_THICKNESS;
        g.setColor(Palette.SCALE_BAR);
        g.fillRect(x0, barY, len, SCALE_THICKNESS);
        g.fillRect(x0, barY - SCALE_TICK, 2, SCALE_TICK);
        g.fillRect(x0 + len - 2, barY - SCALE_TICK, 2, SCALE_TICK);
        g.drawString(label, box.x + (box.width - fm.stringWidth(label)) / 2, barY - SCALE_TICK - 3);
        scaleBounds = box;
        scaleMetres = metres;
    }

    /**
     * The longest round length not above a limit: L = m · 10^k with m ∈ {1, 2, 5} and L ≤ limit.
     *
     * @param limit the limit [m], &gt; 0.
     * @return L [m].
     */
    static double roundLength(double limit) {
        double p = Math.pow(10, Math.floor(Math.log10(limit)));
        // guard the decade boundary against rounding in log10
        if (p > limit) {
            p /= 10;
        } else if (10 * p <= limit) {
            p *= 10;
        }
        double m = limit >= 5 * p ? 5 : limit >= 2 * p ? 2 : 1;
        return m * p;
    }

    /** "1 m", "20 m", "50 cm", "5 mm": a round length in the unit that keeps it a whole number. */
    static String lengthLabel(double metres) {
        if (metres >= 1) {
            return String.format(Locale.ROOT, "%.0f m", metres);
        }
        if (metres >= 0.01) {
            return String.format(Locale.ROOT, "%.0f cm", metres * 100);
        }
        return String.format(Locale.ROOT, "%.0f mm", metres * 1000);
    }

    /**
     * The heads-up line for a cycle (also used as the window's accessible text). With a state estimate it says how
     * far the robot's belief was from the truth: "odom err" |(x̂, ŷ) − (x, y)| [cm].
     */
    public String hudText(int c) {
        if (c < 0 || c >= data.cycles()) {
            return String.format(Locale.ROOT, "%s   no cycles yet   outcome %s", data.worldName, data.outcome());
        }
        double err = estimateError(c);
        return String.format(Locale.ROOT,
                "t %7.2f s   v %5.2f m/s   \u03c9 %5.2f rad/s   mode %s   status %s   plan %s%s   outcome %s   cycle %d/%d   %s",
                data.time(c), data.v(c), data.omega(c), data.mode(c), data.status(c),
                // NaN: the planner was still busy with an earlier plan (charged latency), none started this cycle
                Double.isFinite(data.planMs(c)) ? String.format(Locale.ROOT, "%.1f ms", data.planMs(c)) : "in flight",
                Double.isNaN(err) ? "" : String.format(Locale.ROOT, "   odom err %.1f cm", 100 * err),
                data.outcome(), c + 1, data.cycles(), data.worldName);
    }

    /**
     * How far the robot's position estimate was from the true position in cycle c: |(x̂, ŷ) − (x, y)| [m].
     *
     * @param c the cycle.
     * @return the distance [m], or NaN when the robot was given the true state.
     */
    double estimateError(int c) {
        double[] e = data.estimate(c);
        if (e == null || e.length < 2) {
            return Double.NaN;
        }
        return Math.hypot(e[0] - data.x(c), e[1] - data.y(c));
    }

    private void drawHud(Graphics2D g, FrameLayout layout, int c) {
        g.setColor(Palette.HUD_BG);
        g.fillRect(0, 0, layout.width(), layout.hudHeight());
        if (!textOk) {
            return;
        }
        try {
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
            g.setColor(Palette.HUD_TEXT);
            g.drawString(hudText(c), 8, layout.hudHeight() - 7);
        } catch (RuntimeException | Error e) {
            // A machine without any font (fontconfig finds none) cannot draw text; draw the rest.
            textOk = false;
        }
    }
}
