package org.foresight.mpc.perception;

import java.util.Arrays;
import java.util.List;
import org.foresight.dynamics.world.MovingDisc;

/**
 * What the robot knows of the moving obstacles at a measurement: each disc's centre, velocity and radius, as
 * flat arrays (entry i of each). With {@code --perception map} they are the true discs (an oracle); a tracker
 * (a later step) fills them from its tracks. A mutable holder reused across cycles: grow-only arrays, so
 * steady-state cycles allocate nothing. Planners must treat it as read-only.
 */
public final class MovingDiscs {
    /** No moving obstacles (never filled). */
    public static final MovingDiscs NONE = new MovingDiscs(true);

    private final boolean frozen;
    private int count;
    private double[] x = new double[0];
    private double[] y = new double[0];
    private double[] vx = new double[0];
    private double[] vy = new double[0];
    private double[] radius = new double[0];
    private long[] id = new long[0];
    private double[] sigma = new double[0];
    private double[] sigmaV = new double[0];
    /** Turn rate of each disc's velocity [rad/s] (0: none estimated). */
    private double[] omega = new double[0];
    /** Tangential acceleration of each disc [m/s²] (0: none estimated). */
    private double[] accel = new double[0];
    /** Steps of the future table per disc (0: none), its step [s] and positions: index i·futureSteps + k. */
    private int futureSteps;
    private double futureDt;
    private double[] fx = new double[0];
    private double[] fy = new double[0];

    /** An empty, fillable holder. */
    public MovingDiscs() {
        this(false);
    }

    private MovingDiscs(boolean frozen) {
        this.frozen = frozen;
    }

    /**
     * Replaces the contents with the discs' current states.
     *
     * @param discs the discs. Not modified.
     * @return this.
     */
    public MovingDiscs set(List<? extends MovingDisc> discs) {
        clear();
        for (int i = 0, n = discs.size(); i < n; i++) {
            MovingDisc d = discs.get(i);
            add(d.x(), d.y(), d.vx(), d.vy(), d.radius());
        }
        return this;
    }

    /** Empties the holder. */
    public void clear() {
        if (frozen) {
            throw new IllegalStateException("MovingDiscs.NONE cannot be changed");
        }
        count = 0;
        futureSteps = 0;
    }

    /**
     * Appends a disc.
     *
     * @param px centre x [m].
     * @param py centre y [m].
     * @param pvx velocity x [m/s].
     * @param pvy velocity y [m/s].
     * @param r  radius [m], &gt; 0.
     */
    public void add(double px, double py, double pvx, double pvy, double r) {
        add(px, py, pvx, pvy, r, count, 0.0);
    }

    /**
     * Appends a disc with its identity and position uncertainty (a track's).
     *
     * @param px    centre x [m].
     * @param py    centre y [m].
     * @param pvx   velocity x [m/s].
     * @param pvy   velocity y [m/s].
     * @param r     radius [m], &gt; 0.
     * @param ident identity (a track's number; the index for the true discs).
     * @param s     position standard deviation [m], ≥ 0 (0 for the true discs).
     */
    public void add(double px, double py, double pvx, double pvy, double r, long ident, double s) {
        add(px, py, pvx, pvy, r, ident, s, 0.0);
    }

    /**
     * Appends a disc with its identity, position and velocity uncertainty (a track's).
     *
     * @param px    centre x [m].
     * @param py    centre y [m].
     * @param pvx   velocity x [m/s].
     * @param pvy   velocity y [m/s].
     * @param r     radius [m], &gt; 0.
     * @param ident identity (a track's number; the index for the true discs).
     * @param s     position standard deviation [m], ≥ 0 (0 for the true discs).
     * @param sv    velocity standard deviation [m/s], ≥ 0 (0 for the true discs).
     */
    public void add(double px, double py, double pvx, double pvy, double r, long ident, double s, double sv) {
        if (frozen) {
            throw new IllegalStateException("MovingDiscs.NONE cannot be changed");
        }
        if (count == x.length) {
            int cap = Math.max(8, 2 * count);
            x = Arrays.copyOf(x, cap);
            y = Arrays.copyOf(y, cap);
            vx = Arrays.copyOf(vx, cap);
            vy = Arrays.copyOf(vy, cap);
            radius = Arrays.copyOf(radius, cap);
            id = Arrays.copyOf(id, cap);
            sigma = Arrays.copyOf(sigma, cap);
            sigmaV = Arrays.copyOf(sigmaV, cap);
            omega = Arrays.copyOf(omega, cap);
            accel = Arrays.copyOf(accel, cap);
        }
        x[count] = px;
        y[count] = py;
        vx[count] = pvx;
        vy[count] = pvy;
        radius[count] = r;
        id[count] = ident;
        sigma[count] = s;
        sigmaV[count] = sv;
        omega[count] = 0.0;
        accel[count] = 0.0;
        count++;
    }

    /** @return the number of discs. */
    public int count() {
        return count;
    }

    /** @param i disc index in [0, count). @return centre x [m]. */
    public double x(int i) {
        return x[i];
    }

    /** @param i disc index. @return centre y [m]. */
    public double y(int i) {
        return y[i];
    }

    /** @param i disc index. @return velocity x [m/s]. */
    public double vx(int i) {
        return vx[i];
    }

    /** @param i disc index. @return velocity y [m/s]. */
    public double vy(int i) {
        return vy[i];
    }

    /** @param i disc index. @return radius [m]. */
    public double radius(int i) {
        return radius[i];
    }

    /** @param i disc index. @return identity (a track's number, or the true disc's index). */
    public long id(int i) {
        return id[i];
    }

    /** @param i disc index. @return position standard deviation [m] (0 for the true discs). */
    public double sigma(int i) {
        return sigma[i];
    }

    /** @param i disc. @return its velocity standard deviation, √((σ²_vx + σ²_vy)/2) [m/s] (0 for the true discs). */
    public double sigmaV(int i) {
        return sigmaV[i];
    }

    /**
     * Gives disc i a turn rate: the rate its velocity's direction turns, counter-clockwise positive (0 after
     * {@link #add}).
     *
     * @param i disc index in [0, count).
     * @param w turn rate [rad/s], finite.
     */
    public void setTurnRate(int i, double w) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("disc " + i + " of " + count);
        }
        if (!Double.isFinite(w)) {
            throw new IllegalArgumentException("turn rate must be finite rad/s, got " + w);
        }
        omega[i] = w;
    }

    /**
     * Gives disc i a tangential acceleration: the rate its speed changes (0 after {@link #add}).
     *
     * @param i disc index in [0, count).
     * @param a acceleration along its velocity [m/s²], finite (negative: slowing down).
     */
    public void setAcceleration(int i, double a) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("disc " + i + " of " + count);
        }
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("acceleration must be finite m/s², got " + a);
        }
        accel[i] = a;
    }

    /** @param i disc index. @return its tangential acceleration [m/s²] (0 unless {@link #setAcceleration} gave one). */
    public double acceleration(int i) {
        return accel[i];
    }

    /** @param i disc index. @return its turn rate [rad/s] (0 unless {@link #setTurnRate} gave one). */
    public double turnRate(int i) {
        return omega[i];
    }

    /**
     * The turn rate between two velocities dt apart: the signed angle from the first to the second over dt,
     * <pre>  ω = atan2(v₀ × v₁, v₀ · v₁) / Δt</pre>
     * (for small angles the cross product over |v|²·Δt). 0 when either speed is below minSpeed (a direction
     * that is noise) or Δt is not positive.
     *
     * @param vx0      earlier velocity x [m/s].
     * @param vy0      earlier velocity y [m/s].
     * @param vx1      later velocity x [m/s].
     * @param vy1      later velocity y [m/s].
     * @param dt       time between them [s].
     * @param minSpeed speed below which the direction is not trusted [m/s], ≥ 0.
     * @return ω [rad/s], in (−π/Δt, π/Δt].
     */
    public static double turnRate(double vx0, double vy0, double vx1, double vy1, double dt, double minSpeed) {
        double m2 = minSpeed * minSpeed;
        if (!(dt > 0) || vx0 * vx0 + vy0 * vy0 <= m2 || vx1 * vx1 + vy1 * vy1 <= m2) {
            return 0.0;
        }
        return Math.atan2(vx0 * vy1 - vy0 * vx1, vx0 * vx1 + vy0 * vy1) / dt;
    }

    // ------------------------------------------------------------------------------ the true future (an oracle)

    /**
     * Gives every disc held now a table of future positions (the oracle of the true future): entry k of disc i is
     * its centre at (k + 1)·dt after the measurement. Sized here, filled with {@link #setFuture}; cleared by
     * {@link #clear}. Grow-only.
     *
     * @param steps table length per disc, ≥ 1.
     * @param dt    step [s], &gt; 0.
     */
    public void startFuture(int steps, double dt) {
        if (steps < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("future table needs steps >= 1 and dt > 0 s, got " + steps + ", " + dt);
        }
        int n = steps * count;
        if (fx.length < n) {
            fx = new double[Math.max(n, 2 * fx.length)];
            fy = new double[fx.length];
        }
        futureSteps = steps;
        futureDt = dt;
    }

    /**
     * @param i disc index. @param k step in [0, futureSteps). @param px centre x [m] at (k + 1)·dt.
     * @param py centre y [m].
     */
    public void setFuture(int i, int k, double px, double py) {
        fx[i * futureSteps + k] = px;
        fy[i * futureSteps + k] = py;
    }

    /**
     * Re-expresses every disc in another frame: the frame in which a robot at true pose (tx, ty, tθ) believes
     * itself at (bx, by, bθ). With Δθ = bθ − tθ and R(Δθ) the rotation,
     * <pre>
     *   p ← R(Δθ)·(p − t) + b,   v ← R(Δθ)·v,   future table entries as p;   radius, σ, turn rate, acceleration kept
     * </pre>
     * so that each disc keeps its true place relative to the robot, as a perfect sensor on it would measure.
     *
     * @param tx true robot x [m]. @param ty true y [m]. @param tTheta true heading [rad].
     * @param bx believed robot x [m]. @param by believed y [m]. @param bTheta believed heading [rad].
     */
    public void reframe(double tx, double ty, double tTheta, double bx, double by, double bTheta) {
        double c = Math.cos(bTheta - tTheta);
        double s = Math.sin(bTheta - tTheta);
        for (int i = 0; i < count; i++) {
            double ex = x[i] - tx;
            double ey = y[i] - ty;
            x[i] = bx + c * ex - s * ey;
            y[i] = by + s * ex + c * ey;
            double wx = vx[i];
            vx[i] = c * wx - s * vy[i];
            vy[i] = s * wx + c * vy[i];
        }
        for (int k = 0, n = count * futureSteps; k < n; k++) {
            double ex = fx[k] - tx;
            double ey = fy[k] - ty;
            fx[k] = bx + c * ex - s * ey;
            fy[k] = by + s * ex + c * ey;
        }
    }

    /** @return steps in the future table per disc; 0 when the discs have none (predict at constant velocity). */
    public int futureSteps() {
        return futureSteps;
    }

    /** @return the future table's step [s]. */
    public double futureDt() {
        return futureDt;
    }

    /**
     * @param i   disc index.
     * @param tau time after the measurement [s], &gt; 0.
     * @return centre x [m] at the table entry nearest τ (the last entry beyond the table).
     */
    public double futureX(int i, double tau) {
        return fx[i * futureSteps + futureIndex(tau)];
    }

    /** @param i disc index. @param tau time after the measurement [s]. @return centre y [m], as {@link #futureX}. */
    public double futureY(int i, double tau) {
        return fy[i * futureSteps + futureIndex(tau)];
    }

    /**
     * The prediction every planner shares: disc i's centre τ after the measurement, from its future table when it
     * has one, else from its clipped velocity, turn rate and tangential acceleration as the motion model says
     * ({@link DiscMotion#displace}); with no turn or acceleration exactly c(τ) = p + v̂·τ, v̂ = v·min(1, s_max/|v|).
     * No allocation.
     *
     * @param i   disc index.
     * @param tau time after the measurement [s], ≥ 0.
     * @param m   the motion model (speed clip, bounds, holds).
     * @param out (Output) the predicted centre: x, y [m] in out[0], out[1]. Modified.
     */
    public void predict(int i, double tau, DiscMotion m, double[] out) {
        if (futureSteps > 0 && tau > 0) {
            out[0] = futureX(i, tau);
            out[1] = futureY(i, tau);
        } else if (m.displace(vx[i], vy[i], omega[i], accel[i], tau, out)) {
            out[0] += x[i];
            out[1] += y[i];
        } else {
            double f = clip(i, m.maxSpeed());
            out[0] = x[i] + f * vx[i] * tau;
            out[1] = y[i] + f * vy[i] * tau;
        }
    }

    /** @return min(1, s_max/|v_i|). */
    private double clip(int i, double maxSpeed) {
        double s = Math.hypot(vx[i], vy[i]);
        return s > maxSpeed ? maxSpeed / s : 1.0;
    }

    private int futureIndex(double tau) {
        int k = (int) Math.round(tau / futureDt) - 1;
        return k < 0 ? 0 : (k >= futureSteps ? futureSteps - 1 : k);
    }

    /**
     * The discs as run-log rows ({@code CycleRecord.tracks}): id, x, y, vx, vy, radius, σ each. Allocates.
     *
     * @return a new array of 7·count numbers.
     */
    public double[] toRows() {
        double[] rows = new double[org.foresight.dynamics.log.CycleRecord.TRACK_FIELDS * count];
        for (int i = 0; i < count; i++) {
            int o = org.foresight.dynamics.log.CycleRecord.TRACK_FIELDS * i;
            rows[o] = id[i];
            rows[o + 1] = x[i];
            rows[o + 2] = y[i];
            rows[o + 3] = vx[i];
            rows[o + 4] = vy[i];
            rows[o + 5] = radius[i];
            rows[o + 6] = sigma[i];
        }
        return rows;
    }
}
