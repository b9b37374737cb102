package org.foresight.worldmodel.model;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.worldmodel.features.Atom;

/**
 * The float block of a {@link LinearFeatureModel} whose non-zero terms are all terms of the default library
 * ({@link org.foresight.worldmodel.features.FeatureLibrary#defaults()}, as {@code fit --kind linear} and
 * {@code sparse} fit them), evaluated in one straight pass per SIMD lane group with every intermediate in registers:
 * <pre>
 *   c_v = clamp(cmd_v, ±C_v),  c_ω = clamp(cmd_ω, ±C_ω),  Δv = c_v − v,  Δω = c_ω − ω
 *   d_f = a₀·v + a₁·c_v + a₂·v·ω² + a₃·sat(Δv, k_f)        d_l = b₀·v·ω + b₁·c_v·c_ω
 *   d_θ = e₀·ω + e₁·c_ω + e₂·ω·|ω| + e₃·sat(Δω, k_θ)      d_v = g₀·Δv + g₁·sat(Δv, k_v) + g₂·v·ω²
 *   d_ω = h₀·Δω + h₁·sat(Δω, k_ω) + h₂·ω·|ω|              (a term the fit left out: coefficient 0)
 * </pre>
 * {@link FloatFeatureBlock}, which interprets any library, makes one pass over the block per atom and per term
 * and was about 3× slower on this one. The same values to float rounding (the products are grouped differently);
 * {@code FloatFeatureBlockTest} checks both against the double program. Needs the Vector API; not thread-safe (one
 * per thread); allocation-free once compiled (JDK 25).
 */
final class DefaultTermsBlock implements BodyFrameKinematics.Block {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int N = BodyFrameKinematics.BLOCK;
    /** The default library's terms per output, as sorted atom kinds; a saturation's level is per output. */
    private static final Atom.Kind[][][] TERMS = {
        {{Atom.Kind.V}, {Atom.Kind.CMD_V}, {Atom.Kind.V, Atom.Kind.OMEGA, Atom.Kind.OMEGA}, {Atom.Kind.SAT_DV}},
        {{Atom.Kind.V, Atom.Kind.OMEGA}, {Atom.Kind.CMD_V, Atom.Kind.CMD_OMEGA}},
        {{Atom.Kind.OMEGA}, {Atom.Kind.CMD_OMEGA}, {Atom.Kind.OMEGA, Atom.Kind.ABS_OMEGA}, {Atom.Kind.SAT_DOMEGA}},
        {{Atom.Kind.DV}, {Atom.Kind.SAT_DV}, {Atom.Kind.V, Atom.Kind.OMEGA, Atom.Kind.OMEGA}},
        {{Atom.Kind.DOMEGA}, {Atom.Kind.SAT_DOMEGA}, {Atom.Kind.OMEGA, Atom.Kind.ABS_OMEGA}},
    };
    /** The saturation term's slot per output (−1: none). */
    private static final int[] SAT_SLOT = {3, -1, 3, 1, 1};

    private final float limitV;
    private final float limitOmega;
    /** c[r][slot]: the coefficient of output r's term in that slot (0 when the fit left it out). */
    private final float[][] c = new float[BodyDelta.DIM][4];
    /** The saturation level of output r's sat term (+∞ when it has none). */
    private final float[] knot = new float[BodyDelta.DIM];

    private DefaultTermsBlock(double limitV, double limitOmega) {
        this.limitV = (float) limitV;
        this.limitOmega = (float) limitOmega;
        Arrays.fill(knot, Float.POSITIVE_INFINITY);
    }

    /**
     * @return the block for a program whose every entry is a default-library term (at most one per slot), else null.
     */
    static DefaultTermsBlock of(double limitV, double limitOmega, Atom.Kind[] kinds, double[] knots, int[] outOf,
                                double[] coef, int[] factorStart, int[] factorAtom) {
        DefaultTermsBlock b = new DefaultTermsBlock(limitV, limitOmega);
        boolean[][] used = new boolean[BodyDelta.DIM][4];
        for (int e = 0; e < coef.length; e++) {
            int r = outOf[e];
            Atom.Kind[] term = new Atom.Kind[factorStart[e + 1] - factorStart[e]];
            double level = Double.NaN;
            for (int f = factorStart[e]; f < factorStart[e + 1]; f++) {
                term[f - factorStart[e]] = kinds[factorAtom[f]];
                if (kinds[factorAtom[f]].isSaturation()) {
                    level = knots[factorAtom[f]];
                }
            }
            Arrays.sort(term);
            int slot = -1;
            for (int s = 0; s < TERMS[r].length; s++) {
                if (Arrays.equals(term, TERMS[r][s])) {
                    slot = s;
                }
            }
            if (slot < 0 || used[r][slot]) {
                return null;
            }
            used[r][slot] = true;
            b.c[r][slot] = (float) coef[e];
            if (slot == SAT_SLOT[r]) {
                b.knot[r] = (float) level;
            }
        }
        return b;
    }

    @Override
    public void bodyDelta(float[] vs, int ov, float[] ws, int ow, float[] cvs, int ocv, float[] cws, int ocw, float[] d) {
        final int L = S.length();
        final float[] f = c[BodyDelta.FORWARD];
        final float[] l = c[BodyDelta.LATERAL];
        final float[] t = c[BodyDelta.THETA];
        final float[] g = c[BodyDelta.V];
        final float[] h = c[BodyDelta.OMEGA];
        final float kf = knot[BodyDelta.FORWARD];
        final float kt = knot[BodyDelta.THETA];
        final float kv = knot[BodyDelta.V];
        final float kw = knot[BodyDelta.OMEGA];
        for (int j = 0; j < N; j += L) {
            FloatVector v = FloatVector.fromArray(S, vs, ov + j);
            FloatVector w = FloatVector.fromArray(S, ws, ow + j);
            FloatVector cv = FloatVector.fromArray(S, cvs, ocv + j).max(-limitV).min(limitV);
            FloatVector cw = FloatVector.fromArray(S, cws, ocw + j).max(-limitOmega).min(limitOmega);
            FloatVector dv = cv.sub(v);
            FloatVector dw = cw.sub(w);
            FloatVector vw = v.mul(w);
            FloatVector vww = vw.mul(w);
            FloatVector wa = w.mul(w.abs());
            v.mul(f[0]).add(cv.mul(f[1])).add(vww.mul(f[2])).add(dv.max(-kf).min(kf).mul(f[3]))
                    .intoArray(d, BodyDelta.FORWARD * N + j);
            vw.mul(l[0]).add(cv.mul(cw).mul(l[1])).intoArray(d, BodyDelta.LATERAL * N + j);
            w.mul(t[0]).add(cw.mul(t[1])).add(wa.mul(t[2])).add(dw.max(-kt).min(kt).mul(t[3]))
                    .intoArray(d, BodyDelta.THETA * N + j);
            dv.mul(g[0]).add(dv.max(-kv).min(kv).mul(g[1])).add(vww.mul(g[2])).intoArray(d, BodyDelta.V * N + j);
            dw.mul(h[0]).add(dw.max(-kw).min(kw).mul(h[1])).add(wa.mul(h[2])).intoArray(d, BodyDelta.OMEGA * N + j);
        }
    }
}
