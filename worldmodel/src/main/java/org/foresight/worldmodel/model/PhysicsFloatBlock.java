package org.foresight.worldmodel.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.dynamics.model.BodyFrameKinematics;

/**
 * {@link PhysicsModel}'s body-frame change in float for a fused rollout kernel: the formulas of {@link PhysicsBlock}
 * in short loops over the block (the clamps in SIMD lanes), with sat(x, c) = clamp(x, −c, c),
 * h = B/2 and g(x) = x/(1 + κ|x|):
 * <pre>
 *   s_v = sat(cmd_v, C_v),  s_ω = sat(cmd_ω, C_ω),  e_v = s_v − v,  e_ω = s_ω − ω
 *   t_r,l = sat(cmd_v ± h·cmd_ω, W),  e_r,l = t_r,l − (v ± h·ω),  q_r,l = sat(e_r,l, D_w)
 *   d_v = a₀·e_v + a₁·sat(e_v, D_v) + a₂·(e_r + e_l)/2 + a₃·(q_r + q_l)/2 + a₄·v·ω²
 *   d_ω = a₅·e_ω + a₆·sat(e_ω, D_ω) + a₇·(e_r − e_l)/B + a₈·(q_r − q_l)/B + a₉·ω·|ω|
 *   v⁺ = v + d_v,  ω⁺ = ω + d_ω
 *   d_f = f₀·v + f₁·v⁺ + f₂·v·ω² + f₃·v⁺·ω⁺²     d_l = l₀·v·ω + l₁·v⁺·ω⁺
 *   d_θ = t₀·g(ω) + t₁·g(ω⁺) + t₂·ω·|ω| + t₃·ω⁺·|ω⁺|
 * </pre>
 * The same values as the double {@link PhysicsModel#bodyDelta} to float rounding ({@code PhysicsFloatBlockTest}).
 * Needs the Vector API; not thread-safe (its rows are scratch: one per thread); allocation-free once compiled (JDK 25).
 */
final class PhysicsFloatBlock implements BodyFrameKinematics.Block {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int N = BodyFrameKinematics.BLOCK;

    private final float cmdVLimit;
    private final float cmdOmegaLimit;
    private final float dvLimit;
    private final float dOmegaLimit;
    private final float wheelLimit;
    private final float dWheelLimit;
    private final float halfTrack;
    private final float invTrack;
    private final float yawLoss;
    /** Stage 1: d_v's five coefficients, then d_ω's five. */
    private final float[] a = new float[PhysicsFeatures.STAGE1];
    /** Stage 2: d_forward's four, d_lateral's two, d_theta's four. */
    private final float[] b = new float[PhysicsFeatures.STAGE2];
    // the block's rows: inputs, then outputs
    private final float[] v = new float[N];
    private final float[] w = new float[N];
    private final float[] cv = new float[N];
    private final float[] cw = new float[N];
    private final float[] rawR = new float[N];
    private final float[] rawL = new float[N];
    private final float[] scv = new float[N];
    private final float[] scw = new float[N];
    private final float[] tr = new float[N];
    private final float[] tl = new float[N];
    private final float[] er = new float[N];
    private final float[] el = new float[N];
    private final float[] ev = new float[N];
    private final float[] ew = new float[N];
    private final float[] qr = new float[N];
    private final float[] ql = new float[N];
    private final float[] sev = new float[N];
    private final float[] sew = new float[N];
    private final float[] dv = new float[N];
    private final float[] dw = new float[N];
    private final float[] df = new float[N];
    private final float[] dl = new float[N];
    private final float[] dt = new float[N];
    private final float[][] commandRows = {cv, cw, rawR, rawL};
    private final float[][] targetRows = {scv, scw, tr, tl};
    private final float[] commandLimits;
    private final float[][] errorRows = {er, el, ev, ew};
    private final float[][] satRows = {qr, ql, sev, sew};
    private final float[] errorLimits;

    /**
     * @param p  the model's constants.
     * @param a1 stage-1 coefficients in {@link PhysicsModel}'s flat order. Not modified.
     * @param a2 stage-2 coefficients in {@link PhysicsModel}'s flat order. Not modified.
     */
    PhysicsFloatBlock(PhysicsParams p, double[] a1, double[] a2) {
        cmdVLimit = (float) p.cmdVLimit();
        cmdOmegaLimit = (float) p.cmdOmegaLimit();
        dvLimit = (float) p.dvLimit();
        dOmegaLimit = (float) p.dOmegaLimit();
        wheelLimit = (float) p.wheelLimit();
        dWheelLimit = (float) p.dWheelLimit();
        halfTrack = (float) (0.5 * p.trackWidth());
        invTrack = (float) (1.0 / p.trackWidth());
        yawLoss = (float) p.yawLossGain();
        commandLimits = new float[] {cmdVLimit, cmdOmegaLimit, wheelLimit, wheelLimit};
        errorLimits = new float[] {dWheelLimit, dWheelLimit, dvLimit, dOmegaLimit};
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) a1[i];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) a2[i];
        }
    }

    /** dst[r][j] = clamp(src[r][j], −c_r, c_r) for every row r, in SIMD lanes: one copy of the lane code per call site. */
    private static void clampRows(float[][] src, float[][] dst, float[] c) {
        for (int r = 0; r < src.length; r++) {
            final float[] a = src[r];
            final float[] o = dst[r];
            final float hi = c[r];
            final float lo = -hi;
            for (int j = 0; j < N; j += S.length()) {
                FloatVector.fromArray(S, a, j).max(lo).min(hi).intoArray(o, j);
            }
        }
    }

    /**
     * Short loops over the block's own rows (inputs copied in, outputs copied out), each from index 0: the clamps on
     * SIMD lanes in two batches of four rows ({@link #clampRows}), the sums in scalar loops short enough for C2 to
     * unroll and vectorise. Written on lanes as one pass, the formula's 60-odd lane operations exceeded what C2 inlines
     * into one compilation (its node-count cutoff) and the vectors left outside were boxed (768 B per call on JDK 25);
     * as scalar loops only, the clamps stayed scalar (2.4× slower than this).
     */
    @Override
    public void bodyDelta(float[] vs, int ov, float[] ws, int ow, float[] cvs, int ocv, float[] cws, int ocw, float[] d) {
        System.arraycopy(vs, ov, v, 0, N);
        System.arraycopy(ws, ow, w, 0, N);
        System.arraycopy(cvs, ocv, cv, 0, N);
        System.arraycopy(cws, ocw, cw, 0, N);
        final float h = halfTrack;
        for (int j = 0; j < N; j++) {
            rawR[j] = cv[j] + h * cw[j];
            rawL[j] = cv[j] - h * cw[j];
        }
        clampRows(commandRows, targetRows, commandLimits); // s_v, s_ω, t_r, t_l
        for (int j = 0; j < N; j++) {
            er[j] = tr[j] - (v[j] + h * w[j]);
            el[j] = tl[j] - (v[j] - h * w[j]);
            ev[j] = scv[j] - v[j];
            ew[j] = scw[j] - w[j];
        }
        clampRows(errorRows, satRows, errorLimits); // q_r, q_l, sat(e_v, D_v), sat(e_ω, D_ω)
        final float a0 = a[0], a1 = a[1], a2 = 0.5f * a[2], a3 = 0.5f * a[3], a4 = a[4];
        for (int j = 0; j < N; j++) {
            dv[j] = a0 * ev[j] + a1 * sev[j] + a2 * (er[j] + el[j]) + a3 * (qr[j] + ql[j]) + a4 * (v[j] * w[j] * w[j]);
        }
        final float a5 = a[5], a6 = a[6], a7 = invTrack * a[7], a8 = invTrack * a[8], a9 = a[9];
        for (int j = 0; j < N; j++) {
            dw[j] = a5 * ew[j] + a6 * sew[j] + a7 * (er[j] - el[j]) + a8 * (qr[j] - ql[j]) + a9 * (w[j] * Math.abs(w[j]));
        }
        final float b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        for (int j = 0; j < N; j++) {
            float vn = v[j] + dv[j];
            float wn = w[j] + dw[j];
            df[j] = b0 * v[j] + b1 * vn + b2 * (v[j] * w[j] * w[j]) + b3 * (vn * wn * wn);
        }
        final float b4 = b[4], b5 = b[5];
        for (int j = 0; j < N; j++) {
            dl[j] = b4 * (v[j] * w[j]) + b5 * ((v[j] + dv[j]) * (w[j] + dw[j]));
        }
        final float b6 = b[6], b7 = b[7], b8 = b[8], b9 = b[9], k = yawLoss;
        for (int j = 0; j < N; j++) {
            float wj = w[j];
            float wn = wj + dw[j];
            float wa = Math.abs(wj);
            float wna = Math.abs(wn);
            dt[j] = b6 * (wj / (1f + k * wa)) + b7 * (wn / (1f + k * wna)) + b8 * (wj * wa) + b9 * (wn * wna);
        }
        System.arraycopy(df, 0, d, BodyDelta.FORWARD * N, N);
        System.arraycopy(dl, 0, d, BodyDelta.LATERAL * N, N);
        System.arraycopy(dt, 0, d, BodyDelta.THETA * N, N);
        System.arraycopy(dv, 0, d, BodyDelta.V * N, N);
        System.arraycopy(dw, 0, d, BodyDelta.OMEGA * N, N);
    }
}
