package org.foresight.mpc.recovery;

import org.foresight.mpc.perception.DistanceGrid;
import org.foresight.mpc.perception.ObstacleField;

/** The recovery tests' obstacle field: a 10 m square at 0.05 m, free everywhere or but for one half plane. */
final class HalfPlaneField {
    private HalfPlaneField() {
    }

    /**
     * @param wallX the half plane x &lt; wallX is solid [m]; NaN for a field free everywhere (distance 10 m).
     * @return the field.
     */
    static ObstacleField of(double wallX) {
        int n = 200;
        double res = 0.05;
        double[] v = new double[n * n];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                v[ix * n + iy] = Double.isFinite(wallX) ? (-5 + (ix + 0.5) * res) - wallX : 10.0;
            }
        }
        DistanceGrid g = new DistanceGrid(v, n, n, res, -5, -5);
        return () -> g;
    }
}
