package org.foresight.mpc.path;

import java.util.Arrays;
import org.foresight.mpc.perception.DistanceGrid;

/**
 * A global guide path (start → goal polyline) plus two fields precomputed over a grid around it, so that
 * path critics cost one bilinear lookup per rollout point instead of a nearest-segment search:
 * <ul>
 *   <li>{@link #lateral()}: distance from a point to the nearest path point [m];</li>
 *   <li>{@link #costToGo()}: remaining path length from that nearest point to the goal, plus the lateral
 *       distance [m]: a navigation function that falls toward the goal along the path.</li>
 * </ul>
 * The path is resampled every {@link #SPACING} m; a cell's nearest point is found by brute force over the
 * resampled points, O(cells·points), about a millisecond for a BARN world, done once per guide (not per
 * planning cycle). Immutable and thread-safe.
 */
public final class GuidePath {
    /** Resampling step along the path [m]. */
    public static final double SPACING = 0.05;
    /** Grid cell edge of the precomputed fields [m]. */
    public static final double FIELD_RESOLUTION = 0.1;
    /** Margin of the field grid around the path's bounding box [m]. */
    public static final double FIELD_MARGIN = 3.0;

    private final double[] xy;
    private final double[] sampledXY;
    private final double[] remaining;
    private final double length;
    private final DistanceGrid lateral;
    private final DistanceGrid costToGo;

    /**
     * @param xy interleaved x0,y0,x1,y1,… [m], at least one point, all finite. Copied.
     */
    public GuidePath(double[] xy) {
        if (xy == null || xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("guide path must be interleaved x,y [m] with at least one point");
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Double.isFinite(xy[i])) {
                throw new IllegalArgumentException("guide path coordinate " + i + " is not finite: " + xy[i]);
            }
        }
        this.xy = xy.clone();
        int n = xy.length / 2;
        double total = 0;
        for (int i = 1; i < n; i++) {
            total += Math.hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
        }
        this.length = total;
        // Resample at SPACING along the arc, always keeping the final point.
        int m = Math.max(1, (int) Math.ceil(total / SPACING)) + 1;
        sampledXY = new double[2 * m];
        remaining = new double[m];
        int seg = 0;
        double segStart = 0;
        for (int k = 0; k < m; k++) {
            double s = Math.min(k * SPACING, total);
            while (seg < n - 2 && segStart + segLen(seg) < s) {
                segStart += segLen(seg);
                seg++;
            }
            double px;
            double py;
            if (n == 1) {
                px = xy[0];
                py = xy[1];
            } else {
                double len = segLen(seg);
                double f = len > 0 ? Math.min(1.0, Math.max(0.0, (s - segStart) / len)) : 0.0;
                px = xy[2 * seg] + f * (xy[2 * seg + 2] - xy[2 * seg]);
                py = xy[2 * seg + 1] + f * (xy[2 * seg + 3] - xy[2 * seg + 1]);
            }
            sampledXY[2 * k] = px;
            sampledXY[2 * k + 1] = py;
            remaining[k] = total - s;
        }
        // Field grid around the bounding box.
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            minX = Math.min(minX, sampledXY[2 * k]);
            maxX = Math.max(maxX, sampledXY[2 * k]);
            minY = Math.min(minY, sampledXY[2 * k + 1]);
            maxY = Math.max(maxY, sampledXY[2 * k + 1]);
        }
        double res = FIELD_RESOLUTION;
        double ox = minX - FIELD_MARGIN;
        double oy = minY - FIELD_MARGIN;
        int sx = (int) Math.ceil((maxX - minX + 2 * FIELD_MARGIN) / res) + 1;
        int sy = (int) Math.ceil((maxY - minY + 2 * FIELD_MARGIN) / res) + 1;
        double[] lat = new double[sx * sy];
        double[] ctg = new double[sx * sy];
        for (int ix = 0; ix < sx; ix++) {
            double cx = ox + (ix + 0.5) * res;
            for (int iy = 0; iy < sy; iy++) {
                double cy = oy + (iy + 0.5) * res;
                double best = Double.POSITIVE_INFINITY;
                int bestK = 0;
                for (int k = 0; k < m; k++) {
                    double dx = sampledXY[2 * k] - cx;
                    double dy = sampledXY[2 * k + 1] - cy;
                    double d2 = dx * dx + dy * dy;
                    if (d2 < best) {
                        best = d2;
                        bestK = k;
                    }
                }
                double d = Math.sqrt(best);
                lat[ix * sy + iy] = d;
                ctg[ix * sy + iy] = remaining[bestK] + d;
            }
        }
        lateral = new DistanceGrid(lat, sx, sy, res, ox, oy);
        costToGo = new DistanceGrid(ctg, sx, sy, res, ox, oy);
    }

    private double segLen(int i) {
        return Math.hypot(xy[2 * i + 2] - xy[2 * i], xy[2 * i + 3] - xy[2 * i + 1]);
    }

    /** @return a copy of the original vertices, interleaved x,y [m]. */
    public double[] xy() {
        return xy.clone();
    }

    /** @return total polyline length [m]. */
    public double length() {
        return length;
    }

    /** @return number of resampled points (spacing {@link #SPACING}). */
    public int sampleCount() {
        return remaining.length;
    }

    /** @return the resampled points, interleaved x,y [m]. Do not modify. */
    public double[] sampledXY() {
        return sampledXY;
    }

    /** Distance to the path [m] on a grid; outside the grid it grows with the distance to the border. */
    public DistanceGrid lateral() {
        return lateral;
    }

    /** Remaining path length from the nearest path point plus the lateral distance [m]. */
    public DistanceGrid costToGo() {
        return costToGo;
    }

    /**
     * Distance from a point to the nearest resampled path point (exact search, for tests and checks).
     *
     * @param x world x [m].
     * @param y world y [m].
     * @return distance [m].
     */
    public double distanceTo(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < remaining.length; k++) {
            best = Math.min(best, Math.hypot(sampledXY[2 * k] - x, sampledXY[2 * k + 1] - y));
        }
        return best;
    }

    @Override
    public String toString() {
        return "GuidePath[" + xy.length / 2 + " vertices, " + String.format("%.2f", length) + " m, start "
                + Arrays.toString(Arrays.copyOf(xy, 2)) + "]";
    }
}
