package org.foresight.dynamics.world;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Loads a ROS map_server map: a YAML file with keys {@code image} (relative to the YAML's folder),
 * {@code resolution} [m], {@code origin} [x, y, yaw] and optional {@code negate} (0), {@code occupied_thresh}
 * (0.65), {@code free_thresh} (0.196), {@code mode} (trinary or scale), and an image: PGM (P5 binary or P2
 * ASCII), or PNG, BMP, GIF or JPEG through {@link ImageIO} (a colour pixel counts as the mean of its
 * channels). With p the pixel scaled to [0, 1], occupancy is 1 − p (p if negate); occupied when &gt;
 * occupied_thresh, free when &lt; free_thresh, and unknown in between, which is treated as occupied
 * (conservative). Image column c, row r (top first) is the cell whose lower-left corner is
 * origin + R(yaw)·(c·res, (height − 1 − r)·res).
 *
 * <p>Our grids are axis-aligned. With yaw = 0 the image is the grid. With another yaw the grid covers the
 * rotated image's bounding box at the same resolution; each grid cell takes the pixel under its centre, and
 * cells outside the image are occupied (nothing is known there). The reference path is A* as for BARN files;
 * the whole map is the field for moving obstacles.
 */
public final class MapServerLoader {
    private MapServerLoader() {
    }

    /** Pixels of a map image as values in [0, 1], row 0 at the top. */
    private interface Pixels {
        int width();

        int height();

        double value(int row, int col);
    }

    /**
     * @param yaml          the map's YAML file.
     * @param start         start pose.
     * @param goalX         goal x [m].
     * @param goalY         goal y [m].
     * @param goalTolerance radius around the goal that counts as arrived [m], &gt; 0.
     * @return the world, named after the YAML file.
     * @throws WorldFormatException naming the file and the key or line on malformed input, or when no path exists.
     * @throws IllegalArgumentException for a goal tolerance that is not &gt; 0.
     */
    public static World load(Path yaml, Pose2 start, double goalX, double goalY, double goalTolerance) {
        if (!(goalTolerance > 0) || !Double.isFinite(goalTolerance)) {
            throw new IllegalArgumentException("goal tolerance must be a finite distance > 0 m, got " + goalTolerance);
        }
        String yname = yaml.toString();
        MapServerYaml meta = MapServerYaml.parse(yname, WorldLoader.readFile(yaml));
        Path imagePath = yaml.toAbsolutePath().getParent().resolve(meta.image());
        String iname = imagePath.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(imagePath);
        } catch (IOException e) {
            throw new WorldFormatException(yname, meta.imageLine(), "cannot read image '" + meta.image() + "': " + e,
                    e);
        }
        Pixels img = readImage(iname, bytes);
        OccupancyGrid grid = Math.abs(meta.originYaw()) < 1e-12 ? alignedGrid(meta, img) : rotatedGrid(meta, img);
        String base = yaml.getFileName().toString();
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        double[] path = WorldLoader.planReference(yname, grid, start, goalX, goalY);
        FieldBounds bounds = new FieldBounds(grid.originX(), grid.originY(),
                grid.originX() + grid.sizeX() * grid.resolution(), grid.originY() + grid.sizeY() * grid.resolution());
        return new World(name, grid, start, goalX, goalY, goalTolerance, path, bounds, List.of());
    }

    private static Pixels readImage(String file, byte[] bytes) {
        if (bytes.length >= 2 && bytes[0] == 'P' && Character.isDigit(bytes[1])) { // the Netpbm family
            Pgm pgm = Pgm.parse(file, bytes);
            double max = pgm.maxval();
            return new Pixels() {
                public int width() {
                    return pgm.width();
                }

                public int height() {
                    return pgm.height();
                }

                public double value(int row, int col) {
                    return pgm.pixel(row, col) / max;
                }
            };
        }
        BufferedImage bi;
        try {
            bi = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new WorldFormatException(file, 0, "cannot decode the image: " + e.getMessage(), e);
        }
        if (bi == null) {
            throw new WorldFormatException(file, 0, "not a PGM, PNG, BMP, GIF or JPEG image");
        }
        // The raster's own samples (getRGB would convert a linear grey to sRGB and shift the thresholds).
        java.awt.image.Raster raster = bi.getRaster();
        int colours = Math.min(3, bi.getColorModel().getNumColorComponents());
        double max = (1 << bi.getColorModel().getComponentSize(0)) - 1.0;
        boolean indexed = bi.getColorModel() instanceof java.awt.image.IndexColorModel;
        return new Pixels() {
            public int width() {
                return bi.getWidth();
            }

            public int height() {
                return bi.getHeight();
            }

            public double value(int row, int col) {
                if (indexed) {
                    int rgb = bi.getRGB(col, row);
                    return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / (3 * 255.0);
                }
                double sum = 0;
                for (int b = 0; b < colours; b++) {
                    sum += raster.getSample(col, row, b);
                }
                return sum / (colours * max);
            }
        };
    }

    private static boolean free(MapServerYaml meta, double p) {
        double occ = meta.negate() ? p : 1.0 - p;
        return occ < meta.freeThresh();
    }

    private static OccupancyGrid alignedGrid(MapServerYaml meta, Pixels img) {
        OccupancyGrid grid = new OccupancyGrid(img.width(), img.height(), meta.resolution(), meta.originX(),
                meta.originY());
        for (int r = 0; r < img.height(); r++) {
            for (int c = 0; c < img.width(); c++) {
                grid.setOccupied(c, img.height() - 1 - r, !free(meta, img.value(r, c)));
            }
        }
        return grid;
    }

    /** The rotated image resampled onto an axis-aligned grid over its bounding box (see the class Javadoc). */
    private static OccupancyGrid rotatedGrid(MapServerYaml meta, Pixels img) {
        double res = meta.resolution();
        double cos = Math.cos(meta.originYaw());
        double sin = Math.sin(meta.originYaw());
        double w = img.width() * res;
        double h = img.height() * res;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] corner : new double[][] {{0, 0}, {w, 0}, {0, h}, {w, h}}) {
            double x = meta.originX() + cos * corner[0] - sin * corner[1];
            double y = meta.originY() + sin * corner[0] + cos * corner[1];
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        int sx = (int) Math.ceil((maxX - minX) / res - 1e-9);
        int sy = (int) Math.ceil((maxY - minY) / res - 1e-9);
        OccupancyGrid grid = new OccupancyGrid(sx, sy, res, minX, minY);
        for (int ix = 0; ix < sx; ix++) {
            for (int iy = 0; iy < sy; iy++) {
                double dx = minX + (ix + 0.5) * res - meta.originX();
                double dy = minY + (iy + 0.5) * res - meta.originY();
                double u = cos * dx + sin * dy; // image frame, metres from its lower-left corner
                double v = -sin * dx + cos * dy;
                int c = (int) Math.floor(u / res);
                int rb = (int) Math.floor(v / res);
                boolean inside = c >= 0 && c < img.width() && rb >= 0 && rb < img.height();
                grid.setOccupied(ix, iy, !inside || !free(meta, img.value(img.height() - 1 - rb, c)));
            }
        }
        return grid;
    }

    /** The keys of a map_server YAML that we use. */
    private record MapServerYaml(String image, int imageLine, double resolution, double originX, double originY,
                                 double originYaw, boolean negate, double occupiedThresh, double freeThresh) {

        static MapServerYaml parse(String file, List<String> lines) {
            Map<String, String> values = new HashMap<>();
            Map<String, Integer> lineOf = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String s = stripComment(lines.get(i)).strip();
                if (s.isEmpty() || s.equals("---")) {
                    continue;
                }
                int colon = s.indexOf(':');
                if (colon <= 0) {
                    throw new WorldFormatException(file, i + 1, "expected 'key: value', found '" + s + "'");
                }
                String key = s.substring(0, colon).strip();
                String value = unquote(s.substring(colon + 1).strip());
                if (values.containsKey(key)) {
                    throw new WorldFormatException(file, i + 1, "duplicate key '" + key + "'");
                }
                values.put(key, value);
                lineOf.put(key, i + 1);
            }
            String image = required(file, values, "image");
            if (image.isEmpty()) {
                throw new WorldFormatException(file, lineOf.get("image"), "key 'image' is empty");
            }
            double res = number(file, values, lineOf, "resolution", Double.NaN);
            if (!(res > 0) || !Double.isFinite(res)) {
                throw new WorldFormatException(file, lineOf.get("resolution"), "key 'resolution' [m] must be > 0: "
                        + res);
            }
            String origin = required(file, values, "origin");
            int oline = lineOf.get("origin");
            if (!origin.startsWith("[") || !origin.endsWith("]")) {
                throw new WorldFormatException(file, oline, "key 'origin' must be [x, y, yaw], found '" + origin + "'");
            }
            String[] parts = origin.substring(1, origin.length() - 1).split(",");
            if (parts.length != 3) {
                throw new WorldFormatException(file, oline, "key 'origin' must have 3 numbers [x, y, yaw], found "
                        + parts.length);
            }
            double[] o = new double[3];
            for (int k = 0; k < 3; k++) {
                try {
                    o[k] = Double.parseDouble(parts[k].strip());
                } catch (NumberFormatException e) {
                    throw new WorldFormatException(file, oline, "key 'origin': bad number '" + parts[k].strip() + "'");
                }
                if (!Double.isFinite(o[k])) {
                    throw new WorldFormatException(file, oline, "key 'origin': not finite '" + parts[k].strip() + "'");
                }
            }
            boolean negate = false;
            if (values.containsKey("negate")) {
                String n = values.get("negate").toLowerCase(Locale.ROOT);
                if (n.equals("1") || n.equals("true")) {
                    negate = true;
                } else if (!n.equals("0") && !n.equals("false")) {
                    throw new WorldFormatException(file, lineOf.get("negate"), "key 'negate' must be 0 or 1, found '"
                            + values.get("negate") + "'");
                }
            }
            double occ = number(file, values, lineOf, "occupied_thresh", 0.65);
            double free = number(file, values, lineOf, "free_thresh", 0.196);
            if (!(free >= 0) || !(occ <= 1) || !(free <= occ)) {
                int line = lineOf.getOrDefault("free_thresh", lineOf.getOrDefault("occupied_thresh", 1));
                throw new WorldFormatException(file, line, "need 0 ≤ free_thresh ≤ occupied_thresh ≤ 1, found "
                        + free + ", " + occ);
            }
            if (values.containsKey("mode")) {
                String mode = values.get("mode");
                if (!mode.equals("trinary") && !mode.equals("scale")) {
                    throw new WorldFormatException(file, lineOf.get("mode"), "key 'mode': only 'trinary' and 'scale' "
                            + "are supported, found '" + mode + "'");
                }
            }
            return new MapServerYaml(image, lineOf.get("image"), res, o[0], o[1], o[2], negate, occ, free);
        }

        private static String required(String file, Map<String, String> values, String key) {
            String v = values.get(key);
            if (v == null) {
                throw new WorldFormatException(file, "missing key '" + key + "'");
            }
            return v;
        }

        private static double number(String file, Map<String, String> values, Map<String, Integer> lineOf, String key,
                                     double dflt) {
            String v = values.get(key);
            if (v == null) {
                if (Double.isNaN(dflt)) {
                    throw new WorldFormatException(file, "missing key '" + key + "'");
                }
                return dflt;
            }
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new WorldFormatException(file, lineOf.get(key), "key '" + key + "': bad number '" + v + "'");
            }
        }

        private static String stripComment(String s) {
            boolean single = false;
            boolean dbl = false;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '\'' && !dbl) {
                    single = !single;
                } else if (ch == '"' && !single) {
                    dbl = !dbl;
                } else if (ch == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                    return s.substring(0, i);
                }
            }
            return s;
        }

        private static String unquote(String v) {
            if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }
    }
}
