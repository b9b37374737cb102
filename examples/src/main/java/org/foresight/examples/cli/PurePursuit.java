package org.foresight.examples.cli;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Polyline;

/**
 * A map-free pure-pursuit controller along a polyline: steer toward the point one lookahead distance
 * ahead on the path, ω = 2·v·sin(α)/L (Coulter 1992). Used by {@code simulate --controller pursuit}.
 */
final class PurePursuit {
    private PurePursuit() {
    }

    /**
     * @param pathXY    interleaved x,y [m].
     * @param x         state (x, y, θ, …).
     * @param speed     forward speed [m/s].
     * @param lookahead lookahead distance L [m].
     * @param cmdOut    (Output) (cmd_v, cmd_ω). Modified.
     */
    static void command(double[] pathXY, double[] x, double speed, double lookahead, double[] cmdOut) {
        int n = pathXY.length / 2;
        double px = x[StateIndex.X];
        double py = x[StateIndex.Y];
        int nearest = Polyline.nearestVertex(pathXY, px, py);
        int target = n - 1;
        for (int i = nearest; i < n; i++) {
            if (Math.hypot(pathXY[2 * i] - px, pathXY[2 * i + 1] - py) >= lookahead) {
                target = i;
                break;
            }
        }
        double alpha = Angles.wrap(Math.atan2(pathXY[2 * target + 1] - py, pathXY[2 * target] - px) - x[StateIndex.THETA]);
        cmdOut[0] = speed * Math.max(0.2, Math.cos(alpha));
        cmdOut[1] = Math.max(-4.0, Math.min(4.0, 2 * cmdOut[0] * Math.sin(alpha) / lookahead));
    }
}
