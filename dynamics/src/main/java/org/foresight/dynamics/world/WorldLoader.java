package org.foresight.dynamics.world;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads worlds: the 300 BARN worlds from the classpath, the 60 DynaBARN worlds ({@link DynaBarn}), BARN-format
 * text files, and ROS map_server maps.
 *
 * <h2>BARN geometry (Gazebo world frame, metres)</h2>
 * The 30×30 field of 0.15 m cells: field cell (r, c) is centred at x = −4.425 + 0.15 r, y = 5.175 + 0.15 c.
 * The grid built here has 0.15 m cells aligned with the field (edges at x = −4.5 + 0.15k, y = 5.1 + 0.15k) and
 * covers x ∈ [−7.5, 3.0], y ∈ [−1.5, 16.5] ({@value #BARN_SIZE_X} × {@value #BARN_SIZE_Y} cells, open space around
 * the field and past the goal): field cell (r, c) is grid cell (ix, iy) = (r + 20, c + 44). The 96 containment
 * cylinders are occupied cells too: the back wall at y = 0.075 for x ∈ [−4.425, −0.075] and the side walls at
 * x = −4.425 and x = −0.075 for y ∈ [0.225, 5.025]. Occupied cells are solid 0.15 m squares, which is
 * conservative against Gazebo's cylinders of radius 0.075 m (the cylinder is inscribed in its square).
 * Start (−2.25, 3.0, +π/2), goal (−2.25, 13.0), tolerance 1 m.
 *
 * <h2>Reference path and optimal time (as the official BARN scorer)</h2>
 * Path cell (r, c) ↦ (0.15 r − 4.575, 0.15 c + 5.075) (offset by (−0.15, −0.10) m from the cylinder grid, as the
 * scorer does); the polyline is start → every path cell (the duplicated first cell included) → goal, and
 * OT = length / 2 m/s. Without a path file the reference path is {@link GridAStar} on the grid inflated by the
 * Jackal's circumradius (or, if that leaves no path, its inradius).
 *
 * <h2>BARN text format</h2>
 * Line 1 a '#' comment, then 30 lines of 30 characters '0' (free) / '1' (occupied); blank lines may follow.
 * Path files: line 1 a '#' comment, then one "row col" pair per line, each in 0..29. Errors:
 * {@link WorldFormatException} "FILE:LINE: reason".
 */
public final class WorldLoader {
    /** Number of BARN worlds (indices 0..299). */
    public static final int BARN_COUNT = 300;
    /** BARN field rows and columns. */
    public static final int BARN_FIELD = 30;
    /** BARN cell edge [m]. */
    public static final double BARN_RESOLUTION = 0.15;
    /** Cells of the BARN grid along x. */
    public static final int BARN_SIZE_X = 70;
    /** Cells of the BARN grid along y. */
    public static final int BARN_SIZE_Y = 120;
    /** x of the BARN grid's lower edge [m]. */
    public static final double BARN_ORIGIN_X = -7.5;
    /** y of the BARN grid's lower edge [m]. */
    public static final double BARN_ORIGIN_Y = -1.5;
    /** Grid ix of field row 0. */
    public static final int BARN_ROW_OFFSET = 20;
    /** Grid iy of field column 0. */
    public static final int BARN_COL_OFFSET = 44;
    /** BARN start pose (harness since 2024-02-04). */
    public static final Pose2 BARN_START = new Pose2(-2.25, 3.0, Math.PI / 2);
    /** BARN goal x [m]. */
    public static final double BARN_GOAL_X = -2.25;
    /** BARN goal y [m]. */
    public static final double BARN_GOAL_Y = 13.0;
    /** Goal tolerance [m]. */
    public static final double GOAL_TOLERANCE = 1.0;
    /** The BARN field: x ∈ [−4.5, 0], y ∈ [5.1, 9.6] [m]. */
    public static final FieldBounds BARN_FIELD_BOUNDS = new FieldBounds(-4.5, 5.1, 0.0, 9.6);

    private static final String RESOURCE_DIR = "/org/foresight/dynamics/world/barn/";
    private static final Pattern WORLD_NAME = Pattern.compile("world_(\\d+)\\.txt");

    private WorldLoader() {
    }

    /**
     * @param spec "barn:N" with N in 0..299, "dynabarn:N" with N in 0..59 ({@link DynaBarn}, t0 = 0), or a path to a
     *             BARN-format .txt file.
     * @return the world.
     * @throws IllegalArgumentException for a bad "barn:" index or a map_server YAML (use {@link #loadMapServer}).
     * @throws WorldFormatException     when the file is missing or malformed.
     */
    public static World load(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("world spec must be \"barn:N\" or a file path, got empty");
        }
        if (spec.startsWith("barn:")) {
            String n = spec.substring(5).trim();
            int index;
            try {
                index = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("world spec \"" + spec + "\": BARN index must be an integer 0.."
                        + (BARN_COUNT - 1));
            }
            return loadBarn(index);
        }
        if (spec.startsWith("dynabarn:")) {
            String n = spec.substring(9).trim();
            int index;
            try {
                index = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("world spec \"" + spec + "\": DynaBARN index must be an integer 0.."
                        + (DynaBarn.COUNT - 1));
            }
            return DynaBarn.load(index, 0.0);
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            throw new IllegalArgumentException("world spec \"" + spec + "\" is a map_server map: it needs a start and "
                    + "goal, use WorldLoader.loadMapServer(yaml, start, goalX, goalY)");
        }
        return loadBarnFile(Path.of(spec));
    }

    /**
     * @param index BARN world index, 0..299.
     * @return the BARN world with its official reference path, named "barn_NNN".
     */
    public static World loadBarn(int index) {
        if (index < 0 || index >= BARN_COUNT) {
            throw new IllegalArgumentException("BARN world index must be in 0.." + (BARN_COUNT - 1) + ": " + index);
        }
        String nnn = String.format(Locale.ROOT, "%03d", index);
        String worldName = "barn/world_" + nnn + ".txt";
        String pathName = "barn/paths/path_" + nnn + ".txt";
        boolean[][] field = parseBarnGrid(worldName, readResource(worldName, RESOURCE_DIR + "world_" + nnn + ".txt"));
        int[][] cells = parseBarnPath(pathName, readResource(pathName, RESOURCE_DIR + "paths/path_" + nnn + ".txt"));
        return buildBarn("barn_" + nnn, worldName, field, cells);
    }

    /**
     * Loads a BARN-format world file. The reference path comes from {@code paths/path_NNN.txt} beside a file named
     * {@code world_NNN.txt} when that exists, otherwise from A* (see class Javadoc).
     *
     * @param file the world file.
     * @return the world, named after the file (without ".txt").
     */
    public static World loadBarnFile(Path file) {
        String fname = file.toString();
        boolean[][] field = parseBarnGrid(fname, readFile(file));
        int[][] cells = null;
        String base = file.getFileName().toString();
        Matcher m = WORLD_NAME.matcher(base);
        if (m.matches()) {
            Path dir = file.toAbsolutePath().getParent();
            Path pathFile = dir.resolve("paths").resolve("path_" + m.group(1) + ".txt");
            if (Files.isRegularFile(pathFile)) {
                cells = parseBarnPath(pathFile.toString(), readFile(pathFile));
            }
        }
        String name = base.endsWith(".txt") ? base.substring(0, base.length() - 4) : base;
        return buildBarn(name, fname, field, cells);
    }

    /**
     * Loads a ROS map_server map with the BARN goal tolerance; see {@link MapServerLoader#load}.
     *
     * @param yaml  the map's YAML file.
     * @param start start pose.
     * @param goalX goal x [m].
     * @param goalY goal y [m].
     * @return the world, named after the YAML file.
     */
    public static World loadMapServer(Path yaml, Pose2 start, double goalX, double goalY) {
        return MapServerLoader.load(yaml, start, goalX, goalY, GOAL_TOLERANCE);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Builds the BARN grid (field + containment walls) and the world. */
    private static World buildBarn(String name, String file, boolean[][] field, int[][] pathCells) {
        OccupancyGrid grid = barnGrid(field);
        double[] path;
        if (pathCells != null) {
            // scorer: start → (0.15 r − 4.575, 0.15 c + 5.075) for every path cell → goal
            path = new double[2 * (pathCells.length + 2)];
            path[0] = BARN_START.x();
            path[1] = BARN_START.y();
            for (int i = 0; i < pathCells.length; i++) {
                path[2 * i + 2] = BARN_RESOLUTION * pathCells[i][0] - 4.575;
                path[2 * i + 3] = BARN_RESOLUTION * pathCells[i][1] + 5.075;
            }
            path[path.length - 2] = BARN_GOAL_X;
            path[path.length - 1] = BARN_GOAL_Y;
        } else {
            path = planReference(file, grid, BARN_START, BARN_GOAL_X, BARN_GOAL_Y);
        }
        return new World(name, grid, BARN_START, BARN_GOAL_X, BARN_GOAL_Y, GOAL_TOLERANCE, path, BARN_FIELD_BOUNDS,
                List.of());
    }

    /**
     * The BARN grid of a 30×30 field (true = occupied, [r][c]) with the containment walls.
     *
     * @param field field occupancy [row][col]. Not modified.
     * @return a new 70×120 grid.
     */
    static OccupancyGrid barnGrid(boolean[][] field) {
        OccupancyGrid grid = new OccupancyGrid(BARN_SIZE_X, BARN_SIZE_Y, BARN_RESOLUTION, BARN_ORIGIN_X, BARN_ORIGIN_Y);
        for (int r = 0; r < BARN_FIELD; r++) {
            for (int c = 0; c < BARN_FIELD; c++) {
                if (field[r][c]) {
                    grid.setOccupied(r + BARN_ROW_OFFSET, c + BARN_COL_OFFSET, true);
                }
            }
        }
        // back wall: y = 0.075 (iy 10) for x = −4.425 … −0.075 (ix 20 … 49)
        int backIy = grid.cellY(0.075);
        for (int ix = BARN_ROW_OFFSET; ix < BARN_ROW_OFFSET + BARN_FIELD; ix++) {
            grid.setOccupied(ix, backIy, true);
        }
        // side walls: x = −4.425 (ix 20) and x = −0.075 (ix 49) for y = 0.225 … 5.025 (iy 11 … 43)
        for (int iy = grid.cellY(0.225); iy <= grid.cellY(5.025); iy++) {
            grid.setOccupied(BARN_ROW_OFFSET, iy, true);
            grid.setOccupied(BARN_ROW_OFFSET + BARN_FIELD - 1, iy, true);
        }
        return grid;
    }

    /** A* reference: inflated by the Jackal's circumradius, else by its inradius; error when neither works. */
    static double[] planReference(String file, OccupancyGrid grid, Pose2 start, double gx, double gy) {
        double[] p = GridAStar.plan(grid.inflate(Footprint.JACKAL.circumradius()), start.x(), start.y(), gx, gy);
        if (p == null) {
            p = GridAStar.plan(grid.inflate(Footprint.JACKAL.inradius()), start.x(), start.y(), gx, gy);
        }
        if (p == null) {
            throw new WorldFormatException(file, "no collision-free path for the Jackal footprint from start ("
                    + start.x() + ", " + start.y() + ") to goal (" + gx + ", " + gy + ") [m]");
        }
        return p;
    }

    /** Parses the 30×30 grid; lines[0] is file line 1. */
    static boolean[][] parseBarnGrid(String file, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
            throw new WorldFormatException(file, 1, "expected a '#' comment line first");
        }
        boolean[][] field = new boolean[BARN_FIELD][BARN_FIELD];
        int rows = 0;
        for (int i = 1; i < lines.size(); i++) {
            String s = lines.get(i);
            int lineNo = i + 1;
            if (rows == BARN_FIELD) {
                if (!s.isBlank()) {
                    throw new WorldFormatException(file, lineNo, "unexpected line after the " + BARN_FIELD
                            + " grid rows");
                }
                continue;
            }
            if (s.length() != BARN_FIELD) {
                throw new WorldFormatException(file, lineNo, "expected " + BARN_FIELD + " characters, found "
                        + s.length());
            }
            for (int c = 0; c < BARN_FIELD; c++) {
                char ch = s.charAt(c);
                if (ch != '0' && ch != '1') {
                    throw new WorldFormatException(file, lineNo, "bad character '" + ch + "' at column " + (c + 1)
                            + " (expected '0' or '1')");
                }
                field[rows][c] = ch == '1';
            }
            rows++;
        }
        if (rows < BARN_FIELD) {
            throw new WorldFormatException(file, lines.size() + 1, "expected " + BARN_FIELD + " grid rows, found "
                    + rows);
        }
        return field;
    }

    /** Parses a path file into [n][2] (row, col) cells. */
    static int[][] parseBarnPath(String file, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
            throw new WorldFormatException(file, 1, "expected a '#' comment line first");
        }
        List<int[]> cells = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String s = lines.get(i).trim();
            int lineNo = i + 1;
            if (s.isEmpty()) {
                continue;
            }
            String[] parts = s.split("\\s+");
            int r;
            int c;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                r = Integer.parseInt(parts[0]);
                c = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new WorldFormatException(file, lineNo, "expected 'row col' (two integers), found '" + s + "'");
            }
            if (r < 0 || r >= BARN_FIELD || c < 0 || c >= BARN_FIELD) {
                throw new WorldFormatException(file, lineNo, "path cell (" + r + ", " + c + ") outside the "
                        + BARN_FIELD + "×" + BARN_FIELD + " grid");
            }
            cells.add(new int[] {r, c});
        }
        if (cells.isEmpty()) {
            throw new WorldFormatException(file, lines.size() + 1, "path has no cells");
        }
        return cells.toArray(new int[0][]);
    }

    private static List<String> readResource(String name, String resource) {
        try (InputStream in = WorldLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new WorldFormatException(name, "not found on the classpath (" + resource + ")");
            }
            return splitLines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorldFormatException(name, "cannot read: " + e, e);
        }
    }

    static List<String> readFile(Path file) {
        try {
            return splitLines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorldFormatException(file.toString(), "cannot read: " + e, e);
        }
    }

    /** Splits on '\n', strips a trailing '\r', drops the empty piece after a final newline. */
    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                if (from < text.length()) {
                    out.add(stripCr(text.substring(from)));
                }
                break;
            }
            out.add(stripCr(text.substring(from, nl)));
            from = nl + 1;
        }
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
