package org.foresight.dynamics.world;

/**
 * An axis-aligned rectangle of the world frame: the area in which moving obstacles live and bounce
 * (for BARN worlds the 30×30 obstacle field, for map_server worlds the whole map).
 *
 * @param minX lower x edge [m].
 * @param minY lower y edge [m].
 * @param maxX upper x edge [m], &gt; minX.
 * @param maxY upper y edge [m], &gt; minY.
 */
public record FieldBounds(double minX, double minY, double maxX, double maxY) {
    /** Validates finite, non-empty bounds. */
    public FieldBounds {
        if (!Double.isFinite(minX) || !Double.isFinite(minY) || !Double.isFinite(maxX) || !Double.isFinite(maxY)) {
            throw new IllegalArgumentException("field bounds [m] must be finite");
        }
        if (!(maxX > minX) || !(maxY > minY)) {
            throw new IllegalArgumentException("field bounds [m] must satisfy maxX > minX and maxY > minY: x ["
                    + minX + ", " + maxX + "], y [" + minY + ", " + maxY + "]");
        }
    }

    /**
     * @param x position [m].
     * @param y position [m].
     * @return whether (x, y) lies inside or on the rectangle.
     */
    public boolean contains(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
}
