package org.foresight.viz;

/**
 * The camera of the map view: which world point sits at the centre of the map area and how many
 * pixels a metre takes. World y points up, screen y points down. Mutable; owned by one view.
 */
public final class Viewport {
    /** Smallest zoom [px/m]. */
    public static final double MIN_SCALE = 2.0;
    /** Largest zoom [px/m]. */
    public static final double MAX_SCALE = 2000.0;

    private double centerX;
    private double centerY;
    private double scale = 50.0;
    private boolean follow;

    /** World x at the centre of the map area [m]. */
    public double centerX() {
        return centerX;
    }

    /** World y at the centre of the map area [m]. */
    public double centerY() {
        return centerY;
    }

    /** Zoom [px/m]. */
    public double scale() {
        return scale;
    }

    /** Whether the view keeps the robot at the centre. */
    public boolean follow() {
        return follow;
    }

    /** Turns follow-robot on or off. */
    public void setFollow(boolean follow) {
        this.follow = follow;
    }

    /**
     * Puts a world point at the centre.
     *
     * @param x world x [m].
     * @param y world y [m].
     */
    public void centerOn(double x, double y) {
        this.centerX = x;
        this.centerY = y;
    }

    /**
     * Sets the zoom, clamped to [{@link #MIN_SCALE}, {@link #MAX_SCALE}].
     *
     * @param pixelsPerMetre zoom [px/m].
     */
    public void setScale(double pixelsPerMetre) {
        if (!Double.isFinite(pixelsPerMetre) || pixelsPerMetre <= 0) {
            throw new IllegalArgumentException("zoom must be a positive number of px/m, got " + pixelsPerMetre);
        }
        this.scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, pixelsPerMetre));
    }

    /**
     * Moves the view by a screen offset (a mouse drag): the world follows the pointer. Ends follow mode.
     *
     * @param dxPixels horizontal drag [px], right positive.
     * @param dyPixels vertical drag [px], down positive.
     */
    public void pan(double dxPixels, double dyPixels) {
        follow = false;
        centerX -= dxPixels / scale;
        centerY += dyPixels / scale;
    }

    /**
     * Zooms by a factor keeping the world point under a screen point fixed (a mouse wheel).
     *
     * @param factor  zoom factor (&gt; 1 zooms in).
     * @param px      pointer x in the image [px].
     * @param py      pointer y in the image [px].
     * @param area    the map area the view is drawn into.
     */
    public void zoomAt(double factor, double px, double py, MapArea area) {
        double wx = toWorldX(px, area);
        double wy = toWorldY(py, area);
        setScale(scale * factor);
        if (!follow) {
            centerX = wx - (px - area.centerX()) / scale;
            centerY = wy + (py - area.centerY()) / scale;
        }
    }

    /**
     * Fits a world rectangle into the map area with a margin.
     *
     * @param minX lower x [m].
     * @param minY lower y [m].
     * @param maxX upper x [m].
     * @param maxY upper y [m].
     * @param area the map area.
     */
    public void fit(double minX, double minY, double maxX, double maxY, MapArea area) {
        centerX = 0.5 * (minX + maxX);
        centerY = 0.5 * (minY + maxY);
        double w = Math.max(maxX - minX, 1e-3);
        double h = Math.max(maxY - minY, 1e-3);
        setScale(0.94 * Math.min(area.width() / w, area.height() / h));
    }

    /** Screen x [px] of world x [m]. */
    public double toScreenX(double x, MapArea area) {
        return area.centerX() + (x - centerX) * scale;
    }

    /** Screen y [px] of world y [m]. */
    public double toScreenY(double y, MapArea area) {
        return area.centerY() - (y - centerY) * scale;
    }

    /** World x [m] of screen x [px]. */
    public double toWorldX(double px, MapArea area) {
        return centerX + (px - area.centerX()) / scale;
    }

    /** World y [m] of screen y [px]. */
    public double toWorldY(double py, MapArea area) {
        return centerY - (py - area.centerY()) / scale;
    }

    /** A copy (for rendering a frame with the same camera elsewhere). */
    public Viewport copy() {
        Viewport v = new Viewport();
        v.centerX = centerX;
        v.centerY = centerY;
        v.scale = scale;
        v.follow = follow;
        return v;
    }
}
