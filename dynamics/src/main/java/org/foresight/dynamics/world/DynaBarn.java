package org.foresight.dynamics.world;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 60 DynaBARN worlds (the dynamic worlds 300–359 of the BARN harness), bundled as data: each obstacle's
 * keyframes ({@code dynabarn/keyframes.csv}) and the obstacles of each world ({@code dynabarn/worlds.csv}); the
 * source and the motion rule are in {@code dynabarn/README.md} beside them.
 *
 * <h2>Geometry (Gazebo world frame, metres)</h2>
 * Obstacles: discs of radius {@value #OBSTACLE_RADIUS} m moving along {@link KeyframeSpline}s, centres inside
 * [−10, 10]². Walls: three boxes 0.5 m thick: the back wall x ∈ [−10.25, −9.75], y ∈ [−10, 10], the side walls
 * y ∈ [±9.75, ±10.25], x ∈ [−10, 10]; the +x side is open. Start (11, 0, π), goal (−9, 0), tolerance 1 m, time
 * limit {@value #TIME_LIMIT} s. The grid has {@value #RESOLUTION} m cells (the coarsest on which every wall face is
 * a cell edge) and covers x ∈ [−10.75, 13.25], y ∈ [−10.75, 10.75]. The reference path is the straight line from
 * start to goal (20 m, OT = 10 s, as the DynaBARN README's scoring).
 *
 * <p>Thread-safe: the data are parsed once, on first use, and shared read-only.
 */
public final class DynaBarn {
    /** Number of DynaBARN worlds (indices 0..59). */
    public static final int COUNT = 60;
    /** Harness index of DynaBARN world 0. */
    public static final int HARNESS_OFFSET = 300;
    /** Obstacle radius [m]. */
    public static final double OBSTACLE_RADIUS = 0.5;
    /** Episode time limit [s]. */
    public static final double TIME_LIMIT = 100.0;
    /** Start pose: 1 m outside the open side, facing −x. */
    public static final Pose2 START = new Pose2(11.0, 0.0, Math.PI);
    /** Goal x [m]. */
    public static final double GOAL_X = -9.0;
    /** Goal y [m]. */
    public static final double GOAL_Y = 0.0;
    /** Grid cell edge [m]. */
    public static final double RESOLUTION = 0.125;
    /** Area the obstacle centres stay in: [−10, 10]² [m]. */
    public static final FieldBounds FIELD = new FieldBounds(-10.0, -10.0, 10.0, 10.0);

    private static final double ORIGIN_X = -10.75;
    private static final double ORIGIN_Y = -10.75;
    private static final int SIZE_X = 192; // to x = 13.25
    private static final int SIZE_Y = 172; // to y = 10.75
    private static final String DIR = "/org/foresight/dynamics/world/dynabarn/";

    private DynaBarn() {
    }

    /** The parsed data, loaded on first use (holder idiom). */
    private static final class Data {
        static final Map<String, KeyframeSpline> SPLINES = parseKeyframes();
        static final String[][] PLUGINS = new String[COUNT][];
        static final String[] DIFFICULTY = new String[COUNT];
        static final OccupancyGrid GRID = arena();

        static {
            parseWorlds(PLUGINS, DIFFICULTY);
        }
    }

    /**
     * @param index DynaBARN world, 0..59.
     * @param t0    the world's clock when the robot starts [s], ≥ 0 (0: deterministic; the harness uses several
     *              seconds).
     * @return the world, named "dynabarn_NN", its obstacles placed where they are at world time t0.
     * @throws IllegalArgumentException for an index out of range or a negative t0.
     */
    public static World load(int index, double t0) {
        checkIndex(index);
        if (!(t0 >= 0) || !Double.isFinite(t0)) {
            throw new IllegalArgumentException("DynaBARN time offset t0 must be finite and ≥ 0 s, got " + t0);
        }
        List<KeyframedObstacle> obs = new ArrayList<>();
        for (String p : Data.PLUGINS[index]) {
            obs.add(new KeyframedObstacle(Data.SPLINES.get(p), OBSTACLE_RADIUS, 0.0));
        }
        World w = new World(String.format(Locale.ROOT, "dynabarn_%02d", index), Data.GRID, START, GOAL_X, GOAL_Y,
                WorldLoader.GOAL_TOLERANCE, new double[] {START.x(), START.y(), GOAL_X, GOAL_Y}, FIELD, obs);
        return t0 == 0.0 ? w : w.advancedBy(t0);
    }

    /**
     * @param index DynaBARN world, 0..59.
     * @return "easy" (0–19), "medium" (20–39) or "hard" (40–59), as worlds.csv says.
     */
    public static String difficulty(int index) {
        checkIndex(index);
        return Data.DIFFICULTY[index];
    }

    /**
     * @param index DynaBARN world, 0..59.
     * @return the names of the obstacle plugins of that world, in the order of its obstacles (a copy).
     */
    public static List<String> plugins(int index) {
        checkIndex(index);
        return List.of(Data.PLUGINS[index]);
    }

    /**
     * @param plugin a plugin name of keyframes.csv, e.g. "easylibobs_0".
     * @return its keyframe path.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static KeyframeSpline spline(String plugin) {
        KeyframeSpline s = Data.SPLINES.get(plugin);
        if (s == null) {
            throw new IllegalArgumentException("no DynaBARN obstacle plugin named " + plugin);
        }
        return s;
    }

    private static void checkIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("DynaBARN world index must be in 0.." + (COUNT - 1) + ": " + index);
        }
    }

    /** The three walls as occupied cells (the faces fall on cell edges). */
    private static OccupancyGrid arena() {
        OccupancyGrid g = new OccupancyGrid(SIZE_X, SIZE_Y, RESOLUTION, ORIGIN_X, ORIGIN_Y);
        fill(g, -10.25, -10.0, -9.75, 10.0);  // back wall
        fill(g, -10.0, -10.25, 10.0, -9.75);  // side wall y = −10
        fill(g, -10.0, 9.75, 10.0, 10.25);    // side wall y = +10
        return g;
    }

    /** Occupies every cell inside the rectangle [x0, x1] × [y0, y1] whose edges are cell edges. */
    private static void fill(OccupancyGrid g, double x0, double y0, double x1, double y1) {
        int ix0 = (int) Math.round((x0 - ORIGIN_X) / RESOLUTION);
        int ix1 = (int) Math.round((x1 - ORIGIN_X) / RESOLUTION);
        int iy0 = (int) Math.round((y0 - ORIGIN_Y) / RESOLUTION);
        int iy1 = (int) Math.round((y1 - ORIGIN_Y) / RESOLUTION);
        for (int ix = ix0; ix < ix1; ix++) {
            for (int iy = iy0; iy < iy1; iy++) {
                g.setOccupied(ix, iy, true);
            }
        }
    }

    /** keyframes.csv: plugin,difficulty,plugin_idx,anim_length_s,k,t_s,x_m,y_m, a plugin's rows consecutive. */
    private static Map<String, KeyframeSpline> parseKeyframes() {
        String file = "dynabarn/keyframes.csv";
        List<String> lines = read(file);
        Map<String, KeyframeSpline> out = new HashMap<>();
        String current = null;
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i <= lines.size(); i++) {
            String[] p = i < lines.size() ? lines.get(i).split(",", -1) : null;
            if (p != null && p.length != 8) {
                throw new WorldFormatException(file, i + 1, "expected 8 fields, found " + p.length);
            }
            if (current != null && (p == null || !p[0].equals(current))) {
                out.put(current, spline(file, current, rows));
                rows.clear();
            }
            if (p == null) {
                break;
            }
            current = p[0];
            try {
                rows.add(new double[] {Integer.parseInt(p[4]), Double.parseDouble(p[5]), Double.parseDouble(p[6]),
                    Double.parseDouble(p[7])});
            } catch (NumberFormatException e) {
                throw new WorldFormatException(file, i + 1, "not a number in '" + lines.get(i) + "'");
            }
        }
        return out;
    }

    private static KeyframeSpline spline(String file, String plugin, List<double[]> rows) {
        int n = rows.size();
        double[] t = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            double[] r = rows.get(k);
            if (r[0] != k) {
                throw new WorldFormatException(file, "plugin " + plugin + ": keyframe " + k + " is numbered " + (int) r[0]);
            }
            t[k] = r[1];
            x[k] = r[2];
            y[k] = r[3];
        }
        try {
            return new KeyframeSpline(t, x, y);
        } catch (IllegalArgumentException e) {
            throw new WorldFormatException(file, "plugin " + plugin + ": " + e.getMessage());
        }
    }

    /** worlds.csv: world,harness_world_idx,difficulty,n_obstacles,plugins (space-separated). */
    private static void parseWorlds(String[][] plugins, String[] difficulty) {
        String file = "dynabarn/worlds.csv";
        List<String> lines = read(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",", -1);
            if (p.length != 5) {
                throw new WorldFormatException(file, i + 1, "expected 5 fields, found " + p.length);
            }
            int w;
            int n;
            try {
                w = Integer.parseInt(p[0]);
                n = Integer.parseInt(p[3]);
            } catch (NumberFormatException e) {
                throw new WorldFormatException(file, i + 1, "not a number in '" + lines.get(i) + "'");
            }
            String[] names = p[4].trim().split(" +");
            if (w < 0 || w >= COUNT || names.length != n) {
                throw new WorldFormatException(file, i + 1, "world " + w + " with " + names.length + " plugins, "
                        + n + " declared");
            }
            for (String name : names) {
                if (!Data.SPLINES.containsKey(name)) {
                    throw new WorldFormatException(file, i + 1, "unknown plugin " + name);
                }
            }
            plugins[w] = names;
            difficulty[w] = p[2];
        }
        for (int w = 0; w < COUNT; w++) {
            if (plugins[w] == null) {
                throw new WorldFormatException(file, "world " + w + " is missing");
            }
        }
    }

    private static List<String> read(String name) {
        try (InputStream in = DynaBarn.class.getResourceAsStream(DIR + name.substring(name.indexOf('/') + 1))) {
            if (in == null) {
                throw new WorldFormatException(name, "not found on the classpath (" + DIR + ")");
            }
            return WorldLoader.splitLines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorldFormatException(name, "cannot read: " + e, e);
        }
    }
}
