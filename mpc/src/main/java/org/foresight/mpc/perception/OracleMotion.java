package org.foresight.mpc.perception;

import java.util.Arrays;

/**
 * Turn rates and tangential accelerations for the oracle's true discs ({@code --perception map}), from their
 * velocities alone: disc i's velocity now and at the previous distinct time it was given, Δt apart,
 * <pre>
 *   ωᵢ = atan2(vᵢ(t − Δt) × vᵢ(t), vᵢ(t − Δt) · vᵢ(t)) / Δt          ({@link MovingDiscs#turnRate})
 *   aᵢ = (|vᵢ(t)| − |vᵢ(t − Δt)|) / Δt
 * </pre>
 * with no access to the discs' paths. Discs are matched by index (the oracle lists the same discs in the same order
 * every cycle); a change of count, or the first time, gives 0. Asking again at the same time gives the same values.
 * Grow-only buffers: no allocation once sized. Not thread-safe; one per episode.
 */
public final class OracleMotion {
    /** Speed below which a disc's direction is not trusted [m/s]. */
    static final double MIN_SPEED = 0.05;

    private double[] lastVx = new double[0];
    private double[] lastVy = new double[0];
    private double[] rates = new double[0];
    private double[] accels = new double[0];
    private int lastCount;
    private double lastT = Double.NaN;
    private double doneT = Double.NaN;

    /** Forgets the previous velocities (a new episode, or after the warm-up). */
    public void reset() {
        lastT = Double.NaN;
        doneT = Double.NaN;
        lastCount = 0;
    }

    /**
     * Sets every disc's turn rate and acceleration from its velocity now and at the previous time.
     *
     * @param t     the discs' measurement time [s].
     * @param discs (Input/Output) the true discs at t; their turn rates and accelerations are set. Modified.
     */
    public void apply(double t, MovingDiscs discs) {
        int n = discs.count();
        if (t != doneT) {
            if (rates.length < n) {
                int cap = Math.max(n, 2 * rates.length);
                rates = new double[cap];
                accels = new double[cap];
                lastVx = Arrays.copyOf(lastVx, cap);
                lastVy = Arrays.copyOf(lastVy, cap);
            }
            boolean known = n == lastCount && Double.isFinite(lastT) && t > lastT;
            double dt = t - lastT;
            for (int i = 0; i < n; i++) {
                double vx = discs.vx(i);
                double vy = discs.vy(i);
                rates[i] = known ? MovingDiscs.turnRate(lastVx[i], lastVy[i], vx, vy, dt, MIN_SPEED) : 0.0;
                accels[i] = known ? (Math.hypot(vx, vy) - Math.hypot(lastVx[i], lastVy[i])) / dt : 0.0;
                lastVx[i] = vx;
                lastVy[i] = vy;
            }
            lastCount = n;
            lastT = t;
            doneT = t;
        }
        for (int i = 0; i < n; i++) {
            discs.setTurnRate(i, rates[i]);
            discs.setAcceleration(i, accels[i]);
        }
    }
}
