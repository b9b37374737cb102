package org.foresight.mpc.perception;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.LidarConfig;

/**
 * {@code --localization scanmatch}: odometry corrected by matching each scan against the robot's own map, as a
 * robot's localisation without a given map would (the map frame is the odometry frame at the start, where BARN's
 * goal is given). Keeps the rigid correction C from the odometry frame to the map frame:
 * <pre>
 *   predicted  p̂ = C ∘ o = (R(φ)·(x_o, y_o) + (c_x, c_y),  θ_o + φ)        (o: the odometry pose now)
 *   matched    p  = {@link ScanMatcher#match}(scan, p̂, map)                (= p̂ when the gate rejects)
 *   update     φ ← θ − θ_o,   (c_x, c_y) ← (x, y) − R(φ)·(x_o, y_o)          (so that C ∘ o = p)
 * </pre>
 * so the odometry's increments carry the pose between scans and the matches hold it to the map. The speeds
 * (v, ω) are body-frame measurements and pass unchanged. The scan is matched before it is integrated, and should
 * be integrated at the returned pose. Until the map holds {@link #MIN_OCCUPIED} occupied cells (the first scan)
 * nothing is matched. Only returns that end next to a cell already seen occupied are matched (surfaces seen for the
 * first time would pull the pose towards the nearest mapped cell: driving along a wall, its newly seen continuation
 * pulled the estimate back by half a cell).
 *
 * <p>Deterministic; no allocation per call once the matcher's beam table and the filtered-scan buffer are built. Not thread-safe; one per
 * episode.
 */
public final class MapLocalizer {
    /** Occupied cells the map needs before scans are matched against it. */
    public static final int MIN_OCCUPIED = 20;

    private final ScanMatcher matcher;
    private double phi;
    private double cx;
    private double cy;
    private long matches;
    private long accepted;
    private double[] scratch = new double[0];

    /** @param config the matcher's settings. */
    public MapLocalizer(ScanMatcherConfig config) {
        this.matcher = new ScanMatcher(config);
    }

    /**
     * Corrects an odometry estimate with one scan (class Javadoc).
     *
     * @param state  (Input/Output) the odometry estimate (x [m], y [m], θ [rad], then speeds, ...); x, y, θ are
     *               overwritten with the pose in the map frame, the rest not modified.
     * @param ranges the scan taken at the robot's true pose [m], length ≥ lidar.beams(). Not modified (the filtered
     *               copy is this object's).
     * @param lidar  the beam layout.
     * @param map    the robot's map so far (before this scan is integrated). Not modified.
     * @return whether this scan's match was accepted (false also when nothing was matched).
     */
    public boolean localize(double[] state, double[] ranges, LidarConfig lidar, LidarMap map) {
        double xo = state[StateIndex.X];
        double yo = state[StateIndex.Y];
        double to = state[StateIndex.THETA];
        double c = Math.cos(phi);
        double s = Math.sin(phi);
        state[StateIndex.X] = c * xo - s * yo + cx;
        state[StateIndex.Y] = s * xo + c * yo + cy;
        state[StateIndex.THETA] = Angles.wrap(to + phi);
        if (map.occupiedCount() < MIN_OCCUPIED) {
            return false;
        }
        matches++;
        double[] seen = seenReturns(ranges, lidar, map, state);
        if (!matcher.match(seen, lidar, map.config().sensorOffset(), map.config().minRange(), map.grid(), state)) {
            return false;
        }
        accepted++;
        phi = Angles.wrap(state[StateIndex.THETA] - to);
        c = Math.cos(phi);
        s = Math.sin(phi);
        cx = state[StateIndex.X] - (c * xo - s * yo);
        cy = state[StateIndex.Y] - (s * xo + c * yo);
        return true;
    }

    /**
     * The returns whose end point, at the predicted pose, lies in or next to (8-neighbourhood) a cell the map has
     * seen occupied; the others (surfaces seen for the first time: a wall's continuation beyond the mapped part, the
     * far side of an obstacle) are set to NaN, so they cannot pull the pose towards the nearest mapped cell.
     */
    private double[] seenReturns(double[] ranges, LidarConfig lidar, LidarMap map, double[] pose) {
        int n = lidar.beams();
        if (scratch.length < n) {
            scratch = new double[n];
        }
        double th = pose[StateIndex.THETA];
        double c = Math.cos(th);
        double s = Math.sin(th);
        double off = map.config().sensorOffset();
        double px = pose[StateIndex.X] + off * c;
        double py = pose[StateIndex.Y] + off * s;
        double max = lidar.maxRange();
        for (int i = 0; i < n; i++) {
            double r = ranges[i];
            scratch[i] = Double.NaN;
            if (!(r < max)) {
                continue;
            }
            double a = n == 1 ? 0.0 : -0.5 * lidar.fieldOfView() + i * lidar.fieldOfView() / (n - 1);
            int ix = map.cellX(px + r * Math.cos(th + a));
            int iy = map.cellY(py + r * Math.sin(th + a));
            boolean near = false;
            for (int dx = -1; dx <= 1 && !near; dx++) {
                for (int dy = -1; dy <= 1 && !near; dy++) {
                    near = map.isOccupied(ix + dx, iy + dy);
                }
            }
            if (near) {
                scratch[i] = r;
            }
        }
        return scratch;
    }

    /** Forgets the correction (identity) and the counts: a new episode, the map reset. */
    public void reset() {
        phi = 0;
        cx = 0;
        cy = 0;
        matches = 0;
        accepted = 0;
    }

    /** @return the correction's rotation φ [rad]. */
    public double correctionTheta() {
        return phi;
    }

    /** @return the correction's translation along x [m]. */
    public double correctionX() {
        return cx;
    }

    /** @return the correction's translation along y [m]. */
    public double correctionY() {
        return cy;
    }

    /** @return scans matched since the last reset. */
    public long matches() {
        return matches;
    }

    /** @return matches accepted by the gate since the last reset. */
    public long acceptedMatches() {
        return accepted;
    }

    /** @return the matcher (its diagnostics describe the last match). */
    public ScanMatcher matcher() {
        return matcher;
    }
}
