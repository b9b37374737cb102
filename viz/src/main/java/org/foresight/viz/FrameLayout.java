package org.foresight.viz;

/**
 * How a frame of the view is divided: a heads-up bar across the top, the map on the left, and a
 * column of plots on the right (left out when the frame is narrower than {@link #MIN_WIDTH_FOR_PLOTS}).
 *
 * @param width     frame width [px].
 * @param height    frame height [px].
 * @param hudHeight height of the heads-up bar [px].
 * @param map       the map area.
 * @param plotX     left edge of the plot column [px] (= width when there are no plots).
 * @param plotWidth width of the plot column [px] (0 when there are no plots).
 */
public record FrameLayout(int width, int height, int hudHeight, MapArea map, int plotX, int plotWidth) {
    /** Height of the heads-up bar [px]. */
    public static final int HUD_HEIGHT = 24;
    /** Frames narrower than this [px] get no plot column. */
    public static final int MIN_WIDTH_FOR_PLOTS = 640;
    /** Smallest frame side [px]. */
    public static final int MIN_SIDE = 64;

    /**
     * The layout of a frame of the given size.
     *
     * @param width  frame width [px], at least {@link #MIN_SIDE}.
     * @param height frame height [px], at least {@link #MIN_SIDE}.
     * @return the layout.
     */
    public static FrameLayout of(int width, int height) {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new IllegalArgumentException("frame must be at least " + MIN_SIDE + "×" + MIN_SIDE + " px, got "
                    + width + "×" + height);
        }
        int plotW = width >= MIN_WIDTH_FOR_PLOTS ? Math.max(220, Math.min(400, (int) (0.28 * width))) : 0;
        int mapW = width - plotW;
        MapArea map = new MapArea(0, HUD_HEIGHT, mapW, height - HUD_HEIGHT);
        return new FrameLayout(width, height, HUD_HEIGHT, map, mapW, plotW);
    }

    /** Whether the frame has a plot column. */
    public boolean hasPlots() {
        return plotWidth > 0;
    }
}
