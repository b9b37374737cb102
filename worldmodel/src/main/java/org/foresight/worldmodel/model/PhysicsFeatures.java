package org.foresight.worldmodel.model;

import java.util.List;

/**
 * The fixed features of a {@link PhysicsModel}, one definition shared by the model and its fitter. With
 * sat(x, c) = clamp(x, −c, c), h = B/2 and the constants of {@link PhysicsParams}:
 * <pre>
 *   stage 1, velocities (inputs v, ω, cmd_v, cmd_ω):
 *     channel lag toward the clamped command      e_v = sat(cmd_v, C_v) − v,   e_ω = sat(cmd_ω, C_ω) − ω
 *     wheel targets by inverse kinematics         t_r = sat(cmd_v + h·cmd_ω, W),   t_l = sat(cmd_v − h·cmd_ω, W)
 *     wheel lag                                   e_r = t_r − (v + h·ω),           e_l = t_l − (v − h·ω)
 *     d_v features  [e_v, sat(e_v, D_v), (e_r + e_l)/2, (sat(e_r, D_w) + sat(e_l, D_w))/2, v·ω²]
 *     d_ω features  [e_ω, sat(e_ω, D_ω), (e_r − e_l)/B, (sat(e_r, D_w) − sat(e_l, D_w))/B, ω·|ω|]
 *   stage 2, the pose change over the period, from both ends v, ω and v⁺ = v + d_v, ω⁺ = ω + d_ω:
 *     d_forward  [v, v⁺, v·ω², v⁺·ω⁺²]                 (trapezoid of v, forward loss while turning)
 *     d_lateral  [v·ω, v⁺·ω⁺]                          (chord of the arc, sideways drift)
 *     d_theta    [g(ω), g(ω⁺), ω·|ω|, ω⁺·|ω⁺|],  g(x) = x/(1 + κ|x|)   (yaw loss, widening ICR)
 * </pre>
 * Channel features describe a robot whose speed and yaw rate lag on their own (the Jackal); wheel features
 * one whose two wheel sides lag and saturate (a skid-steer modelled at its wheels). The model is mirror
 * symmetric by construction: d_v, d_forward are even and d_ω, d_lateral, d_theta odd in (ω, cmd_ω).
 *
 * <p>Derivatives of sat and |·| are the indicator of the unclamped band (|x| ≤ c) and sign(x), as
 * {@code Atom} takes them. All methods are static, allocation-free and thread-safe.
 */
public final class PhysicsFeatures {
    /** Features per velocity output (d_v, d_ω). */
    public static final int VELOCITY_FEATURES = 5;
    /** Stage-1 feature count: d_v's five then d_ω's five. */
    public static final int STAGE1 = 2 * VELOCITY_FEATURES;
    /** Features of d_forward. */
    public static final int FORWARD_FEATURES = 4;
    /** Features of d_lateral. */
    public static final int LATERAL_FEATURES = 2;
    /** Features of d_theta. */
    public static final int THETA_FEATURES = 4;
    /** Stage-2 feature count: d_forward's, d_lateral's then d_theta's. */
    public static final int STAGE2 = FORWARD_FEATURES + LATERAL_FEATURES + THETA_FEATURES;

    /** Feature names per output in {@link BodyDelta} order (written to model files and checked on load). */
    public static final List<List<String>> NAMES = List.of(
            List.of("v", "v_next", "v*omega^2", "v_next*omega_next^2"),
            List.of("v*omega", "v_next*omega_next"),
            List.of("g(omega)", "g(omega_next)", "omega*|omega|", "omega_next*|omega_next|"),
            List.of("e_v", "sat(e_v,Dv)", "(e_r+e_l)/2", "(sat(e_r,Dw)+sat(e_l,Dw))/2", "v*omega^2"),
            List.of("e_omega", "sat(e_omega,Domega)", "(e_r-e_l)/B", "(sat(e_r,Dw)-sat(e_l,Dw))/B", "omega*|omega|"));

    private PhysicsFeatures() {
    }

    /** sat(x, c) = clamp(x, −c, c), c &gt; 0 or +∞ (branches, not Math.min/max: cheaper on doubles). */
    static double sat(double x, double c) {
        return x > c ? c : (x < -c ? -c : x);
    }

    /** d sat(x, c)/dx: 1 inside the band |x| ≤ c, else 0. */
    static double satSlope(double x, double c) {
        return (x <= c && x >= -c) ? 1.0 : 0.0;
    }

    /**
     * Stage-1 features, see the class formula.
     *
     * @param p  constants.
     * @param v  forward speed [m/s].
     * @param w  yaw rate [rad/s].
     * @param cv commanded forward speed [m/s].
     * @param cw commanded yaw rate [rad/s].
     * @param f  (Output) length ≥ {@link #STAGE1}: d_v's features at 0..4, d_ω's at 5..9. Modified.
     */
    public static void stage1(PhysicsParams p, double v, double w, double cv, double cw, double[] f) {
        double h = 0.5 * p.trackWidth();
        double ev = sat(cv, p.cmdVLimit()) - v;
        double ew = sat(cw, p.cmdOmegaLimit()) - w;
        double er = sat(cv + h * cw, p.wheelLimit()) - (v + h * w);
        double el = sat(cv - h * cw, p.wheelLimit()) - (v - h * w);
        double sr = sat(er, p.dWheelLimit());
        double sl = sat(el, p.dWheelLimit());
        double invB = 1.0 / p.trackWidth();
        f[0] = ev;
        f[1] = sat(ev, p.dvLimit());
        f[2] = 0.5 * (er + el);
        f[3] = 0.5 * (sr + sl);
        f[4] = v * w * w;
        f[5] = ew;
        f[6] = sat(ew, p.dOmegaLimit());
        f[7] = (er - el) * invB;
        f[8] = (sr - sl) * invB;
        f[9] = w * Math.abs(w);
    }

    /**
     * Stage-1 features and their derivatives with respect to z = (v, ω, cmd_v, cmd_ω).
     *
     * @param p  constants.
     * @param v  forward speed [m/s].
     * @param w  yaw rate [rad/s].
     * @param cv commanded forward speed [m/s].
     * @param cw commanded yaw rate [rad/s].
     * @param f  (Output) length ≥ {@link #STAGE1}, as {@link #stage1}. Modified.
     * @param df (Output) length ≥ 4·{@link #STAGE1}, {@code df[j*4 + c] = ∂f_j/∂z_c}. Modified.
     */
    public static void stage1Jacobian(PhysicsParams p, double v, double w, double cv, double cw, double[] f,
                                      double[] df) {
        stage1(p, v, w, cv, cw, f);
        double h = 0.5 * p.trackWidth();
        double invB = 1.0 / p.trackWidth();
        double kv = satSlope(cv, p.cmdVLimit());
        double kw = satSlope(cw, p.cmdOmegaLimit());
        double ev = f[0];
        double ew = f[5];
        double tr = satSlope(cv + h * cw, p.wheelLimit());
        double tl = satSlope(cv - h * cw, p.wheelLimit());
        double er = sat(cv + h * cw, p.wheelLimit()) - (v + h * w);
        double el = sat(cv - h * cw, p.wheelLimit()) - (v - h * w);
        double qr = satSlope(er, p.dWheelLimit());
        double ql = satSlope(el, p.dWheelLimit());
        // ∂e_r/∂z = (−1, −h, t_r', h·t_r'),  ∂e_l/∂z = (−1, h, t_l', −h·t_l')  (t' = slope of the wheel clamp)
        double sv = satSlope(ev, p.dvLimit());
        double sw = satSlope(ew, p.dOmegaLimit());
        set(df, 0, -1.0, 0.0, kv, 0.0);
        set(df, 1, -sv, 0.0, sv * kv, 0.0);
        set(df, 5, 0.0, -1.0, 0.0, kw);
        set(df, 6, 0.0, -sw, 0.0, sw * kw);
        set(df, 2, -1.0, 0.0, 0.5 * (tr + tl), 0.5 * h * (tr - tl));
        set(df, 3, -0.5 * (qr + ql), 0.5 * h * (ql - qr), 0.5 * (qr * tr + ql * tl), 0.5 * h * (qr * tr - ql * tl));
        set(df, 7, 0.0, -2.0 * h * invB, (tr - tl) * invB, h * (tr + tl) * invB);
        set(df, 8, (ql - qr) * invB, -h * (qr + ql) * invB, (qr * tr - ql * tl) * invB, h * (qr * tr + ql * tl) * invB);
        set(df, 4, w * w, 2.0 * v * w, 0.0, 0.0);
        set(df, 9, 0.0, 2.0 * Math.abs(w), 0.0, 0.0);
    }

    /**
     * Stage-2 features, see the class formula.
     *
     * @param p  constants.
     * @param v  forward speed at the period's start [m/s].
     * @param w  yaw rate at the start [rad/s].
     * @param vn forward speed at the end, v⁺ [m/s].
     * @param wn yaw rate at the end, ω⁺ [rad/s].
     * @param f  (Output) length ≥ {@link #STAGE2}: d_forward's at 0..3, d_lateral's at 4..5, d_theta's at 6..9. Modified.
     */
    public static void stage2(PhysicsParams p, double v, double w, double vn, double wn, double[] f) {
        double k = p.yawLossGain();
        f[0] = v;
        f[1] = vn;
        f[2] = v * w * w;
        f[3] = vn * wn * wn;
        f[4] = v * w;
        f[5] = vn * wn;
        f[6] = w / (1.0 + k * Math.abs(w));
        f[7] = wn / (1.0 + k * Math.abs(wn));
        f[8] = w * Math.abs(w);
        f[9] = wn * Math.abs(wn);
    }

    /**
     * Stage-2 features and their derivatives with respect to y = (v, ω, v⁺, ω⁺).
     *
     * @param p  constants.
     * @param v  forward speed at the start [m/s].
     * @param w  yaw rate at the start [rad/s].
     * @param vn forward speed at the end [m/s].
     * @param wn yaw rate at the end [rad/s].
     * @param f  (Output) length ≥ {@link #STAGE2}, as {@link #stage2}. Modified.
     * @param df (Output) length ≥ 4·{@link #STAGE2}, {@code df[j*4 + c] = ∂f_j/∂y_c}. Modified.
     */
    public static void stage2Jacobian(PhysicsParams p, double v, double w, double vn, double wn, double[] f,
                                      double[] df) {
        stage2(p, v, w, vn, wn, f);
        double k = p.yawLossGain();
        double gw = 1.0 + k * Math.abs(w);
        double gn = 1.0 + k * Math.abs(wn);
        set(df, 0, 1.0, 0.0, 0.0, 0.0);
        set(df, 1, 0.0, 0.0, 1.0, 0.0);
        set(df, 2, w * w, 2.0 * v * w, 0.0, 0.0);
        set(df, 3, 0.0, 0.0, wn * wn, 2.0 * vn * wn);
        set(df, 4, w, v, 0.0, 0.0);
        set(df, 5, 0.0, 0.0, wn, vn);
        // g'(x) = 1/(1 + κ|x|)²
        set(df, 6, 0.0, 1.0 / (gw * gw), 0.0, 0.0);
        set(df, 7, 0.0, 0.0, 0.0, 1.0 / (gn * gn));
        set(df, 8, 0.0, 2.0 * Math.abs(w), 0.0, 0.0);
        set(df, 9, 0.0, 0.0, 0.0, 2.0 * Math.abs(wn));
    }

    private static void set(double[] df, int j, double a, double b, double c, double d) {
        df[j * 4] = a;
        df[j * 4 + 1] = b;
        df[j * 4 + 2] = c;
        df[j * 4 + 3] = d;
    }
}
