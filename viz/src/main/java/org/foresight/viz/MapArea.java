package org.foresight.viz;

/**
 * Where the map is drawn inside a frame image, in pixels.
 *
 * @param x      left edge [px].
 * @param y      top edge [px].
 * @param width  width [px], &gt; 0.
 * @param height height [px], &gt; 0.
 */
public record MapArea(int x, int y, int width, int height) {
    /** Validates a non-empty area. */
    public MapArea {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map area must be at least 1×1 px, got " + width + "×" + height);
        }
    }

    /** Centre x [px]. */
    public double centerX() {
        return x + 0.5 * width;
    }

    /** Centre y [px]. */
    public double centerY() {
        return y + 0.5 * height;
    }

    /** Whether a pixel lies inside. */
    public boolean contains(double px, double py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }
}
