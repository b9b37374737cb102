package org.foresight.mpc.switching;

import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.ObstacleField;

/**
 * Chooses the driving mode of each cycle from what the robot knows: the clearance its obstacle field shows
 * along the guide path ahead, and whether that path runs behind it. Stateful only for the hysteresis (a
 * faster mode waits {@link SwitchingConfig#upshiftCycles()} cycles; a slower one is taken at once); recovery is
 * the planner's business, not the selector's. Allocation-free.
 *
 * <pre>
 *   i₀ = argmin_i |p_i − (x, y)|                               nearest resampled path point
 *   c  = min( d(x, y), min_{i₀ ≤ i ≤ i₀ + L/Δs} d(p_i) )       d: signed distance to the nearest known obstacle
 *   mode = open if c ≥ c_open, obstacle if c ≥ c_obstacle, else careful
 *   reverse if  #{ i₀ &lt; i ≤ i₀ + L_r/Δs : |wrap(atan2(p_i − p_{i−1}) − θ)| &gt; π/2 } &gt; f_r · #{…}
 *               and d(x, y) &lt; r_turn + 0.05 m              no room to turn in place (r_turn: footprint half-diagonal)
 * </pre>
 * A reverse lasts at most {@link SwitchingConfig#reverseTime()} and is then barred for as long.
 */
public final class ModeSelector {
    /** Room beyond the footprint's half-diagonal that turning in place needs [m]. */
    static final double TURN_MARGIN = 0.05;
    private final SwitchingConfig config;
    private final double turnRadius;
    private DrivingMode current = DrivingMode.CAREFUL;
    private int upshiftVotes;
    private double lastClearance = Double.NaN;
    private double reverseSince = Double.NaN;
    private double reverseBarredUntil = Double.NEGATIVE_INFINITY;

    /**
     * @param config     thresholds and hysteresis.
     * @param turnRadius the footprint's half-diagonal, the room it needs to turn in place [m], &gt; 0.
     */
    public ModeSelector(SwitchingConfig config, double turnRadius) {
        if (!(turnRadius > 0)) {
            throw new IllegalArgumentException("turnRadius must be > 0 m, got " + turnRadius);
        }
        this.config = config;
        this.turnRadius = turnRadius;
    }

    /** Starts a new episode in careful mode (a robot at rest knows least). */
    public void reset() {
        current = DrivingMode.CAREFUL;
        upshiftVotes = 0;
        lastClearance = Double.NaN;
        reverseSince = Double.NaN;
        reverseBarredUntil = Double.NEGATIVE_INFINITY;
    }

    /** @return the mode chosen by the last {@link #select}, careful before the first. */
    public DrivingMode current() {
        return current;
    }

    /** @return the clearance the last {@link #select} measured [m], NaN before the first. */
    public double lastClearance() {
        return lastClearance;
    }

    /**
     * Picks this cycle's mode (never {@link DrivingMode#RECOVERY}).
     *
     * @param time      the measurement's time [s].
     * @param state     robot state x [m], y [m], θ [rad], …. Not modified.
     * @param guide     the guide path, or null (then only the clearance at the robot counts).
     * @param obstacles what the robot knows of the obstacles.
     * @return the mode to drive in.
     */
    public DrivingMode select(double time, double[] state, GuidePath guide, ObstacleField obstacles) {
        double x = state[StateIndex.X];
        double y = state[StateIndex.Y];
        double clearance = obstacles.distance(x, y);
        boolean cornered = clearance < turnRadius + TURN_MARGIN;
        boolean behind = false;
        if (guide != null) {
            double[] p = guide.sampledXY();
            int m = guide.sampleCount();
            int i0 = nearest(p, m, x, y);
            int last = Math.min(m - 1, i0 + (int) Math.ceil(config.lookahead() / GuidePath.SPACING));
            for (int i = i0; i <= last; i++) {
                clearance = Math.min(clearance, obstacles.distance(p[2 * i], p[2 * i + 1]));
            }
            behind = cornered && time >= reverseBarredUntil && pathRunsBehind(p, m, i0, state[StateIndex.THETA]);
        }
        boolean reverseExpired = current == DrivingMode.REVERSE && time - reverseSince >= config.reverseTime();
        if (reverseExpired) {
            behind = false;
            reverseBarredUntil = time + config.reverseTime();
        }
        lastClearance = clearance;
        DrivingMode wanted = behind ? DrivingMode.REVERSE
                : clearance >= config.openClearance() ? DrivingMode.OPEN
                : clearance >= config.obstacleClearance() ? DrivingMode.OBSTACLE
                : DrivingMode.CAREFUL;
        if (rank(wanted) <= rank(current) || reverseExpired) {
            upshiftVotes = 0;
            enter(wanted, time);
        } else if (++upshiftVotes >= config.upshiftCycles()) {
            upshiftVotes = 0;
            enter(wanted, time);
        }
        return current;
    }

    private void enter(DrivingMode wanted, double time) {
        if (wanted == DrivingMode.REVERSE && current != DrivingMode.REVERSE) {
            reverseSince = time;
        }
        current = wanted;
    }

    private boolean pathRunsBehind(double[] p, int m, int i0, double theta) {
        int last = Math.min(m - 1, i0 + (int) Math.ceil(config.reverseLookahead() / GuidePath.SPACING));
        int count = 0;
        int behind = 0;
        double cx = Math.cos(theta);
        double cy = Math.sin(theta);
        for (int i = i0 + 1; i <= last; i++) {
            double dx = p[2 * i] - p[2 * i - 2];
            double dy = p[2 * i + 1] - p[2 * i - 1];
            if (dx == 0 && dy == 0) {
                continue;
            }
            count++;
            if (dx * cx + dy * cy < 0) { // more than 90° from the heading
                behind++;
            }
        }
        return count > 0 && behind > config.reverseFraction() * count;
    }

    private static int nearest(double[] p, int m, double x, double y) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double dx = p[2 * i] - x;
            double dy = p[2 * i + 1] - y;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Speed order of the modes: a higher rank allows faster driving. */
    static int rank(DrivingMode m) {
        return switch (m) {
            case RECOVERY -> 0;
            case REVERSE -> 1;
            case CAREFUL -> 2;
            case OBSTACLE -> 3;
            case OPEN -> 4;
        };
    }
}
