package org.foresight.mpc.perception;

/**
 * How a disc's measured motion is extrapolated ({@link MovingDiscs#predict}): its speed
 * clipped, its turn rate ω and tangential acceleration a clamped and each held for a while, after which the disc
 * goes on straight at the speed reached. A turn or a speed-up does not last for ever: the holds bound how far a
 * measured one is carried into the future.
 *
 * @param maxSpeed    speed the velocity is clipped to, and the speed an acceleration stops at [m/s], &gt; 0.
 * @param maxTurnRate bound on |ω| [rad/s], ≥ 0.
 * @param turnHold    how long ω is held [s], ≥ 0 (0: no turn).
 * @param maxAccel    bound on |a| [m/s²], ≥ 0.
 * @param accelHold   how long a is held [s], ≥ 0 (0: constant speed); a deceleration also stops at speed 0.
 */
public record DiscMotion(double maxSpeed, double maxTurnRate, double turnHold, double maxAccel, double accelHold) {
    /** Validates every field. */
    public DiscMotion {
        if (!(maxSpeed > 0) || !Double.isFinite(maxSpeed)) {
            throw new IllegalArgumentException("disc motion maxSpeed must be finite and > 0 m/s, got " + maxSpeed);
        }
        nonNegative("maxTurnRate", "rad/s", maxTurnRate);
        nonNegative("turnHold", "s", turnHold);
        nonNegative("maxAccel", "m/s²", maxAccel);
        nonNegative("accelHold", "s", accelHold);
    }

    /**
     * @param maxSpeed speed clip [m/s], &gt; 0.
     * @return constant velocity with the speed clipped (no turn, no acceleration).
     */
    public static DiscMotion constantVelocity(double maxSpeed) {
        return new DiscMotion(maxSpeed, 0.0, 0.0, 0.0, 0.0);
    }

    /**
     * The displacement of a disc over τ from its velocity v, turn rate ω and tangential acceleration a (constant
     * turn rate and acceleration, CTRA), each clamped and held for a while:
     * <pre>
     *   s₀ = min(|v|, s_max),  ω̂ = clamp(ω, ±ω_max),  â = clamp(a, ±a_max)
     *   turning while t &lt; h_ω;  accelerating while t &lt; t_a = min(h_a, time for s to reach s_max or 0)
     *   heading θ(t) = θ₀ + ω̂·min(t, h_ω),   speed s(t) = s₀ + â·min(t, t_a)
     *   Δ(τ) = ∫₀^τ s(t)·(cos θ(t), sin θ(t)) dt             (in closed form on each piece between the breaks)
     * </pre>
     * On a piece of length T from speed s and heading θ, turning at w, accelerating at b (complex form, e = e^{iwT}):
     * <pre>
     *   Δ = e^{iθ}·[ s·(e − 1)/(i·w) + b·(T·e/(i·w) + (e − 1)/w²) ]        (w ≠ 0; the CTRV arc when b = 0)
     *   Δ = e^{iθ}·(s·T + b·T²/2)                                           (w = 0)
     * </pre>
     * (for |w·T| &lt; 1e-4 the series to second order in w·T, where the closed form cancels). No allocation.
     *
     * @param vx  velocity x [m/s].
     * @param vy  velocity y [m/s].
     * @param w   turn rate [rad/s], counter-clockwise positive.
     * @param a   tangential acceleration [m/s²].
     * @param tau time [s], ≥ 0.
     * @param out (Output) the displacement x, y [m] in out[0], out[1] when this returns true; else untouched.
     *            Modified.
     * @return false when the disc moves straight at constant speed (no turn or acceleration enters: at rest, ω̂ and
     *         â zero, or the holds 0), for the caller's exact straight line p + v̂·τ; true otherwise.
     */
    public boolean displace(double vx, double vy, double w, double a, double tau, double[] out) {
        double s = Math.hypot(vx, vy);
        double wc = turnHold > 0 ? clamp(w, maxTurnRate) : 0.0;
        double ac = accelHold > 0 ? clamp(a, maxAccel) : 0.0;
        if (!(s > 0) || (wc == 0 && ac == 0)) {
            return false;
        }
        double s0 = Math.min(s, maxSpeed);
        double ta = 0;
        if (ac > 0) {
            ta = Math.min(accelHold, (maxSpeed - s0) / ac);
        } else if (ac < 0) {
            ta = Math.min(accelHold, -s0 / ac);
        }
        double tw = wc != 0 ? turnHold : 0.0;
        if (ta == 0 && tw == 0) {
            return false;
        }
        // pieces [0, b1), [b1, b2), [b2, τ), b1 ≤ b2 the two breaks; in the frame of the initial direction
        double b1 = Math.min(Math.min(ta, tw), tau);
        double b2 = Math.min(Math.max(ta, tw), tau);
        double px = 0;
        double py = 0;
        double th = 0;
        double sp = s0;
        double t0 = 0;
        for (int k = 0; k < 3; k++) {
            double t1 = k == 0 ? b1 : (k == 1 ? b2 : tau);
            double len = t1 - t0;
            if (len > 0) {
                double wk = t0 < tw ? wc : 0.0;
                double bk = t0 < ta ? ac : 0.0;
                double re;
                double im;
                double wt = wk * len;
                if (wk == 0) {
                    re = sp * len + 0.5 * bk * len * len;
                    im = 0;
                } else if (Math.abs(wt) < 1e-4) {
                    // ∫₀^T (s + b t) e^{iwt} dt ≈ s(T + iwT²/2 − w²T³/6) + b(T²/2 + iwT³/3 − w²T⁴/8)
                    double t2 = len * len;
                    double t3 = t2 * len;
                    re = sp * (len - wk * wk * t3 / 6) + bk * (0.5 * t2 - wk * wk * t3 * len / 8);
                    im = sp * (0.5 * wk * t2) + bk * (wk * t3 / 3);
                } else {
                    double sn = Math.sin(wt);
                    double h = Math.sin(0.5 * wt);
                    double cm1 = -2 * h * h; // cos(wT) − 1 without cancellation
                    // (e − 1)/(iw) = (sin + i(1 − cos))/w;  T·e/(iw) = T(sin − i·cos)/w;  (e − 1)/w² = (cos − 1 + i·sin)/w²
                    re = sp * sn / wk + bk * (len * sn / wk + cm1 / (wk * wk));
                    im = -sp * cm1 / wk + bk * (-len * (1 + cm1) / wk + sn / (wk * wk));
                }
                double c = th == 0 ? 1.0 : Math.cos(th);
                double sn0 = th == 0 ? 0.0 : Math.sin(th);
                px += re * c - im * sn0;
                py += re * sn0 + im * c;
                th += wk * len;
                sp += bk * len;
            }
            t0 = t1;
        }
        double ux = vx / s;
        double uy = vy / s;
        out[0] = px * ux - py * uy;
        out[1] = px * uy + py * ux;
        return true;
    }

    private static double clamp(double v, double bound) {
        return v > bound ? bound : (v < -bound ? -bound : v);
    }

    /** @return whether neither a turn nor an acceleration can enter the prediction. */
    public boolean straight() {
        return (maxTurnRate == 0 || turnHold == 0) && (maxAccel == 0 || accelHold == 0);
    }

    private static void nonNegative(String name, String unit, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("disc motion " + name + " must be finite and >= 0 " + unit + ", got " + v);
        }
    }
}
