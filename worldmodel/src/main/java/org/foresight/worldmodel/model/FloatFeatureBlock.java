package org.foresight.worldmodel.model;

import java.util.Arrays;

import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.worldmodel.features.Atom;

/**
 * A {@link FeatureProgram} evaluated in float for a block of {@link BodyFrameKinematics#BLOCK} samples, for a fused
 * rollout kernel ({@link LinearFeatureModel#newFloatBlock}): the same formula,
 * <pre>
 *   z = (v, ω, clamp(cmd_v, ±C_v), clamp(cmd_ω, ±C_ω)),   a_i = atom_i(z),   d_r = Σ_{e: out(e) = r} coef_e·Π a_f
 * </pre>
 * with every value a float: one loop over the block per computed atom and per entry, each a fixed-length,
 * branch-free loop over 0-based arrays that the JIT compiles to SIMD code. Differs from the double program by float
 * rounding (about 1e-7 of each term). Not thread-safe: one per thread (its scratch); allocation-free.
 */
final class FloatFeatureBlock implements BodyFrameKinematics.Block {
    private static final int N = BodyFrameKinematics.BLOCK;
    private final float limitV;
    private final float limitOmega;
    private final Atom.Kind[] kinds;
    private final float[] knots;
    private final int[] computed;
    private final int[] outOf;
    private final float[] coef;
    private final int[] factorStart;
    private final int[] factorAtom;
    /** Inputs z (clamped commands), then one row per atom (raw ones share the input rows). */
    private final float[] zv = new float[N];
    private final float[] zw = new float[N];
    private final float[] zcv = new float[N];
    private final float[] zcw = new float[N];
    private final float[][] atoms;
    private final float[] prod = new float[N];
    private final float[][] out = new float[BodyDelta.DIM][N];

    FloatFeatureBlock(double limitV, double limitOmega, Atom.Kind[] kinds, double[] knots, int[] computed, int[] outOf,
                      double[] coef, int[] factorStart, int[] factorAtom) {
        this.limitV = (float) limitV;
        this.limitOmega = (float) limitOmega;
        this.kinds = kinds;
        this.knots = new float[knots.length];
        for (int i = 0; i < knots.length; i++) {
            this.knots[i] = (float) knots[i];
        }
        this.computed = computed;
        this.outOf = outOf;
        this.coef = new float[coef.length];
        for (int e = 0; e < coef.length; e++) {
            this.coef[e] = (float) coef[e];
        }
        this.factorStart = factorStart;
        this.factorAtom = factorAtom;
        atoms = new float[kinds.length][];
        for (int i = 0; i < kinds.length; i++) {
            atoms[i] = switch (kinds[i]) {
                case V -> zv;
                case OMEGA -> zw;
                case CMD_V -> zcv;
                case CMD_OMEGA -> zcw;
                default -> new float[N];
            };
        }
    }

    @Override
    public void bodyDelta(float[] v, int ov, float[] w, int ow, float[] cv, int ocv, float[] cw, int ocw, float[] d) {
        System.arraycopy(v, ov, zv, 0, N);
        System.arraycopy(w, ow, zw, 0, N);
        clamp(cv, ocv, zcv, limitV);
        clamp(cw, ocw, zcw, limitOmega);
        for (int a : computed) {
            atom(kinds[a], knots[a], atoms[a]);
        }
        for (int r = 0; r < BodyDelta.DIM; r++) {
            Arrays.fill(out[r], 0f);
        }
        final int[] fs = factorStart;
        final int[] fa = factorAtom;
        for (int e = 0; e < coef.length; e++) {
            final float c = coef[e];
            final float[] o = out[outOf[e]];
            final int f0 = fs[e];
            switch (fs[e + 1] - f0) {
                case 0 -> add(o, c);
                case 1 -> add(o, c, atoms[fa[f0]]);
                case 2 -> add(o, c, atoms[fa[f0]], atoms[fa[f0 + 1]]);
                case 3 -> add(o, c, atoms[fa[f0]], atoms[fa[f0 + 1]], atoms[fa[f0 + 2]]);
                default -> {
                    Arrays.fill(prod, c);
                    for (int f = f0; f < fs[e + 1]; f++) {
                        final float[] a = atoms[fa[f]];
                        for (int j = 0; j < N; j++) {
                            prod[j] *= a[j];
                        }
                    }
                    add(o, 1f, prod);
                }
            }
        }
        for (int r = 0; r < BodyDelta.DIM; r++) {
            System.arraycopy(out[r], 0, d, r * N, N);
        }
    }

    /** dst = clamp(src[o …], ±c) over the block (c = +∞ clamps nothing). */
    private static void clamp(float[] src, int o, float[] dst, float c) {
        System.arraycopy(src, o, dst, 0, N);
        for (int j = 0; j < N; j++) {
            dst[j] = Math.min(c, Math.max(-c, dst[j]));
        }
    }

    /** One computed atom over the block from z, as {@link Atom#value}. */
    private void atom(Atom.Kind kind, float c, float[] o) {
        final float[] v = zv;
        final float[] w = zw;
        final float[] cv = zcv;
        final float[] cw = zcw;
        switch (kind) {
            case ABS_V -> { for (int j = 0; j < N; j++) { o[j] = Math.abs(v[j]); } }
            case ABS_OMEGA -> { for (int j = 0; j < N; j++) { o[j] = Math.abs(w[j]); } }
            case ABS_CMD_V -> { for (int j = 0; j < N; j++) { o[j] = Math.abs(cv[j]); } }
            case ABS_CMD_OMEGA -> { for (int j = 0; j < N; j++) { o[j] = Math.abs(cw[j]); } }
            case DV -> { for (int j = 0; j < N; j++) { o[j] = cv[j] - v[j]; } }
            case DOMEGA -> { for (int j = 0; j < N; j++) { o[j] = cw[j] - w[j]; } }
            case ABS_DV -> { for (int j = 0; j < N; j++) { o[j] = Math.abs(cv[j] - v[j]); } }
            case ABS_DOMEGA -> { for (int j = 0; j < N; j++) { o[j] = Math.abs(cw[j] - w[j]); } }
            case SAT_DV -> { for (int j = 0; j < N; j++) { o[j] = Math.min(c, Math.max(-c, cv[j] - v[j])); } }
            case SAT_DOMEGA -> { for (int j = 0; j < N; j++) { o[j] = Math.min(c, Math.max(-c, cw[j] - w[j])); } }
            case SAT_CMD_V -> { for (int j = 0; j < N; j++) { o[j] = Math.min(c, Math.max(-c, cv[j])); } }
            case SAT_CMD_OMEGA -> { for (int j = 0; j < N; j++) { o[j] = Math.min(c, Math.max(-c, cw[j])); } }
            default -> throw new AssertionError(kind);
        }
    }

    /** o += c over the block. */
    private static void add(float[] o, float c) {
        for (int j = 0; j < N; j++) {
            o[j] += c;
        }
    }

    /** o += c·a over the block. */
    private static void add(float[] o, float c, float[] a) {
        for (int j = 0; j < N; j++) {
            o[j] += c * a[j];
        }
    }

    /** o += (c·a)·b over the block. */
    private static void add(float[] o, float c, float[] a, float[] b) {
        for (int j = 0; j < N; j++) {
            o[j] += c * a[j] * b[j];
        }
    }

    /** o += ((c·a)·b)·b2 over the block. */
    private static void add(float[] o, float c, float[] a, float[] b, float[] b2) {
        for (int j = 0; j < N; j++) {
            o[j] += c * a[j] * b[j] * b2[j];
        }
    }
}
