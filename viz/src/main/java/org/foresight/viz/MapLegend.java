package org.foresight.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import org.foresight.viz.FrameRenderer.LegendItem;

/**
 * The legend of a {@link FrameRenderer}: a line per kind of thing drawn anywhere in the run so far, each with a
 * swatch in the style of the map, in the corner of the map that covers least of the robot, the goal and the path
 * driven. It is left out when it does not fit.
 *
 * <p>Not thread-safe: one per renderer.
 */
final class MapLegend {
    private static final Stroke LEGEND_ROLLOUT = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    /** Width of a legend swatch [px]. */
    private static final int SWATCH = 26;

    private final ReplayData data;
    private final Trail trail;
    private final MapCells cells;
    private int featuresScanned;
    private boolean hasPlan;
    private boolean hasRollouts;
    private boolean hasScan;
    private boolean hasMovers;
    private boolean hasTracks;
    private boolean hasEstimate;
    private Rectangle legendBounds;
    private java.util.List<LegendItem> legendItems = java.util.List.of();

    /**
     * A legend of a run.
     *
     * @param data  the run. Not modified.
     * @param trail the path driven, shared with the map. Extended as the run grows.
     * @param cells the map's cells, for whether obstacles and walls exist. Not modified.
     */
    MapLegend(ReplayData data, Trail trail, MapCells cells) {
        this.data = data;
        this.trail = trail;
        this.cells = cells;
    }

    /** Forgets the last frame's legend (it is left out until drawn again). */
    void reset() {
        legendBounds = null;
        legendItems = java.util.List.of();
    }

    /** Where the legend went in the last frame (frame pixels), or null when it was left out. Not a copy. */
    Rectangle bounds() {
        return legendBounds;
    }

    /** The legend lines of the last frame, top to bottom (empty when it was left out). */
    java.util.List<LegendItem> items() {
        return legendItems;
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
            hasTracks |= data.tracks(c).length >= 7;
            hasEstimate |= data.estimate(c) != null;
        }
        featuresScanned = n;
    }

    /**
     * Draws the legend over the map between {@code top} and {@code bottom} [px] for cycle c (−1: none yet).
     *
     * @param hidingTruth whether the true world's obstacles and walls are hidden (then they get no line).
     * @return where it went, or null when it did not fit.
     */
    Rectangle draw(Graphics2D g, FontMetrics fm, MapArea area, int top, int bottom, Viewport view, int c,
                   boolean hidingTruth) {
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
        if (cells.hasObstacleCells() && !hidingTruth) {
            items.add(LegendItem.OBSTACLE);
        }
        if (cells.hasWallCells() && !hidingTruth) {
            items.add(LegendItem.WALL);
        }
        if (data.hasKnownMap()) {
            items.add(LegendItem.KNOWN_MAP);
        }
        if (hasMovers) {
            items.add(LegendItem.MOVING);
        }
        if (hasTracks) {
            items.add(LegendItem.TRACK);
        }
        if (hasScan) {
            items.add(LegendItem.LIDAR);
        }
        int lineH = Math.max(15, fm.getHeight() + 1);
        int textW = 0;
        for (LegendItem it : items) {
            textW = Math.max(textW, fm.stringWidth(it.label));
        }
        int w = OverlayBox.PAD + SWATCH + 6 + textW + OverlayBox.PAD;
        int h = 2 * OverlayBox.PAD + items.size() * lineH - 2;
        if (w > area.width() / 2 || h > 0.6 * (bottom - top)) {
            return null;
        }
        Rectangle box = legendCorner(area, top, bottom, w, h, view, c);
        OverlayBox.draw(g, box);
        int ascentMid = (fm.getAscent() - fm.getDescent()) / 2;
        for (int i = 0; i < items.size(); i++) {
            int cy = box.y + OverlayBox.PAD + i * lineH + lineH / 2 - 1;
            int sx = box.x + OverlayBox.PAD;
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
        int left = area.x() + OverlayBox.MARGIN;
        int right = area.x() + area.width() - OverlayBox.MARGIN - w;
        int upper = top + OverlayBox.MARGIN;
        int lower = bottom - OverlayBox.MARGIN - h;
        Rectangle[] corners = {new Rectangle(right, upper, w, h), new Rectangle(left, upper, w, h),
            new Rectangle(right, lower, w, h), new Rectangle(left, lower, w, h)};
        double rx = c >= 0 ? data.x(c) : data.startX;
        double ry = c >= 0 ? data.y(c) : data.startY;
        double robotPx = 0.5 * Math.hypot(data.footprint.length(), data.footprint.width()) * view.scale() + 4;
        double goalPx = data.goalTolerance * view.scale();
        if (c >= 0) {
            trail.update();
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
                for (int i = 0; i < trail.count(); i++) {
                    int k = trail.cycle(i);
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

    /** Draws a legend swatch, {@link #SWATCH} px wide from x, centred on y, in the style of the map. */
    private static void drawSwatch(Graphics2D g, LegendItem item, int x, int y) {
        switch (item) {
            case ROBOT -> {
                Rectangle body = new Rectangle(x + 7, y - 5, 12, 10);
                g.setColor(Palette.ROBOT);
                g.fill(body);
                g.setColor(Palette.ROBOT_EDGE);
                g.setStroke(MapLayers.THIN);
                g.draw(body);
            }
            case TRAIL -> swatchLine(g, x, y, Palette.TRAIL, MapLayers.TRAIL);
            case PLAN -> swatchLine(g, x, y, Palette.PLAN, MapLayers.PLAN);
            case GUIDE -> swatchLine(g, x, y, Palette.GUIDE, MapLayers.GUIDE);
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
                g.setStroke(MapLayers.THIN);
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
                g.setStroke(MapLayers.ESTIMATE);
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
                g.setStroke(MapLayers.THIN);
                g.draw(disc);
            }
            case TRACK -> {
                g.setColor(Palette.PREDICTION);
                g.setStroke(MapLayers.PREDICTION);
                g.draw(new Line2D.Double(x + 8, y, x + SWATCH - 1, y));
                g.setColor(Palette.TRACK);
                g.setStroke(MapLayers.TRACK);
                g.draw(new Ellipse2D.Double(x + 1, y - 6, 12, 12));
            }
            case LIDAR -> {
                g.setColor(Palette.LIDAR_RAY);
                g.setStroke(MapLayers.THIN);
                g.draw(new Line2D.Double(x, y + 4, x + SWATCH, y - 4));
                g.setColor(Palette.LIDAR_HIT);
                for (int j = 0; j < 4; j++) {
                    g.fillRect(x + 3 + 6 * j, y - 1 + (j % 2) * 2, 2, 2);
                }
            }
            default -> throw new IllegalStateException(item.toString());
        }
    }

    /** A swatch that is a short line in a stroke of the map. */
    private static void swatchLine(Graphics2D g, int x, int y, Color color, Stroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(new Line2D.Double(x + 2, y, x + SWATCH - 2, y));
    }
}
