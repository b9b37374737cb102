package org.foresight.mpc.perception;

import java.util.Arrays;
import org.foresight.dynamics.world.Lidar;

/**
 * Keeps moving obstacles out of a map built from the same scans that track them ({@code --perception lidar}):
 * decides, per scan, which returns belong to a {@link DiscTracker} track and must not be integrated into the
 * {@link LidarMap}, which discs' cells the map should clear, and which tracks the planner is told of.
 *
 * <h2>Moving or static</h2>
 * The tracker cuts every cluster the current map does not explain into a disc, and that includes a static obstacle
 * seen for the first time (its cells are not in the map yet). They are told apart by whether they move:
 * <pre>
 *   moving    travel ≥ moveDistance                         (travel: the farthest the filtered centre has been
 *                                                            from where the track was born; once moving, always)
 *   static    age ≥ staticAge and travel &lt; moveDistance and |v̂| &lt; staticSpeed   (v̂ the filtered velocity)
 *   undecided otherwise (young, or not yet moved far but fast)
 * </pre>
 * A moving or undecided track is <b>held</b>: each return within (radius + holdMargin) of its centre frees the
 * cells in front of it (up to backoff short of the range) but marks no hit, so the disc leaves no wall behind it.
 * A static track's returns go into the map like any other; once there, the map explains them, no cluster forms and
 * the track dies unmatched. The price is a delay of staticAge before a small static obstacle first seen enters the
 * map (the planner meanwhile has it as a confirmed track at rest); a wall wider than 2·maxRadius is no disc and
 * enters at once.
 *
 * <h2>Clearing</h2>
 * Returns integrated before a track held them (a disc partly hidden, a cluster cut short) leave occupied cells;
 * the beams that later pass through them free them, and the cells within clearFraction·radius of a moving
 * confirmed track are freed every scan as well.
 *
 * <p>Grow-only buffers: no allocation once the beam count is known. Not thread-safe; one per episode.
 */
public final class MovingReturnFilter {
    private final MovingFilterConfig config;
    private boolean[] held = new boolean[0];
    private double[] ranges = new double[0];

    /** @param config settings. */
    public MovingReturnFilter(MovingFilterConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("a moving return filter needs its config");
        }
        this.config = config;
    }

    /** @return the settings. */
    public MovingFilterConfig config() {
        return config;
    }

    /**
     * @param tracker the tracker. Not modified.
     * @param i       track index.
     * @return whether track i is held out of the map (moving or undecided).
     */
    public boolean holds(DiscTracker tracker, int i) {
        return tracker.trackTravel(i) >= config.moveDistance() || tracker.trackAge(i) < config.staticAge()
                || Math.hypot(tracker.trackVx(i), tracker.trackVy(i)) >= config.staticSpeed();
    }

    /**
     * @param tracker the tracker. Not modified.
     * @param i       track index.
     * @return whether track i has moved (its cells are cleared).
     */
    public boolean moving(DiscTracker tracker, int i) {
        return tracker.trackTravel(i) >= config.moveDistance();
    }

    /**
     * Marks the returns of one scan that fall on a held track (after the tracker's update with this scan).
     *
     * <pre>
     *   return b at q_b = s + r_b·(cos(θ + α_b), sin(θ + α_b));  held ⇔ ∃ held track i: |q_b − c_i| ≤ r_i + holdMargin
     *   held ⇒ range r_b − backoff, no hit
     * </pre>
     *
     * @param tracker the tracker, updated with this scan. Not modified.
     * @param lidar   the lidar the scan was taken with.
     * @param scan    ranges [m], one per beam. Not modified.
     * @param sx      sensor x [m] in the frame of the tracks.
     * @param sy      sensor y [m].
     * @param stheta  sensor heading [rad].
     * @return the number of held returns; the ranges and flags to integrate are {@link #ranges()} and
     *         {@link #held()} until the next call.
     */
    public int mark(DiscTracker tracker, Lidar lidar, double[] scan, double sx, double sy, double stheta) {
        int n = lidar.config().beams();
        if (held.length < n) {
            held = new boolean[n];
            ranges = new double[n];
        }
        System.arraycopy(scan, 0, ranges, 0, n);
        Arrays.fill(held, 0, n, false);
        int nt = tracker.trackCount();
        boolean any = false;
        for (int i = 0; i < nt && !any; i++) {
            any = holds(tracker, i);
        }
        if (!any) {
            return 0;
        }
        double max = lidar.config().maxRange();
        double margin = config.holdMargin();
        int count = 0;
        for (int b = 0; b < n; b++) {
            double r = scan[b];
            if (!(r < max)) {
                continue;
            }
            double a = stheta + lidar.beamAngle(b);
            double qx = sx + r * Math.cos(a);
            double qy = sy + r * Math.sin(a);
            for (int i = 0; i < nt; i++) {
                double reach = tracker.trackRadius(i) + margin;
                double ex = qx - tracker.trackX(i);
                double ey = qy - tracker.trackY(i);
                if (ex * ex + ey * ey <= reach * reach && holds(tracker, i)) {
                    held[b] = true;
                    ranges[b] = Math.max(0.0, r - config.backoff());
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** @return the ranges to integrate [m] (a held return shortened by backoff), as of the last {@link #mark}. */
    public double[] ranges() {
        return ranges;
    }

    /** @return per beam, whether its return is held out, as of the last {@link #mark}. */
    public boolean[] held() {
        return held;
    }

    /**
     * The discs whose cells the map clears: every confirmed moving track, radius clearFraction·r.
     *
     * @param tracker the tracker. Not modified.
     * @param out     (Output) cleared and filled (velocities 0). Modified.
     * @return out.
     */
    public MovingDiscs clearing(DiscTracker tracker, MovingDiscs out) {
        out.clear();
        if (config.clearFraction() == 0) {
            return out;
        }
        for (int i = 0; i < tracker.trackCount(); i++) {
            if (tracker.confirmed(i) && moving(tracker, i)) {
                out.add(tracker.trackX(i), tracker.trackY(i), 0, 0, config.clearFraction() * tracker.trackRadius(i));
            }
        }
        return out;
    }

    /**
     * The moving obstacles the planner is told of: every confirmed track not judged static (a static one is in the
     * map), with its turn rate and acceleration.
     *
     * @param tracker the tracker. Not modified.
     * @param out     (Output) cleared and filled. Modified.
     * @return out.
     */
    public MovingDiscs movers(DiscTracker tracker, MovingDiscs out) {
        out.clear();
        for (int i = 0; i < tracker.trackCount(); i++) {
            if (tracker.confirmed(i) && holds(tracker, i)) {
                out.add(tracker.trackX(i), tracker.trackY(i), tracker.trackVx(i), tracker.trackVy(i),
                        tracker.trackRadius(i), tracker.trackId(i), tracker.trackSigma(i));
                out.setTurnRate(out.count() - 1, tracker.trackTurnRate(i));
                out.setAcceleration(out.count() - 1, tracker.trackAcceleration(i));
            }
        }
        return out;
    }
}
