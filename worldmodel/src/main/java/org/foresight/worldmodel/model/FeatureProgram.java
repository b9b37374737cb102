package org.foresight.worldmodel.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.worldmodel.features.Atom;
import org.foresight.worldmodel.features.Term;

/**
 * The non-zero part of a fitted {@link LinearFeatureModel} compiled to a flat program: the distinct atoms
 * of all its terms, and one entry per non-zero coefficient naming its output, coefficient and factors
 * (atom indices). Evaluates the body-frame change
 * <pre>
 *   z = (v, ω, clamp(cmd_v, ±C_v), clamp(cmd_ω, ±C_ω))
 *   a_i = atom_i(z)                                   each distinct atom once
 *   d_r = Σ_{e: out(e) = r} ((coef_e · a_f1) · a_f2) · …    entries in fit order, from d_r = 0
 * </pre>
 * either for one sample ({@link #evaluate}) or for a structure-of-arrays block of {@link #BLOCK} samples
 * ({@link #evaluateBlock}) with samples innermost: one loop per computed atom, each a small fixed-length,
 * branch-free loop over distinct arrays that the JIT vectorises, then the entries as {@link FeatureTerms}
 * (every output accumulated over all its terms in a register: measured with the MPPI iteration, A/B in the
 * README's issue-15 section), or, when a term has more than three factors, one loop per entry. Both perform the same floating-point operations in the same order, so they agree
 * bit for bit (and with the products of {@link Atom#value} in term order). Immutable, thread-safe,
 * allocation-free.
 */
final class FeatureProgram {
    /**
     * Samples per block of {@link #evaluateBlock}. Every block loop runs exactly this many iterations (a
     * short block is padded with zeros), so the JIT sees a constant trip count and emits straight vector
     * code without alignment and remainder loops. 64 is the MPPI planner's chunk: measured ~17 ns per
     * sample-step for calls of 64 samples, against ~22 ns with blocks of 16; a call with fewer samples still
     * pays for a whole block.
     */
    static final int BLOCK = 64;
    private final double limitV;
    private final double limitOmega;
    // atoms by index; raw inputs (v, ω, cmd_v, cmd_ω) need no loop of their own
    private final Atom.Kind[] atomKind;
    private final double[] atomKnot;
    private final int[] computedAtoms;
    // entry e adds coef[e]·Π atoms factorAtom[factorStart[e] … factorStart[e+1]) to output outOf[e]
    private final int[] outOf;
    private final double[] coef;
    private final int[] factorStart;
    private final int[] factorAtom;
    /** The entries as {@link FeatureTerms} for the block evaluation; null if a term has over three factors. */
    private final FeatureTerms terms;

    /**
     * @param limitV     input clamp level of cmd_v [m/s], +∞ for none.
     * @param limitOmega input clamp level of cmd_ω [rad/s], +∞ for none.
     * @param outputs    per entry, the {@link BodyDelta} output it adds to.
     * @param coefs      per entry, its non-zero coefficient.
     * @param terms      per entry, its term (resolved atoms).
     */
    FeatureProgram(double limitV, double limitOmega, List<Integer> outputs, List<Double> coefs, List<Term> terms) {
        this.limitV = limitV;
        this.limitOmega = limitOmega;
        int nnz = outputs.size();
        List<Atom> distinct = new ArrayList<>();
        List<Integer> factors = new ArrayList<>();
        outOf = new int[nnz];
        coef = new double[nnz];
        factorStart = new int[nnz + 1];
        for (int e = 0; e < nnz; e++) {
            outOf[e] = outputs.get(e);
            coef[e] = coefs.get(e);
            factorStart[e] = factors.size();
            for (Atom a : terms.get(e).atoms()) {
                int idx = distinct.indexOf(a);
                if (idx < 0) {
                    idx = distinct.size();
                    distinct.add(a);
                }
                factors.add(idx);
            }
        }
        factorStart[nnz] = factors.size();
        factorAtom = factors.stream().mapToInt(Integer::intValue).toArray();
        atomKind = new Atom.Kind[distinct.size()];
        atomKnot = new double[distinct.size()];
        List<Integer> computed = new ArrayList<>();
        for (int i = 0; i < atomKind.length; i++) {
            atomKind[i] = distinct.get(i).kind();
            atomKnot[i] = distinct.get(i).knot();
            if (!isRaw(atomKind[i])) {
                computed.add(i);
            }
        }
        computedAtoms = computed.stream().mapToInt(Integer::intValue).toArray();
        this.terms = FeatureTerms.compile(outOf, coef, factorStart, factorAtom);
    }

    private static boolean isRaw(Atom.Kind k) {
        return k == Atom.Kind.V || k == Atom.Kind.OMEGA || k == Atom.Kind.CMD_V || k == Atom.Kind.CMD_OMEGA;
    }

    /** @return the entries as {@link FeatureTerms}, null when a term has more than three factors. */
    FeatureTerms terms() {
        return terms;
    }

    /** @return number of distinct atoms evaluated per sample. */
    int atomCount() {
        return atomKind.length;
    }

    /**
     * Per-thread work space of {@link #evaluateBlock}: one array per atom and per output, so that every
     * block loop reads and writes different arrays from index 0 (the JIT vectorises such loops; with two
     * offsets into one array it must assume they overlap). Raw-input atoms share the input arrays.
     */
    static final class Workspace {
        /** Measured v [m/s] and ω [rad/s] of the block's samples, zero past the block's length. */
        final double[] v = new double[BLOCK];
        final double[] omega = new double[BLOCK];
        /** Clamped cmd_v [m/s] and cmd_ω [rad/s] of the block's samples, zero past the block's length. */
        final double[] cmdV = new double[BLOCK];
        final double[] cmdOmega = new double[BLOCK];
        /** atoms[i][j]: atom i at sample j (raw inputs share the arrays above). */
        final double[][] atoms;
        /** Running product for terms of more than three factors. */
        final double[] prod = new double[BLOCK];
        /** d[r][j]: body-frame change r ({@link BodyDelta}) of sample j. */
        final double[][] d = new double[BodyDelta.DIM][BLOCK];
        /** x [m], y [m] and θ [rad] of the block's samples, for the world-frame step (zero-padded). */
        final double[] px = new double[BLOCK];
        final double[] py = new double[BLOCK];
        final double[] theta = new double[BLOCK];
        /** Next state of the block's samples: x [m], y [m], θ [rad], v [m/s], ω [rad/s]. */
        final double[] nextX = new double[BLOCK];
        final double[] nextY = new double[BLOCK];
        final double[] nextTheta = new double[BLOCK];
        final double[] nextV = new double[BLOCK];
        final double[] nextOmega = new double[BLOCK];
        /** sin θ and cos θ of the block's samples, for the world-frame step. */
        final double[] sin = new double[BLOCK];
        final double[] cos = new double[BLOCK];

        Workspace(Atom.Kind[] kinds) {
            atoms = new double[kinds.length][];
            for (int i = 0; i < kinds.length; i++) {
                Atom.Kind k = kinds[i];
                if (k == Atom.Kind.V) {
                    atoms[i] = v;
                } else if (k == Atom.Kind.OMEGA) {
                    atoms[i] = omega;
                } else if (k == Atom.Kind.CMD_V) {
                    atoms[i] = cmdV;
                } else if (k == Atom.Kind.CMD_OMEGA) {
                    atoms[i] = cmdOmega;
                } else {
                    atoms[i] = new double[BLOCK];
                }
            }
        }
    }

    /**
     * @return this program in float for blocks of samples, with its own scratch (one per thread): straight-line
     *         for the default library's terms ({@link DefaultTermsBlock}), else interpreted ({@link FloatFeatureBlock}).
     */
    BodyFrameKinematics.Block newFloatBlock() {
        DefaultTermsBlock fixed = DefaultTermsBlock.of(limitV, limitOmega, atomKind, atomKnot, outOf, coef, factorStart,
                factorAtom);
        return fixed != null ? fixed : newInterpretedFloatBlock();
    }

    /** @return this program in float, interpreted whatever its terms (one per thread). */
    FloatFeatureBlock newInterpretedFloatBlock() {
        return new FloatFeatureBlock(limitV, limitOmega, atomKind, atomKnot, computedAtoms, outOf, coef, factorStart,
                factorAtom);
    }

    /** @return a new work space for this program (one per thread). */
    Workspace newWorkspace() {
        return new Workspace(atomKind);
    }

    /**
     * d for one sample (see the class formula). Allocation-free.
     *
     * @param v     measured forward speed [m/s].
     * @param w     measured yaw rate [rad/s].
     * @param cvRaw commanded forward speed before the input clamp [m/s].
     * @param cwRaw commanded yaw rate before the input clamp [rad/s].
     * @param d     (Output) length ≥ 5, {@link BodyDelta} order. Modified.
     */
    void evaluate(double v, double w, double cvRaw, double cwRaw, double[] d) {
        double cv = BlockClamp.of(cvRaw, limitV);
        double cw = BlockClamp.of(cwRaw, limitOmega);
        d[BodyDelta.FORWARD] = 0.0;
        d[BodyDelta.LATERAL] = 0.0;
        d[BodyDelta.THETA] = 0.0;
        d[BodyDelta.V] = 0.0;
        d[BodyDelta.OMEGA] = 0.0;
        final int[] fs = factorStart;
        final int[] fa = factorAtom;
        for (int e = 0; e < coef.length; e++) {
            double p = coef[e];
            for (int f = fs[e]; f < fs[e + 1]; f++) {
                int a = fa[f];
                p *= Atom.value(atomKind[a], atomKnot[a], v, w, cv, cw);
            }
            d[outOf[e]] += p;
        }
    }

    /**
     * d for a block of samples, structure-of-arrays (see the class formula); bit-for-bit equal to
     * {@link #evaluate} per sample. Allocation-free.
     *
     * @param v   measured forward speeds [m/s]: sample j at {@code v[ov + j]}. Not modified.
     * @param ov  offset of sample 0 in {@code v}.
     * @param w   measured yaw rates [rad/s], at {@code w[ow + j]}. Not modified.
     * @param ow  offset in {@code w}.
     * @param cmd commands before the clamp: cmd_v [m/s] at {@code cmd[ocv + j]}, cmd_ω [rad/s] at
     *            {@code cmd[ocw + j]}. Not modified.
     * @param ocv offset of cmd_v.
     * @param ocw offset of cmd_ω.
     * @param len samples in the block, 1 … {@link #BLOCK}.
     * @param ws  (Output) this program's work space; the result is in {@code ws.d[r][0 … len)}. Modified.
     */
    void evaluateBlock(double[] v, int ov, double[] w, int ow, double[] cmd, int ocv, int ocw, int len, Workspace ws) {
        final double lv = limitV;
        final double lw = limitOmega;
        final double[] zv = ws.v;
        final double[] zw = ws.omega;
        final double[] zcv = ws.cmdV;
        final double[] zcw = ws.cmdOmega;
        System.arraycopy(v, ov, zv, 0, len);
        System.arraycopy(w, ow, zw, 0, len);
        BlockClamp.clamp(cmd, ocv, zcv, len, lv);
        BlockClamp.clamp(cmd, ocw, zcw, len, lw);
        if (len < BLOCK) {
            Arrays.fill(zv, len, BLOCK, 0.0);
            Arrays.fill(zw, len, BLOCK, 0.0);
            Arrays.fill(zcv, len, BLOCK, 0.0);
            Arrays.fill(zcw, len, BLOCK, 0.0);
        }
        final double[][] at = ws.atoms;
        for (int a : computedAtoms) {
            atomBlock(atomKind[a], atomKnot[a], zv, zw, zcv, zcw, at[a]);
        }
        if (terms != null) {
            terms.evaluate(at, ws.d);
        } else {
            evaluateEntries(at, ws);
        }
    }

    /**
     * The general block evaluation of {@link #evaluateBlock}, one pass over the block per entry (package-private:
     * {@code FeatureTermsTest} checks {@link FeatureTerms} against it bit for bit).
     */
    void evaluateEntries(double[][] at, Workspace ws) {
        final double[][] d = ws.d;
        for (int r = 0; r < BodyDelta.DIM; r++) {
            Arrays.fill(d[r], 0.0);
        }
        final int[] fs = factorStart;
        final int[] fa = factorAtom;
        for (int e = 0; e < coef.length; e++) {
            final double c = coef[e];
            final double[] out = d[outOf[e]];
            final int f0 = fs[e];
            switch (fs[e + 1] - f0) {
                case 0:
                    add(out, c);
                    break;
                case 1:
                    add(out, c, at[fa[f0]]);
                    break;
                case 2:
                    add(out, c, at[fa[f0]], at[fa[f0 + 1]]);
                    break;
                case 3:
                    add(out, c, at[fa[f0]], at[fa[f0 + 1]], at[fa[f0 + 2]]);
                    break;
                default:
                    final double[] p = ws.prod;
                    Arrays.fill(p, c);
                    for (int f = f0; f < fs[e + 1]; f++) {
                        multiply(p, at[fa[f]]);
                    }
                    add(out, 1.0, p);
                    break;
            }
        }
    }

    /** out += c over the block. */
    private static void add(double[] out, double c) {
        for (int j = 0; j < BLOCK; j++) {
            out[j] += c;
        }
    }

    /** out += c·a over the block; with c = 1 exactly out += a. */
    private static void add(double[] out, double c, double[] a) {
        for (int j = 0; j < BLOCK; j++) {
            out[j] += c * a[j];
        }
    }

    /** out += (c·a)·b over the block. */
    private static void add(double[] out, double c, double[] a, double[] b) {
        for (int j = 0; j < BLOCK; j++) {
            out[j] += c * a[j] * b[j];
        }
    }

    /** out += ((c·a)·b)·b2 over the block. */
    private static void add(double[] out, double c, double[] a, double[] b, double[] b2) {
        for (int j = 0; j < BLOCK; j++) {
            out[j] += c * a[j] * b[j] * b2[j];
        }
    }

    /** p *= a over the block. */
    private static void multiply(double[] p, double[] a) {
        for (int j = 0; j < BLOCK; j++) {
            p[j] *= a[j];
        }
    }

    /** Writes one computed (non-raw) atom's values for the block into {@code out[0 … BLOCK)} from z = (zv, zw, zcv, zcw). */
    private static void atomBlock(Atom.Kind kind, double knot, double[] zv, double[] zw, double[] zcv,
                                  double[] zcw, double[] out) {
        switch (kind) {
            case ABS_V:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = Math.abs(zv[j]);
                }
                break;
            case ABS_OMEGA:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = Math.abs(zw[j]);
                }
                break;
            case ABS_CMD_V:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = Math.abs(zcv[j]);
                }
                break;
            case ABS_CMD_OMEGA:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = Math.abs(zcw[j]);
                }
                break;
            case DV:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = zcv[j] - zv[j];
                }
                break;
            case DOMEGA:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = zcw[j] - zw[j];
                }
                break;
            case ABS_DV:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = Math.abs(zcv[j] - zv[j]);
                }
                break;
            case ABS_DOMEGA:
                for (int j = 0; j < BLOCK; j++) {
                    out[j] = Math.abs(zcw[j] - zw[j]);
                }
                break;
            case SAT_DV:
                BlockClamp.clampDifference(zcv, zv, out, BLOCK, knot);
                break;
            case SAT_DOMEGA:
                BlockClamp.clampDifference(zcw, zw, out, BLOCK, knot);
                break;
            case SAT_CMD_V:
                BlockClamp.clamp(zcv, 0, out, BLOCK, knot);
                break;
            case SAT_CMD_OMEGA:
                BlockClamp.clamp(zcw, 0, out, BLOCK, knot);
                break;
            default:
                throw new AssertionError(kind);
        }
    }
}
