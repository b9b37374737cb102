package org.foresight.mpc.perception;

import java.util.Arrays;

/**
 * The constant-velocity Kalman filters of a {@link DiscTracker}'s tracks, structure of arrays indexed by track.
 * Per axis, state (p, v) and covariance (pp, pv, vv):
 * <pre>
 *   F = [1 Δt; 0 1],  Q = q·[Δt³/3 Δt²/2; Δt²/2 Δt],  H = [1 0],  R = σ²
 *   predict x ← F x, P ← F P Fᵀ + Q;  update K = P Hᵀ / (H P Hᵀ + R), x ← x + K (z − H x), P ← (I − K H) P
 * </pre>
 * The arrays are read directly by the tracker (package-private); grow-only, no allocation per scan.
 */
final class TrackFilters {
    // x axis: position [m], velocity [m/s], covariance [m², m²/s, m²/s²]; y axis likewise (wv: its vv)
    double[] x;
    double[] vx;
    double[] xx;
    double[] xv;
    double[] vv;
    double[] y;
    double[] vy;
    double[] yy;
    double[] yv;
    double[] wv;

    /** @param capacity tracks held before the first {@link #grow}. */
    TrackFilters(int capacity) {
        x = new double[capacity];
        vx = new double[capacity];
        xx = new double[capacity];
        xv = new double[capacity];
        vv = new double[capacity];
        y = new double[capacity];
        vy = new double[capacity];
        yy = new double[capacity];
        yv = new double[capacity];
        wv = new double[capacity];
    }

    /**
     * Starts track i at a measured centre, at rest.
     *
     * @param i  track.
     * @param zx centre x [m].
     * @param zy centre y [m].
     * @param rr position variance [m²] (the measurement's).
     * @param v2 velocity variance [m²/s²] (the prior).
     */
    void start(int i, double zx, double zy, double rr, double v2) {
        x[i] = zx;
        y[i] = zy;
        vx[i] = 0;
        vy[i] = 0;
        xx[i] = rr;
        yy[i] = rr;
        xv[i] = 0;
        yv[i] = 0;
        vv[i] = v2;
        wv[i] = v2;
    }

    /**
     * Constant-velocity prediction of track i over dt on both axes (see the class comment).
     *
     * @param i  track.
     * @param dt time step [s], ≥ 0 (0: nothing changes).
     * @param q  white-acceleration spectral density [m²/s³].
     */
    void predict(int i, double dt, double q) {
        if (dt == 0) {
            return;
        }
        double q11 = q * dt * dt * dt / 3;
        double q12 = q * dt * dt / 2;
        double q22 = q * dt;
        x[i] += vx[i] * dt;
        y[i] += vy[i] * dt;
        // P ← F P Fᵀ + Q with F = [1 dt; 0 1]
        double pp = xx[i] + 2 * dt * xv[i] + dt * dt * vv[i] + q11;
        double pv = xv[i] + dt * vv[i] + q12;
        xx[i] = pp;
        xv[i] = pv;
        vv[i] += q22;
        pp = yy[i] + 2 * dt * yv[i] + dt * dt * wv[i] + q11;
        pv = yv[i] + dt * wv[i] + q12;
        yy[i] = pp;
        yv[i] = pv;
        wv[i] += q22;
    }

    /**
     * Kalman update of track i on both axes with a measured centre.
     *
     * @param i  track.
     * @param zx measured centre x [m].
     * @param zy measured centre y [m].
     * @param rr measurement variance σ² [m²].
     */
    void correct(int i, double zx, double zy, double rr) {
        // x axis
        double s = xx[i] + rr;
        double k1 = xx[i] / s;
        double k2 = xv[i] / s;
        double e = zx - x[i];
        x[i] += k1 * e;
        vx[i] += k2 * e;
        double pp = (1 - k1) * xx[i];
        double pv = (1 - k1) * xv[i];
        vv[i] -= k2 * xv[i];
        xx[i] = pp;
        xv[i] = pv;
        // y axis
        s = yy[i] + rr;
        k1 = yy[i] / s;
        k2 = yv[i] / s;
        e = zy - y[i];
        y[i] += k1 * e;
        vy[i] += k2 * e;
        pp = (1 - k1) * yy[i];
        pv = (1 - k1) * yv[i];
        wv[i] -= k2 * yv[i];
        yy[i] = pp;
        yv[i] = pv;
    }

    /** Copies track {@code from} onto track {@code to}. */
    void move(int from, int to) {
        x[to] = x[from];
        y[to] = y[from];
        vx[to] = vx[from];
        vy[to] = vy[from];
        xx[to] = xx[from];
        xv[to] = xv[from];
        vv[to] = vv[from];
        yy[to] = yy[from];
        yv[to] = yv[from];
        wv[to] = wv[from];
    }

    /** @param cap new capacity, ≥ the tracks held. */
    void grow(int cap) {
        x = Arrays.copyOf(x, cap);
        y = Arrays.copyOf(y, cap);
        vx = Arrays.copyOf(vx, cap);
        vy = Arrays.copyOf(vy, cap);
        xx = Arrays.copyOf(xx, cap);
        xv = Arrays.copyOf(xv, cap);
        vv = Arrays.copyOf(vv, cap);
        yy = Arrays.copyOf(yy, cap);
        yv = Arrays.copyOf(yv, cap);
        wv = Arrays.copyOf(wv, cap);
    }
}
