package org.foresight.viz;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
 * <p>This class lays out the frame and draws the banner; the parts are drawn by {@link MapCells} (grid, walls,
 * the robot's map), {@link Trail}, {@link MapLayers} (everything else on the map), {@link MapLegend},
 * {@link ScaleBar}, {@link Hud} and {@link PlotPanel}.
 *
 * <p>Not thread-safe: one renderer per view.
 */
public final class FrameRenderer {
    /** Height of the banner of an ended live run [px]. */
    static final int BANNER_HEIGHT = 22;
    /** Thickness of the scale bar [px] (see {@link ScaleBar#THICKNESS}). */
    static final int SCALE_THICKNESS = ScaleBar.THICKNESS;

    /** What a legend line shows. */
    enum LegendItem {
        ROBOT("robot"),
        ESTIMATE("estimated pose"),
        TRAIL("trail (path driven)"),
        PLAN("chosen plan"),
        ROLLOUTS("rollouts, weight low \u2192 high"),
        GUIDE("guide path"),
        GOAL("goal"),
        OBSTACLE("obstacle"),
        WALL("wall"),
        KNOWN_MAP("robot's map"),
        MOVING("moving obstacle"),
        TRACK("track, predicted 2.8 s"),
        LIDAR("lidar hits");

        final String label;

        LegendItem(String label) {
            this.label = label;
        }
    }

    private final ReplayData data;
    private final MapCells cells;
    private final Trail trail;
    private final MapLayers layers;
    private final MapLegend legend;
    private final ScaleBar scaleBar;
    private final Hud hud;
    private final PlotPanel plots;
    private boolean textOk = true;
    private boolean robotMapOnly;
    private String bannerText;
    private boolean bannerGood;

    /**
     * Precomputes the static layers of a run.
     *
     * @param data the run. Not modified.
     */
    public FrameRenderer(ReplayData data) {
        this.data = data;
        this.cells = new MapCells(data.grid);
        this.trail = new Trail(data);
        this.layers = new MapLayers(data);
        this.legend = new MapLegend(data, trail, cells);
        this.scaleBar = new ScaleBar();
        this.hud = new Hud(data);
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
        Rectangle legendBounds = legend.bounds();
        return legendBounds == null ? null : new Rectangle(legendBounds);
    }

    /** Where the scale bar's box went in the last frame (frame pixels), or null when it was left out. */
    Rectangle scaleBounds() {
        Rectangle scaleBounds = scaleBar.bounds();
        return scaleBounds == null ? null : new Rectangle(scaleBounds);
    }

    /** Length the scale bar of the last frame stands for [m]; NaN when it was left out. */
    double scaleMetres() {
        return scaleBar.metres();
    }

    /** The legend lines of the last frame, top to bottom (empty when it was left out). */
    java.util.List<LegendItem> legendItems() {
        return legend.items();
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
        cells.drawGrid(g, hidingTruth(), view, area);
        if (c >= 0) {
            cells.drawKnownMap(g, data.knownMapAt(c), view, area);
        }
        layers.drawGuide(g, c, view, area);
        layers.drawGoal(g, view, area);
        if (c >= 0) {
            trail.draw(g, c, view, area);
            layers.drawScan(g, c, view, area);
            layers.drawRollouts(g, c, view, area);
            MapLayers.drawPolyline(g, data.plan(c), view, area, Palette.PLAN, MapLayers.PLAN);
            layers.drawMovingObstacles(g, c, view, area);
            layers.drawTracks(g, c, view, area);
            layers.drawRobot(g, data.x(c), data.y(c), data.theta(c), view, area);
            layers.drawEstimate(g, c, view, area);
        } else {
            layers.drawRobot(g, data.startX, data.startY, 0.0, view, area);
        }
        int top = drawBanner(g, area);
        drawOverlays(g, area, top, view, c);
        g.setClip(clip);
        textOk = hud.draw(g, layout, c, textOk);
        if (layout.hasPlots()) {
            plots.draw(g, layout.plotX(), layout.map().y(), layout.plotWidth(), layout.map().height(),
                    c >= 0 ? data.time(c) : 0.0, textOk);
        }
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

    /**
     * Draws the legend and the scale bar over the map, below {@code top}. Both need text, so both are
     * left out when no font can be drawn, and each is left out when it does not fit.
     */
    private void drawOverlays(Graphics2D g, MapArea area, int top, Viewport view, int c) {
        legend.reset();
        scaleBar.reset();
        if (!textOk) {
            return;
        }
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            int bottom = area.y() + area.height();
            Rectangle box = legend.draw(g, fm, area, top, bottom, view, c, hidingTruth());
            scaleBar.draw(g, fm, area, top, bottom, view, box);
        } catch (RuntimeException | Error e) {
            // A machine without any font (fontconfig finds none) cannot draw text; draw the rest.
            textOk = false;
        }
    }

    /**
     * Which occupied cells are walls rather than obstacles (see {@link MapCells#wallMask}).
     *
     * @param grid the grid. Not modified.
     * @return mask indexed ix · sizeY + iy.
     */
    static boolean[] wallMask(OccupancyGrid grid) {
        return MapCells.wallMask(grid);
    }

    /** The longest round length not above a limit [m] (see {@link ScaleBar#roundLength}). */
    static double roundLength(double limit) {
        return ScaleBar.roundLength(limit);
    }

    /** "1 m", "20 m", "50 cm", "5 mm" (see {@link ScaleBar#lengthLabel}). */
    static String lengthLabel(double metres) {
        return ScaleBar.lengthLabel(metres);
    }

    /**
     * The heads-up line for a cycle (also used as the window's accessible text). With a state estimate it says how
     * far the robot's belief was from the truth: "odom err" |(x̂, ŷ) − (x, y)| [cm].
     */
    public String hudText(int c) {
        return hud.text(c);
    }

    /**
     * How far the robot's position estimate was from the true position in cycle c: |(x̂, ŷ) − (x, y)| [m].
     *
     * @param c the cycle.
     * @return the distance [m], or NaN when the robot was given the true state.
     */
    double estimateError(int c) {
        return hud.estimateError(c);
    }
}
