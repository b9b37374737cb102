package org.foresight.worldmodel.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.foresight.worldmodel.features.Atom;
import org.foresight.worldmodel.features.Term;

/**
 * The non-zero part of a fitted {@link LinearFeatureModel} compiled to a flat program: the distinct atoms
 * of all its terms, and one entry per non-zero coefficient naming its output, coefficient and factors
 * (atom indices). Evaluates the body-frame change
 * <pre>
 *   z = (v, ω, clamp(cmd_v, ±C_v), clamp(cmd_ω, ±C_ω))
 *   a_i = atom_i(z)                                   each distinct atom once
 *   d_r = Σ_{e: out(e) = r} ((coef_e · a_{f1}) · a_{f2}) · …    entries in fit order, from d_r = 0
 * </pre>
 * either for one sample ({@link #evaluate}) or for a structure-of-arrays block of samples
 * ({@link #evaluateBlock}) with samples innermost in every loop: one pass per atom and per entry, each a
 * branch-free loop over the block that the JIT vectorises, instead of a switch per factor per sample.
 * Both paths perform the same floating-point operations in the same order, so they agree bit for bit
 * (and with {@link Atom#value} products in term order). Immutable, thread-safe, allocation-free.
 */
final class FeatureProgram {
    /** Samples per block of {@link #evaluateBlock}; scratch is sized for it. */
    static final int BLOCK = 64;

    private final double limitV;
    private final double limitOmega;
    private final Atom.Kind[] atomKind;
    private final double[] atomKnot;
    private final int[] outOf;
    private final double[] coef;
    private final int[] factorStart;
    private final int[] factorAtom;

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
        factorAtom = new int[factors.size()];
        for (int i = 0; i < factorAtom.length; i++) {
            factorAtom[i] = factors.get(i);
        }
        atomKind = new Atom.Kind[distinct.size()];
        atomKnot = new double[distinct.size()];
        for (int i = 0; i < atomKind.length; i++) {
            atomKind[i] = distinct.get(i).kind();
            atomKnot[i] = distinct.get(i).knot();
        }
    }

    /** @return number of distinct atoms evaluated per sample. */
    int atomCount() {
        return atomKind.length;
    }

    /**
     * Per-thread work space of {@link #evaluateBlock}: one array per distinct atom and per output, so that
     * every block loop reads and writes different arrays from index 0 (the JIT vectorises such loops; with
     * two offsets into one array it must assume they overlap).
     */
    static final class Workspace {
        /** Clamped cmd_v [m/s] and cmd_ω [rad/s] of the block's samples. */
        final double[] cmdV = new double[BLOCK];
        final double[] cmdOmega = new double[BLOCK];
        /** atoms[i][j]: distinct atom i at sample j. */
        final double[][] atoms;
        /** Running product for entries of more than three factors. */
        final double[] prod = new double[BLOCK];
        /** d[r][j]: body-frame change r ({@link BodyDelta}) of sample j. */
        final double[][] d = new double[BodyDelta.DIM][BLOCK];

        Workspace(int atomCount) {
            atoms = new double[atomCount][BLOCK];
        }
    }

    /** @return a new work space for this program (one per thread). */
    Workspace newWorkspace() {
        return new Workspace(atomKind.length);
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
        double cv = Math.max(-limitV, Math.min(limitV, cvRaw));
        double cw = Math.max(-limitOmega, Math.min(limitOmega, cwRaw));
        double d0 = 0.0;
        double d1 = 0.0;
        double d2 = 0.0;
        double d3 = 0.0;
        double d4 = 0.0;
        final int[] fs = factorStart;
        final int[] fa = factorAtom;
        for (int e = 0; e < coef.length; e++) {
            double p = coef[e];
            for (int f = fs[e]; f < fs[e + 1]; f++) {
                int a = fa[f];
                p *= atomValue(atomKind[a], atomKnot[a], v, w, cv, cw);
            }
            switch (outOf[e]) {
                case BodyDelta.FORWARD: d0 += p; break;
                case BodyDelta.LATERAL: d1 += p; break;
                case BodyDelta.THETA: d2 += p; break;
                case BodyDelta.V: d3 += p; break;
                default: d4 += p; break;
            }
        }
        d[BodyDelta.FORWARD] = d0;
        d[BodyDelta.LATERAL] = d1;
        d[BodyDelta.THETA] = d2;
        d[BodyDelta.V] = d3;
        d[BodyDelta.OMEGA] = d4;
    }

    /** One atom's value, exactly as {@link Atom#value}. */
    private static double atomValue(Atom.Kind kind, double knot, double v, double w, double cv, double cw) {
        switch (kind) {
            case V: return v;
            case OMEGA: return w;
            case CMD_V: return cv;
            case CMD_OMEGA: return cw;
            case ABS_V: return Math.abs(v);
            case ABS_OMEGA: return Math.abs(w);
            case ABS_CMD_V: return Math.abs(cv);
            case ABS_CMD_OMEGA: return Math.abs(cw);
            case DV: return cv - v;
            case DOMEGA: return cw - w;
            case ABS_DV: return Math.abs(cv - v);
            case ABS_DOMEGA: return Math.abs(cw - w);
            case SAT_DV: return Math.max(-knot, Math.min(knot, cv - v));
            case SAT_DOMEGA: return Math.max(-knot, Math.min(knot, cw - w));
            case SAT_CMD_V: return Math.max(-knot, Math.min(knot, cv));
            case SAT_CMD_OMEGA: return Math.max(-knot, Math.min(knot, cw));
            default: throw new AssertionError(kind);
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
     * @param ws  (Output) this program's work space; the result is in {@code ws.d}. Modified.
     */
    void evaluateBlock(double[] v, int ov, double[] w, int ow, double[] cmd, int ocv, int ocw, int len, Workspace ws) {
        final double lv = limitV;
        final double lw = limitOmega;
        final double[] zcv = ws.cmdV;
        final double[] zcw = ws.cmdOmega;
        for (int j = 0; j < len; j++) {
            zcv[j] = Math.max(-lv, Math.min(lv, cmd[ocv + j]));
        }
        for (int j = 0; j < len; j++) {
            zcw[j] = Math.max(-lw, Math.min(lw, cmd[ocw + j]));
        }
        final double[][] at = ws.atoms;
        for (int a = 0; a < atomKind.length; a++) {
            atomBlock(atomKind[a], atomKnot[a], v, ov, w, ow, zcv, zcw, at[a], len);
        }
        final double[][] d = ws.d;
        for (int r = 0; r < BodyDelta.DIM; r++) {
            Arrays.fill(d[r], 0, len, 0.0);
        }
        final int[] fs = factorStart;
        final int[] fa = factorAtom;
        for (int e = 0; e < coef.length; e++) {
            final double c = coef[e];
            final double[] out = d[outOf[e]];
            final int nf = fs[e + 1] - fs[e];
            if (nf == 0) {
                for (int j = 0; j < len; j++) {
                    out[j] += c;
                }
            } else if (nf == 1) {
                final double[] a1 = at[fa[fs[e]]];
                for (int j = 0; j < len; j++) {
                    out[j] += c * a1[j];
                }
            } else if (nf == 2) {
                final double[] a1 = at[fa[fs[e]]];
                final double[] a2 = at[fa[fs[e] + 1]];
                for (int j = 0; j < len; j++) {
                    out[j] += c * a1[j] * a2[j];
                }
            } else if (nf == 3) {
                final double[] a1 = at[fa[fs[e]]];
                final double[] a2 = at[fa[fs[e] + 1]];
                final double[] a3 = at[fa[fs[e] + 2]];
                for (int j = 0; j < len; j++) {
                    out[j] += c * a1[j] * a2[j] * a3[j];
                }
            } else {
                final double[] p = ws.prod;
                Arrays.fill(p, 0, len, c);
                for (int f = fs[e]; f < fs[e + 1]; f++) {
                    final double[] af = at[fa[f]];
                    for (int j = 0; j < len; j++) {
                        p[j] *= af[j];
                    }
                }
                for (int j = 0; j < len; j++) {
                    out[j] += p[j];
                }
            }
        }
    }

    /** Writes one atom's values for the block into {@code out[0 … len)}; z's clamped commands are in zcv, zcw. */
    private static void atomBlock(Atom.Kind kind, double knot, double[] v, int ov, double[] w, int ow, double[] zcv,
                                  double[] zcw, double[] out, int len) {
        switch (kind) {
            case V:
                System.arraycopy(v, ov, out, 0, len);
                break;
            case OMEGA:
                System.arraycopy(w, ow, out, 0, len);
                break;
            case CMD_V:
                System.arraycopy(zcv, 0, out, 0, len);
                break;
            case CMD_OMEGA:
                System.arraycopy(zcw, 0, out, 0, len);
                break;
            case ABS_V:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.abs(v[ov + j]);
                }
                break;
            case ABS_OMEGA:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.abs(w[ow + j]);
                }
                break;
            case ABS_CMD_V:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.abs(zcv[j]);
                }
                break;
            case ABS_CMD_OMEGA:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.abs(zcw[j]);
                }
                break;
            case DV:
                for (int j = 0; j < len; j++) {
                    out[j] = zcv[j] - v[ov + j];
                }
                break;
            case DOMEGA:
                for (int j = 0; j < len; j++) {
                    out[j] = zcw[j] - w[ow + j];
                }
                break;
            case ABS_DV:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.abs(zcv[j] - v[ov + j]);
                }
                break;
            case ABS_DOMEGA:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.abs(zcw[j] - w[ow + j]);
                }
                break;
            case SAT_DV:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.max(-knot, Math.min(knot, zcv[j] - v[ov + j]));
                }
                break;
            case SAT_DOMEGA:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.max(-knot, Math.min(knot, zcw[j] - w[ow + j]));
                }
                break;
            case SAT_CMD_V:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.max(-knot, Math.min(knot, zcv[j]));
                }
                break;
            case SAT_CMD_OMEGA:
                for (int j = 0; j < len; j++) {
                    out[j] = Math.max(-knot, Math.min(knot, zcw[j]));
                }
                break;
            default:
                throw new AssertionError(kind);
        }
    }
}
