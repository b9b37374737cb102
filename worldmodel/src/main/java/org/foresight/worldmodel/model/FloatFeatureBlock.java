package org.foresight.worldmodel.model;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.worldmodel.features.Atom;

/**
 * A {@link FeatureProgram} evaluated in float for a block of {@link BodyFrameKinematics#BLOCK} samples, for a fused
 * rollout kernel ({@link LinearFeatureModel#newFloatBlock}): the same formula,
 * <pre>
 *   z = (v, ω, clamp(cmd_v, ±C_v), clamp(cmd_ω, ±C_ω)),   a_i = atom_i(z),   d_r = Σ_{e: out(e) = r} coef_e·Π a_f
 * </pre>
 * with every value a float: one pass over the block's SIMD lane groups (the preferred species) per computed atom and
 * per entry, each vector loaded from and stored to a row (a vector carried across a loop or merged after a branch
 * is boxed). Plain loops over float arrays were 6× slower here: the JIT left them scalar. Differs from the double
 * program by float rounding (about 1e-7 of each term). Needs the Vector API ({@link org.foresight.dynamics.model.Simd});
 * not thread-safe: one per thread (its scratch); allocation-free once compiled (JDK 25).
 */
final class FloatFeatureBlock implements BodyFrameKinematics.Block {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
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
    /** Whether entry e is the first of its output (it stores instead of adding; an output without one is zeroed). */
    private final boolean[] first;
    /** The outputs no entry writes (zeroed each call). */
    private final int[] unwritten;

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
        first = new boolean[outOf.length];
        boolean[] seen = new boolean[BodyDelta.DIM];
        for (int e = 0; e < outOf.length; e++) {
            first[e] = !seen[outOf[e]];
            seen[outOf[e]] = true;
        }
        unwritten = java.util.stream.IntStream.range(0, BodyDelta.DIM).filter(r -> !seen[r]).toArray();
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
        final int L = S.length();
        System.arraycopy(v, ov, zv, 0, N);
        System.arraycopy(w, ow, zw, 0, N);
        for (int g = 0; g < N; g += L) {
            FloatVector.fromArray(S, cv, ocv + g).max(-limitV).min(limitV).intoArray(zcv, g);
            FloatVector.fromArray(S, cw, ocw + g).max(-limitOmega).min(limitOmega).intoArray(zcw, g);
        }
        for (int a : computed) {
            atom(kinds[a], knots[a], atoms[a]);
        }
        for (int r : unwritten) {
            Arrays.fill(d, r * N, (r + 1) * N, 0f);
        }
        final int[] fs = factorStart;
        final int[] fa = factorAtom;
        for (int e = 0; e < coef.length; e++) {
            final int f0 = fs[e];
            final int n = fs[e + 1] - f0;
            final float[] x = n > 0 ? atoms[fa[f0]] : null;
            final float[] y = n > 1 ? atoms[fa[f0 + 1]] : null;
            final float[] z = n > 2 ? atoms[fa[f0 + 2]] : null;
            if (n > 3) {
                general(e, x, y, z, d);
            } else if (first[e]) { // the output's first term is stored: the outputs need no zeroing
                store(n, coef[e], x, y, z, d, outOf[e] * N);
            } else {
                add(n, coef[e], x, y, z, d, outOf[e] * N);
            }
        }
    }

    /** d[o …] = c·x·y·z over the block, the first n of the factors (each case stores: no vector merges). */
    private static void store(int n, float c, float[] x, float[] y, float[] z, float[] d, int o) {
        final int L = S.length();
        for (int g = 0; g < N; g += L) {
            switch (n) {
                case 0 -> FloatVector.broadcast(S, c).intoArray(d, o + g);
                case 1 -> FloatVector.fromArray(S, x, g).mul(c).intoArray(d, o + g);
                case 2 -> FloatVector.fromArray(S, x, g).mul(c).mul(FloatVector.fromArray(S, y, g)).intoArray(d, o + g);
                default -> FloatVector.fromArray(S, x, g).mul(c).mul(FloatVector.fromArray(S, y, g))
                        .mul(FloatVector.fromArray(S, z, g)).intoArray(d, o + g);
            }
        }
    }

    /** d[o …] += c·x·y·z over the block, the first n of the factors. */
    private static void add(int n, float c, float[] x, float[] y, float[] z, float[] d, int o) {
        final int L = S.length();
        for (int g = 0; g < N; g += L) {
            FloatVector acc = FloatVector.fromArray(S, d, o + g);
            switch (n) {
                case 0 -> acc.add(c).intoArray(d, o + g);
                case 1 -> acc.add(FloatVector.fromArray(S, x, g).mul(c)).intoArray(d, o + g);
                case 2 -> acc.add(FloatVector.fromArray(S, x, g).mul(c).mul(FloatVector.fromArray(S, y, g)))
                        .intoArray(d, o + g);
                default -> acc.add(FloatVector.fromArray(S, x, g).mul(c).mul(FloatVector.fromArray(S, y, g))
                        .mul(FloatVector.fromArray(S, z, g))).intoArray(d, o + g);
            }
        }
    }

    /** Entry e of more than three factors: its product in a row, then stored or added. */
    private void general(int e, float[] x, float[] y, float[] z, float[] d) {
        final int L = S.length();
        final float c = coef[e];
        for (int g = 0; g < N; g += L) {
            FloatVector.fromArray(S, x, g).mul(c).mul(FloatVector.fromArray(S, y, g)).mul(FloatVector.fromArray(S, z, g))
                    .intoArray(prod, g);
        }
        for (int f = factorStart[e] + 3; f < factorStart[e + 1]; f++) {
            final float[] a = atoms[factorAtom[f]];
            for (int g = 0; g < N; g += L) {
                FloatVector.fromArray(S, prod, g).mul(FloatVector.fromArray(S, a, g)).intoArray(prod, g);
            }
        }
        final int o = outOf[e] * N;
        if (first[e]) {
            for (int g = 0; g < N; g += L) {
                FloatVector.fromArray(S, prod, g).intoArray(d, o + g);
            }
        } else {
            for (int g = 0; g < N; g += L) {
                FloatVector.fromArray(S, d, o + g).add(FloatVector.fromArray(S, prod, g)).intoArray(d, o + g);
            }
        }
    }

    /** One computed atom over the block from z, as {@link Atom#value}. */
    private void atom(Atom.Kind kind, float c, float[] o) {
        final int L = S.length();
        for (int g = 0; g < N; g += L) {
            FloatVector v = FloatVector.fromArray(S, zv, g);
            FloatVector w = FloatVector.fromArray(S, zw, g);
            FloatVector cv = FloatVector.fromArray(S, zcv, g);
            FloatVector cw = FloatVector.fromArray(S, zcw, g);
            // each case stores its own value: a vector merged after a branch is boxed
            switch (kind) {
                case ABS_V -> v.abs().intoArray(o, g);
                case ABS_OMEGA -> w.abs().intoArray(o, g);
                case ABS_CMD_V -> cv.abs().intoArray(o, g);
                case ABS_CMD_OMEGA -> cw.abs().intoArray(o, g);
                case DV -> cv.sub(v).intoArray(o, g);
                case DOMEGA -> cw.sub(w).intoArray(o, g);
                case ABS_DV -> cv.sub(v).abs().intoArray(o, g);
                case ABS_DOMEGA -> cw.sub(w).abs().intoArray(o, g);
                case SAT_DV -> cv.sub(v).max(-c).min(c).intoArray(o, g);
                case SAT_DOMEGA -> cw.sub(w).max(-c).min(c).intoArray(o, g);
                case SAT_CMD_V -> cv.max(-c).min(c).intoArray(o, g);
                case SAT_CMD_OMEGA -> cw.max(-c).min(c).intoArray(o, g);
                default -> throw new AssertionError(kind);
            }
        }
    }
}
