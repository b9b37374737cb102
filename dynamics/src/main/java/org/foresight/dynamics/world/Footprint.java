package org.foresight.dynamics.world;

import java.util.List;

/**
 * The robot's rectangular footprint, centred on the robot's origin, length along the heading.
 *
 * <p>Collision against the grid is exact for the solid-square obstacle model of {@link OccupancyGrid}: every
 * occupied cell under the rotated rectangle's bounding box is tested with the separating-axis theorem (axes x, y
 * and the rectangle's two axes). Squares are conservative relative to Gazebo's BARN cylinders (radius 0.075 m
 * inscribed in each 0.15 m cell). Touching (zero-area overlap) is not a collision.
 *
 * @param length extent along the heading [m], &gt; 0.
 * @param width  extent across the heading [m], &gt; 0.
 */
public record Footprint(double length, double width) {
    /** Clearpath Jackal: 0.42 m × 0.33 m. */
    public static final Footprint JACKAL = new Footprint(0.42, 0.33);

    /** Validates positive finite dimensions. */
    public Footprint {
        if (!(length > 0) || !Double.isFinite(length)) {
            throw new IllegalArgumentException("footprint length [m] must be finite and > 0: " + length);
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("footprint width [m] must be finite and > 0: " + width);
        }
    }

    /** @return radius of the circumscribed circle, √((L/2)² + (W/2)²) [m]. */
    public double circumradius() {
        return Math.hypot(0.5 * length, 0.5 * width);
    }

    /** @return radius of the inscribed circle, min(L, W)/2 [m]. */
    public double inradius() {
        return 0.5 * Math.min(length, width);
    }

    /**
     * Whether the footprint at a pose overlaps any occupied cell. Allocation-free.
     *
     * <pre>
     * rectangle axes u = (cos θ, sin θ), n = (−sin θ, cos θ), half-extents a = L/2, b = W/2; square half-edge h.
     * separated along u  ⇔ |(c − p)·u| ≥ a + h(|uₓ| + |u_y|)   (likewise n with b, and x, y with the rectangle's
     * half-extents a|uₓ| + b|nₓ|, a|u_y| + b|n_y|)
     * </pre>
     *
     * @param grid  obstacles. Not modified.
     * @param x     robot x [m].
     * @param y     robot y [m].
     * @param theta heading [rad].
     * @return true when the rectangle's interior overlaps an occupied square.
     */
    public boolean collides(OccupancyGrid grid, double x, double y, double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double a = 0.5 * length;
        double b = 0.5 * width;
        double ac = Math.abs(c);
        double as = Math.abs(s);
        double ex = a * ac + b * as; // half-extent of the rectangle's bounding box along x
        double ey = a * as + b * ac;
        double res = grid.resolution();
        double h = 0.5 * res;
        double hu = h * (ac + as); // square's half-extent along u (and along n)
        int ix0 = Math.max(grid.cellX(x - ex), 0);
        int ix1 = Math.min(grid.cellX(x + ex), grid.sizeX() - 1);
        int iy0 = Math.max(grid.cellY(y - ey), 0);
        int iy1 = Math.min(grid.cellY(y + ey), grid.sizeY() - 1);
        for (int ix = ix0; ix <= ix1; ix++) {
            double dx = grid.centerX(ix) - x;
            if (Math.abs(dx) >= ex + h) {
                continue;
            }
            for (int iy = iy0; iy <= iy1; iy++) {
                if (!grid.isOccupied(ix, iy)) {
                    continue;
                }
                double dy = grid.centerY(iy) - y;
                if (Math.abs(dy) >= ey + h) {
                    continue;
                }
                if (Math.abs(dx * c + dy * s) >= a + hu) {
                    continue;
                }
                if (Math.abs(-dx * s + dy * c) >= b + hu) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the footprint at a pose overlaps any moving disc (current positions). Allocation-free.
     *
     * <pre>
     * in the robot frame (ξ, η) = Rᵀ(c − p); nearest rectangle point (clamp(ξ, ±a), clamp(η, ±b));
     * collision ⇔ squared distance to it &lt; r²
     * </pre>
     *
     * @param obstacles discs. Not modified.
     * @param x         robot x [m].
     * @param y         robot y [m].
     * @param theta     heading [rad].
     * @return true when the rectangle overlaps a disc.
     */
    public boolean collides(List<? extends MovingDisc> obstacles, double x, double y, double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double a = 0.5 * length;
        double b = 0.5 * width;
        for (int k = 0, n = obstacles.size(); k < n; k++) {
            MovingDisc o = obstacles.get(k);
            double dx = o.x() - x;
            double dy = o.y() - y;
            double xi = dx * c + dy * s;
            double eta = -dx * s + dy * c;
            double qx = xi - Math.max(-a, Math.min(a, xi));
            double qy = eta - Math.max(-b, Math.min(b, eta));
            double r = o.radius();
            if (qx * qx + qy * qy < r * r) {
                return true;
            }
        }
        return false;
    }
}
