package org.foresight.worldmodel.model;

import java.util.Arrays;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;

/**
 * {@link PhysicsModel}'s batch kernel: the formulas of {@link PhysicsFeatures} and {@link PhysicsModel} over
 * blocks of {@link FeatureProgram#BLOCK} samples, samples innermost, every loop from index 0 over separate
 * arrays (so the JIT vectorises it), the clamps through {@link BlockClamp} (SIMD lanes when available).
 * Each sample sees exactly the IEEE operations, in the same order, of {@link PhysicsModel#bodyDelta}, so
 * results are bit-identical to {@link PhysicsModel#step}:
 * <pre>
 *   e_v = sat(cmd_v, C_v) − v,  sat(e_v, D_v),  t_r = sat(cmd_v + h·cmd_ω, W),  v_r = v + h·ω,  e_r = t_r − v_r, ...
 *   d_v = a₀·e_v + a₁·sat(e_v, D_v) + a₂·(0.5·(e_r + e_l)) + a₃·(0.5·(s_r + s_l)) + a₄·(v·ω·ω)
 *   d_ω = a₅·e_ω + a₆·sat(e_ω, D_ω) + a₇·((e_r − e_l)·B⁻¹) + a₈·((s_r − s_l)·B⁻¹) + a₉·(ω·|ω|)
 *   v⁺ = v + d_v,  ω⁺ = ω + d_ω,  then d_forward, d_lateral, d_theta as the class formula of PhysicsModel
 * </pre>
 * One instance per thread (it is the work space); allocation-free after construction.
 */
final class PhysicsBlock {
    private static final int BLOCK = FeatureProgram.BLOCK;

    private final FeatureProgram.Workspace ws = new FeatureProgram.Workspace(new org.foresight.worldmodel.features.Atom.Kind[0]);
    private final double[] satCv = new double[BLOCK];
    private final double[] satCw = new double[BLOCK];
    private final double[] sev = new double[BLOCK];
    private final double[] sew = new double[BLOCK];
    private final double[] rawR = new double[BLOCK];
    private final double[] rawL = new double[BLOCK];
    private final double[] tr = new double[BLOCK];
    private final double[] tl = new double[BLOCK];
    private final double[] vr = new double[BLOCK];
    private final double[] vl = new double[BLOCK];
    private final double[] sr = new double[BLOCK];
    private final double[] sl = new double[BLOCK];

    /**
     * One batch step, see {@link org.foresight.dynamics.model.DynamicsModel#stepBatch} for the layout.
     *
     * @param p     constants of the model.
     * @param a1    stage-1 coefficients (d_v's five, then d_ω's five). Not modified.
     * @param a2    stage-2 coefficients (d_forward's four, d_lateral's two, d_theta's four). Not modified.
     * @param x     states. Not modified.
     * @param u     controls. Not modified.
     * @param count batch size.
     * @param xNext (Output) next states; must not alias {@code x}. Modified.
     */
    void step(PhysicsParams p, double[] a1, double[] a2, double[] x, double[] u, int count, double[] xNext) {
        final int ov = StateIndex.V * count;
        final int ow = StateIndex.OMEGA * count;
        final int ocv = ControlIndex.V * count;
        final int ocw = ControlIndex.OMEGA * count;
        for (int b0 = 0; b0 < count; b0 += BLOCK) {
            int len = Math.min(BLOCK, count - b0);
            load(x, ov + b0, ws.v, len);
            load(x, ow + b0, ws.omega, len);
            load(u, ocv + b0, ws.cmdV, len);
            load(u, ocw + b0, ws.cmdOmega, len);
            deltas(p, a1, a2);
            BodyFrameModel.bodyToWorldBlock(x, count, b0, len, ws, xNext);
        }
    }

    private static void load(double[] src, int off, double[] dst, int len) {
        System.arraycopy(src, off, dst, 0, len);
        if (len < BLOCK) {
            Arrays.fill(dst, len, BLOCK, 0.0);
        }
    }

    /** The body-frame changes of the loaded block into {@code ws.d}. */
    private void deltas(PhysicsParams p, double[] a1, double[] a2) {
        final double h = 0.5 * p.trackWidth();
        final double invB = 1.0 / p.trackWidth();
        final double k = p.yawLossGain();
        final double[] v = ws.v;
        final double[] w = ws.omega;
        final double[] cv = ws.cmdV;
        final double[] cw = ws.cmdOmega;
        BlockClamp.clamp(cv, 0, satCv, BLOCK, p.cmdVLimit());
        BlockClamp.clamp(cw, 0, satCw, BLOCK, p.cmdOmegaLimit());
        BlockClamp.clampDifference(satCv, v, sev, BLOCK, p.dvLimit());
        BlockClamp.clampDifference(satCw, w, sew, BLOCK, p.dOmegaLimit());
        for (int j = 0; j < BLOCK; j++) {
            rawR[j] = cv[j] + h * cw[j];
            rawL[j] = cv[j] - h * cw[j];
            vr[j] = v[j] + h * w[j];
            vl[j] = v[j] - h * w[j];
        }
        BlockClamp.clamp(rawR, 0, tr, BLOCK, p.wheelLimit());
        BlockClamp.clamp(rawL, 0, tl, BLOCK, p.wheelLimit());
        BlockClamp.clampDifference(tr, vr, sr, BLOCK, p.dWheelLimit());
        BlockClamp.clampDifference(tl, vl, sl, BLOCK, p.dWheelLimit());
        final double c0 = a1[0], c1 = a1[1], c2 = a1[2], c3 = a1[3], c4 = a1[4];
        final double c5 = a1[5], c6 = a1[6], c7 = a1[7], c8 = a1[8], c9 = a1[9];
        final double[] dv = ws.d[BodyDelta.V];
        final double[] dw = ws.d[BodyDelta.OMEGA];
        for (int j = 0; j < BLOCK; j++) {
            double er = tr[j] - vr[j];
            double el = tl[j] - vl[j];
            double vj = v[j];
            double wj = w[j];
            dv[j] = c0 * (satCv[j] - vj) + c1 * sev[j] + c2 * (0.5 * (er + el)) + c3 * (0.5 * (sr[j] + sl[j]))
                    + c4 * (vj * wj * wj);
            dw[j] = c5 * (satCw[j] - wj) + c6 * sew[j] + c7 * ((er - el) * invB) + c8 * ((sr[j] - sl[j]) * invB)
                    + c9 * (wj * Math.abs(wj));
        }
        final double[] df = ws.d[BodyDelta.FORWARD];
        final double[] dl = ws.d[BodyDelta.LATERAL];
        final double[] dt = ws.d[BodyDelta.THETA];
        final double f0 = a2[0], f1 = a2[1], f2 = a2[2], f3 = a2[3];
        final double l0 = a2[4], l1 = a2[5];
        final double t0 = a2[6], t1 = a2[7], t2 = a2[8], t3 = a2[9];
        for (int j = 0; j < BLOCK; j++) {
            double vj = v[j];
            double wj = w[j];
            double vn = vj + dv[j];
            double wn = wj + dw[j];
            df[j] = f0 * vj + f1 * vn + f2 * (vj * wj * wj) + f3 * (vn * wn * wn);
            dl[j] = l0 * (vj * wj) + l1 * (vn * wn);
            dt[j] = t0 * (wj / (1.0 + k * Math.abs(wj))) + t1 * (wn / (1.0 + k * Math.abs(wn)))
                    + t2 * (wj * Math.abs(wj)) + t3 * (wn * Math.abs(wn));
        }
    }
}
