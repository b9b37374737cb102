package org.foresight.viz;

import java.awt.Color;

/**
 * The colours of the view, in one place so that the window, the PNG export and the pixel tests agree.
 * Opaque colours are the exact sRGB values a pixel takes where nothing is drawn on top.
 */
public final class Palette {
    /** Free space inside the grid. */
    public static final Color FREE = new Color(0xF4, 0xF4, 0xF0);
    /** Outside the grid (open space beyond the map). */
    public static final Color OUTSIDE = new Color(0xE2, 0xE4, 0xE8);
    /** Occupied cells: static obstacles. */
    public static final Color OBSTACLE = new Color(0x2E, 0x33, 0x3D);
    /** Occupied cells on the border of the grid: walls. */
    public static final Color WALL = new Color(0x6B, 0x4F, 0x3A);
    /** Moving obstacles (fill). */
    public static final Color MOVING = new Color(0xF0, 0x8C, 0x1E);
    /** The moving obstacles the planner was told of (tracks), dashed outlines. */
    public static final Color TRACK = new Color(0x7A, 0x1F, 0xA2);
    /** A track's predicted path and its predicted outline at the horizon. */
    public static final Color PREDICTION = new Color(0x7A, 0x1F, 0xA2, 0x90);
    /** Cells of the robot's own map (what its lidar had shown it), drawn over the true world. */
    public static final Color KNOWN_MAP = new Color(0xFF, 0xA0, 0x00);
    /** Outline of the pose the robot believed it had (its odometry). */
    public static final Color ESTIMATE = new Color(0xD0, 0x4A, 0x00);
    /** Robot footprint (fill). */
    public static final Color ROBOT = new Color(0x1F, 0x6F, 0xD6);
    /** Robot outline and heading mark. */
    public static final Color ROBOT_EDGE = new Color(0x0B, 0x2A, 0x55);
    /** The path driven so far. */
    public static final Color TRAIL = new Color(0x1F, 0x6F, 0xD6, 0xA0);
    /** The chosen plan. */
    public static final Color PLAN = new Color(0x10, 0xB0, 0x40);
    /** The guide (reference) path. */
    public static final Color GUIDE = new Color(0x8A, 0x5C, 0xC8);
    /** Goal marker. */
    public static final Color GOAL = new Color(0x10, 0x90, 0x30);
    /** Goal tolerance disc (translucent). */
    public static final Color GOAL_ZONE = new Color(0x10, 0x90, 0x30, 0x40);
    /** Lidar rays (translucent). */
    public static final Color LIDAR_RAY = new Color(0xE0, 0x30, 0x30, 0x30);
    /** Lidar hit points. */
    public static final Color LIDAR_HIT = new Color(0xD0, 0x20, 0x20);
    /** Heads-up bar background. */
    public static final Color HUD_BG = new Color(0x20, 0x24, 0x2C);
    /** Heads-up text. */
    public static final Color HUD_TEXT = new Color(0xF0, 0xF0, 0xF0);
    /** Plot background. */
    public static final Color PLOT_BG = Color.WHITE;
    /** Plot frame and labels. */
    public static final Color PLOT_AXIS = new Color(0x60, 0x60, 0x60);
    /** Measured series (v, ω). */
    public static final Color SERIES_MEASURED = new Color(0x1F, 0x6F, 0xD6);
    /** Commanded series (cmd_v, cmd_ω). */
    public static final Color SERIES_COMMAND = new Color(0xE0, 0x70, 0x10);
    /** Planning time series. */
    public static final Color SERIES_PLAN_TIME = new Color(0x50, 0x50, 0x50);
    /** Cursor at the current time in the plots. */
    public static final Color CURSOR = new Color(0xD0, 0x10, 0x10);
    /** Ticks marking planner overruns (deadline missed) under the planning-time plot. */
    public static final Color OVERRUN = new Color(0xE8, 0x24, 0x3C);
    /** Legend and scale-bar backing (translucent white). */
    public static final Color OVERLAY_BG = new Color(0xFF, 0xFF, 0xFF, 0xD8);
    /** Legend and scale-bar frame. */
    public static final Color OVERLAY_EDGE = new Color(0xA0, 0xA4, 0xAC);
    /** Legend text. */
    public static final Color OVERLAY_TEXT = new Color(0x30, 0x30, 0x30);
    /** The scale bar and its label. */
    public static final Color SCALE_BAR = new Color(0x14, 0x14, 0x14);
    /** Banner of a live run that ended in success. */
    public static final Color BANNER_SUCCESS = new Color(0x1E, 0x7A, 0x3A);
    /** Banner of a live run that ended otherwise (collision, timeout, …). */
    public static final Color BANNER_FAILURE = new Color(0x9E, 0x2A, 0x2A);
    /** Banner text. */
    public static final Color BANNER_TEXT = Color.WHITE;

    private Palette() {
    }

    /**
     * Colour of a sampled rollout by its relative weight: cool, faint blue for the least weighted,
     * hot, opaque red for the most weighted. The square root spreads the small relative weights a
     * peaked softmax produces: s = √u.
     *
     * @param u weight divided by the cycle's largest weight, in [0, 1] (clamped).
     * @return the colour (alpha grows with u).
     */
    public static Color rollout(double u) {
        double s = Double.isFinite(u) ? Math.sqrt(Math.max(0.0, Math.min(1.0, u))) : 0.0;
        int r = (int) Math.round(60 + 190 * s);
        int g = (int) Math.round(120 - 80 * s);
        int b = (int) Math.round(235 - 200 * s);
        int a = (int) Math.round(70 + 170 * s);
        return new Color(r, g, b, a);
    }

    /**
     * Whether an sRGB pixel looks like a rollout blended on free space: its red or blue channel exceeds
     * green by at least 25 (free space, obstacles and walls are near-neutral).
     */
    static boolean isRolloutLike(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return Math.max(r, b) - g >= 25;
    }
}
