package org.foresight.mpc.ilqr;

import org.foresight.mpc.path.GuidePath;

/** The reference positions iLQR tracks: a point moving along the guide at the reference speed. Stateless. */
final class ReferenceTrack {
    private ReferenceTrack() {
    }

    /**
     * The reference r_t, t = 0..T: guide points t·v_ref·dt of arc after the guide point nearest the robot
     * (linear between the guide's samples, held at its end); without a guide, the straight line to the goal.
     *
     * @param guide   the guide path, or null.
     * @param goalX   goal x [m] (used without a guide).
     * @param goalY   goal y [m].
     * @param px      robot x [m].
     * @param py      robot y [m].
     * @param step    arc length between consecutive reference points, v_ref·dt [m].
     * @param horizon T [steps].
     * @param ref     (Output) r_t interleaved x, y, length ≥ 2(T + 1) [m]. Modified.
     */
    static void fill(GuidePath guide, double goalX, double goalY, double px, double py, double step, int horizon,
                     double[] ref) {
        if (guide != null) {
            double[] p = guide.sampledXY();
            int count = guide.sampleCount();
            int k0 = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < count; k++) {
                double ex = p[2 * k] - px;
                double ey = p[2 * k + 1] - py;
                double d2 = ex * ex + ey * ey;
                if (d2 < best) {
                    best = d2;
                    k0 = k;
                }
            }
            for (int t = 0; t <= horizon; t++) {
                double sIdx = k0 + t * step / GuidePath.SPACING;
                if (sIdx >= count - 1) {
                    ref[2 * t] = p[2 * (count - 1)];
                    ref[2 * t + 1] = p[2 * (count - 1) + 1];
                } else {
                    int i = (int) sIdx;
                    double f = sIdx - i;
                    ref[2 * t] = p[2 * i] + f * (p[2 * i + 2] - p[2 * i]);
                    ref[2 * t + 1] = p[2 * i + 1] + f * (p[2 * i + 3] - p[2 * i + 1]);
                }
            }
        } else {
            double ex = goalX - px;
            double ey = goalY - py;
            double dist = Math.sqrt(ex * ex + ey * ey);
            double ux = dist > 0 ? ex / dist : 0.0;
            double uy = dist > 0 ? ey / dist : 0.0;
            for (int t = 0; t <= horizon; t++) {
                double a = Math.min(t * step, dist);
                ref[2 * t] = px + a * ux;
                ref[2 * t + 1] = py + a * uy;
            }
        }
    }
}
