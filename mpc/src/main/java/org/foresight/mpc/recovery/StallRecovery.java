package org.foresight.mpc.recovery;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Polyline;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.path.GuidePath;
import org.foresight.mpc.perception.MovingDiscs;

/**
 * The stall test and the scripted manoeuvre that follows it, shared by {@link RecoveringPlanner} and the
 * mode-switching planner. Each cycle {@link #step} records the measured position; once the robot's net
 * displacement over the last stall time is below the stall progress (away from the goal), it either
 * <ul>
 *   <li><b>spins</b> in place at (0, ±{@value #SPIN_RATE} rad/s) towards the way on, when the robot faces more than
 *       {@value #SPIN_TRIGGER} rad away from it and the footprint's circumcircle plus {@link #CLEARANCE} is clear
 *       of known obstacles, until it faces within {@value #SPIN_DONE} rad of it (or the spin's time is up). The
 *       way on is the direction to the guide path {@value #SPIN_LOOKAHEAD} m past its point nearest the robot
 *       (the goal without a guide). An optimiser whose every sampled motion costs more than standing still
 *       settles facing away from a gap it must turn round for: its samples within the noise never turn
 *       that far, and backing up alone leaves it facing the same way (BARN world 237 under lidar: the
 *       robot rocked in front of such a gap for 95 s). Nav2's recovery behaviours spin for the same reason.</li>
 *   <li>or <b>backs up</b>, commanding (−speed, 0) for the recovery time while three points across the strip
 *       behind the footprint are clear of known obstacles (and of the known moving obstacles' paths over the next
 *       second).</li>
 * </ul>
 * Then it reports that the caller should plan afresh. Net displacement, not distance driven: rocking back and
 * forth in front of a gap is a stall. Allocation-free; not thread-safe.
 */
public final class StallRecovery {
    /** How far behind the footprint's rear edge the recovery checks for room [m]. */
    public static final double CHECK_DISTANCE = 0.15;
    /** Clearance the recovery keeps from anything behind [m]. */
    public static final double CLEARANCE = 0.05;
    /** How far ahead a moving obstacle's path is checked against the strip behind [s]. */
    static final double MOVER_LOOKAHEAD = 1.0;
    /** Turn rate of a spin [rad/s] (Nav2's spin behaviour defaults to 1 rad/s too). */
    public static final double SPIN_RATE = 1.0;
    /** Heading error to the way on above which a stalled robot spins rather than backs up [rad]. */
    public static final double SPIN_TRIGGER = Math.PI / 2;
    /** Heading error at which a spin ends [rad]. */
    public static final double SPIN_DONE = 0.3;
    /** How far along the guide, past its point nearest the robot, the way on is aimed at [m]. */
    public static final double SPIN_LOOKAHEAD = 1.0;
    /** Positions kept for the stall test: 512 cycles, 25.6 s at 20 Hz, more than any sensible stall time. */
    static final int HISTORY = 512;

    /** What {@link #step} did this cycle. */
    public enum Outcome {
        /** Not stalled: the caller plans as usual. */
        NONE,
        /** Backing up or spinning: the command is written, the caller must not plan. */
        BACKING,
        /** A recovery just ended (its time is up, or the way behind is blocked): the caller forgets its warm
         *  start and plans afresh this cycle. */
        ENDED
    }

    private final double stallTime;
    private final double stallProgress;
    private final double time;
    private final double speed;
    private final double halfLength;
    private final double halfWidth;
    private final double circumradius;
    private final boolean spinAllowed;
    /** Recent measured positions, a ring of {@link #HISTORY} (time [s], x [m], y [m]). */
    private final double[] historyT = new double[HISTORY];
    private final double[] historyX = new double[HISTORY];
    private final double[] historyY = new double[HISTORY];
    private int historyCount;
    private double until = Double.NEGATIVE_INFINITY;
    private boolean backing;
    /** Whether the recovery under way is a spin (else a back-up). */
    private boolean spinning;
    /** The heading a spin turns to [rad]. */
    private double spinTarget;
    private int recoveries;

    /**
     * @param stallTime     window over which progress is judged [s], &gt; 0, at most {@link #HISTORY} cycles.
     * @param stallProgress least net displacement over stallTime that is not a stall [m].
     * @param time          how long one recovery backs up [s].
     * @param speed         backing speed [m/s], &gt; 0.
     * @param halfLength    half the footprint's length [m].
     * @param halfWidth     half the footprint's width [m].
     * @param spin          whether a robot facing away from the way on may spin instead of backing up.
     */
    public StallRecovery(double stallTime, double stallProgress, double time, double speed, double halfLength,
                         double halfWidth, boolean spin) {
        this.stallTime = stallTime;
        this.stallProgress = stallProgress;
        this.time = time;
        this.speed = speed;
        this.halfLength = halfLength;
        this.halfWidth = halfWidth;
        this.circumradius = Math.hypot(halfLength, halfWidth);
        this.spinAllowed = spin;
    }

    /** @param c the settings; @param halfLength half the footprint's length [m]; @param halfWidth half its width [m]. */
    public StallRecovery(RecoveryConfig c, double halfLength, double halfWidth) {
        this(c.stallTime(), c.stallProgress(), c.time(), c.speed(), halfLength, halfWidth, c.spin());
    }

    /** Forgets the position history and any recovery under way (a new episode). */
    public void reset() {
        historyCount = 0;
        until = Double.NEGATIVE_INFINITY;
        backing = false;
        spinning = false;
        recoveries = 0;
    }

    /** @return how many recoveries began since the last {@link #reset()}. */
    public int recoveries() {
        return recoveries;
    }

    /**
     * One control cycle: records the position, starts a recovery on a stall, and writes the back-up command.
     *
     * @param request this cycle's request. Not modified.
     * @param out     (Output) written only when the outcome is {@link Outcome#BACKING}: the command, status OK,
     *                no plan, no rollouts, mode "recovery".
     * @return what happened.
     */
    public Outcome step(PlanRequest request, Plan out) {
        double t = request.time();
        if (!backing && stalled(request)) {
            backing = true;
            recoveries++;
            double[] s = request.state();
            double error = spinAllowed ? Angles.wrap(wayOn(request) - s[StateIndex.THETA]) : 0.0;
            spinning = Math.abs(error) > SPIN_TRIGGER && roomToSpin(request);
            if (spinning) {
                spinTarget = s[StateIndex.THETA] + error;
                // the turn at SPIN_RATE, plus a second for the drive's lag and rate limits
                until = t + Math.abs(error) / SPIN_RATE + 1.0;
            } else {
                until = t + time;
            }
        }
        if (!backing) {
            return Outcome.NONE;
        }
        if (t < until && (spinning ? spin(request, out) : backUp(request, out))) {
            return Outcome.BACKING;
        }
        backing = false; // done, or blocked
        spinning = false;
        historyCount = 0;
        return Outcome.ENDED;
    }

    /**
     * The direction of the way on from the robot [rad]: to the guide's point {@link #SPIN_LOOKAHEAD} m past the one
     * nearest the robot (the guide's last point if it ends sooner), or to the goal without a guide.
     */
    private static double wayOn(PlanRequest r) {
        double x = r.state()[StateIndex.X];
        double y = r.state()[StateIndex.Y];
        GuidePath g = r.guide();
        if (g == null) {
            return Math.atan2(r.goalY() - y, r.goalX() - x);
        }
        double[] p = g.sampledXY();
        int k = Math.min(g.sampleCount() - 1,
                Polyline.nearestVertex(p, x, y) + (int) Math.round(SPIN_LOOKAHEAD / GuidePath.SPACING));
        return Math.atan2(p[2 * k + 1] - y, p[2 * k] - x);
    }

    /** Whether the footprint's circumcircle plus {@link #CLEARANCE} is clear of known static obstacles. */
    private boolean roomToSpin(PlanRequest r) {
        double[] s = r.state();
        return r.obstacles().distance(s[StateIndex.X], s[StateIndex.Y]) > circumradius + CLEARANCE;
    }

    /**
     * Turns in place towards the spin's target while there is room.
     *
     * @return whether it did (false: facing the way on, or no room; nothing written).
     */
    private boolean spin(PlanRequest r, Plan out) {
        double error = Angles.wrap(spinTarget - r.state()[StateIndex.THETA]);
        if (Math.abs(error) < SPIN_DONE || !roomToSpin(r)) {
            return false;
        }
        out.fixedCommand(0.0, Math.copySign(SPIN_RATE, error), "recovery");
        return true;
    }

    /** Whether the net displacement over the last stall time is below the stall progress, away from the goal. */
    private boolean stalled(PlanRequest r) {
        double x = r.state()[StateIndex.X];
        double y = r.state()[StateIndex.Y];
        double t = r.time();
        int slot = historyCount % HISTORY;
        historyT[slot] = t;
        historyX[slot] = x;
        historyY[slot] = y;
        historyCount++;
        // The latest sample at least stallTime old (the ring holds well over stallTime of 50 ms cycles).
        for (int i = 1; i < Math.min(historyCount, HISTORY); i++) {
            int k = (historyCount - 1 - i) % HISTORY;
            if (t - historyT[k] >= stallTime) {
                double toGoal = Math.hypot(r.goalX() - x, r.goalY() - y);
                return Math.hypot(x - historyX[k], y - historyY[k]) < stallProgress && toGoal > r.goalTolerance();
            }
        }
        return false;
    }

    /**
     * Whether a known moving obstacle, at constant velocity, comes within its radius plus {@link #CLEARANCE} of
     * the check point (x, y) as the robot backs along (−cos θ, −sin θ) over the next {@link #MOVER_LOOKAHEAD}.
     */
    private boolean moverBehind(MovingDiscs m, double x, double y, double c, double sn) {
        for (int i = 0; i < m.count(); i++) {
            for (double tau = 0; tau <= MOVER_LOOKAHEAD + 1e-9; tau += 0.25) {
                double px = x - speed * tau * c;
                double py = y - speed * tau * sn;
                double dx = m.x(i) + m.vx(i) * tau - px;
                double dy = m.y(i) + m.vy(i) * tau - py;
                if (Math.hypot(dx, dy) < m.radius(i) + CLEARANCE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Backs straight up if three points across the strip behind the footprint are clear.
     *
     * @return whether it did (false: blocked behind, nothing written).
     */
    private boolean backUp(PlanRequest r, Plan out) {
        double[] s = r.state();
        double x = s[StateIndex.X];
        double y = s[StateIndex.Y];
        double c = Math.cos(s[StateIndex.THETA]);
        double sn = Math.sin(s[StateIndex.THETA]);
        double back = halfLength + CHECK_DISTANCE;
        for (int i = -1; i <= 1; i++) {
            double lateral = i * halfWidth;
            double px = x - back * c - lateral * sn;
            double py = y - back * sn + lateral * c;
            if (!(r.obstacles().distance(px, py) > CLEARANCE) || moverBehind(r.movers(), px, py, c, sn)) {
                return false;
            }
        }
        out.fixedCommand(-speed, 0.0, "recovery");
        return true;
    }
}
