package org.foresight.worldmodel.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.Simd;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.features.Atom;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.features.Term;

/**
 * A model linear in its parameters over a {@link FeatureLibrary}: d_r = Σ_j w_rj·φ_rj(v, ω, cmd_v, cmd_ω)
 * for each body-frame output r ({@link BodyDelta}), then the world-frame step of {@link BodyFrameModel}.
 * Both the ridge ("linear") and the sparse (STLSQ, "sparse") fits produce this class; only non-zero
 * coefficients are evaluated, so a sparse model is cheaper.
 *
 * <p>Cost of {@link #step}: one multiply-add per non-zero coefficient plus one multiply per extra factor
 * of its term, about 15 flops for |·|, clamp and differences, 10 for the rotation, plus one sin and one cos
 * ({@link #flopsPerStep()} counts them). The non-zero terms are compiled once into a {@link FeatureProgram}
 * (distinct atoms, then a flat list of products), which {@link #stepBatch} runs over blocks of samples with
 * samples innermost; {@code step} and {@code stepBatch} agree bit for bit. Immutable and thread-safe;
 * {@code step} never allocates, {@code stepBatch} only on a thread's first call (its work space).
 */
public final class LinearFeatureModel extends BodyFrameModel implements BodyFrameKinematics {
    private final String kind;
    private final FeatureLibrary library;
    private final double[][] coefficients;
    // compiled non-zero terms: entry e adds coef[e]·Π atoms[atomStart[e] .. atomStart[e+1]) to output outOf[e]
    private final FeatureProgram program;
    private final ThreadLocal<FeatureProgram.Workspace> workspace;
    private final int[] outOf;
    private final double[] coef;
    private final int[] atomStart;
    private final Atom[] atoms;
    private final Term[] entryTerms;
    // input clamp levels [m/s], [rad/s]; +∞ = none
    private final double limitV;
    private final double limitOmega;

    /**
     * @param kind         "linear" or "sparse" (how it was fitted; recorded in model files).
     * @param dt           control period the model was fitted at [s].
     * @param library      the features, with every saturation level resolved (no "auto").
     * @param coefficients per output, one finite coefficient per term of {@code library.terms(r)}. Copied.
     */
    public LinearFeatureModel(String kind, double dt, FeatureLibrary library, double[][] coefficients) {
        super(dt);
        if (!"linear".equals(kind) && !"sparse".equals(kind)) {
            throw new IllegalArgumentException("linear feature model kind must be 'linear' or 'sparse', got '" + kind + "'");
        }
        if (!library.isResolved()) {
            throw new IllegalArgumentException("feature library still has 'auto' saturation levels: " + library);
        }
        if (coefficients.length != BodyDelta.DIM) {
            throw new IllegalArgumentException("need " + BodyDelta.DIM + " coefficient rows, got " + coefficients.length);
        }
        this.kind = kind;
        this.library = library;
        this.limitV = library.commandLimit(Inputs.CMD_V);
        this.limitOmega = library.commandLimit(Inputs.CMD_OMEGA);
        this.coefficients = new double[BodyDelta.DIM][];
        List<Integer> outs = new ArrayList<>();
        List<Double> cs = new ArrayList<>();
        List<Term> ts = new ArrayList<>();
        for (int r = 0; r < BodyDelta.DIM; r++) {
            List<Term> terms = library.terms(r);
            if (coefficients[r].length != terms.size()) {
                throw new IllegalArgumentException("output " + BodyDelta.NAMES.get(r) + " has " + terms.size()
                        + " features but " + coefficients[r].length + " coefficients");
            }
            this.coefficients[r] = coefficients[r].clone();
            for (int j = 0; j < terms.size(); j++) {
                double w = coefficients[r][j];
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("coefficient of " + terms.get(j) + " in " + BodyDelta.NAMES.get(r)
                            + " is not finite: " + w);
                }
                if (w != 0.0) {
                    outs.add(r);
                    cs.add(w);
                    ts.add(terms.get(j));
                }
            }
        }
        int nnz = outs.size();
        outOf = new int[nnz];
        coef = new double[nnz];
        atomStart = new int[nnz + 1];
        entryTerms = ts.toArray(new Term[0]);
        List<Atom> flat = new ArrayList<>();
        for (int e = 0; e < nnz; e++) {
            outOf[e] = outs.get(e);
            coef[e] = cs.get(e);
            atomStart[e] = flat.size();
            flat.addAll(ts.get(e).atoms());
        }
        atomStart[nnz] = flat.size();
        atoms = flat.toArray(new Atom[0]);
        program = new FeatureProgram(limitV, limitOmega, outs, cs, ts);
        workspace = ThreadLocal.withInitial(program::newWorkspace);
    }

    @Override
    public String kind() {
        return kind;
    }

    /** @return the feature library (resolved). */
    public FeatureLibrary library() {
        return library;
    }

    /**
     * Coefficients of one output, aligned with {@code library().terms(output)}.
     *
     * @param output a {@link BodyDelta} index.
     * @return a copy of the coefficients (units: output unit per feature unit).
     */
    public double[] coefficients(int output) {
        return coefficients[output].clone();
    }

    /** @return number of non-zero coefficients (the terms evaluated per step). */
    public int nonZeroCount() {
        return coef.length;
    }

    /**
     * Floating-point operations of one {@link #step}, counting +, −, ×, |·| and min/max as one each and
     * sin, cos as one each (they are library calls of ~20 flops in practice): per non-zero coefficient
     * 2 + (factors − 1), per factor evaluated up to 3, plus 10 for the world-frame update.
     *
     * @return an upper estimate of the flops per step.
     */
    public int flopsPerStep() {
        int flops = 10 + 2;
        flops += Double.isFinite(limitV) ? 2 : 0;
        flops += Double.isFinite(limitOmega) ? 2 : 0;
        for (int e = 0; e < coef.length; e++) {
            int factors = atomStart[e + 1] - atomStart[e];
            flops += 2 + Math.max(0, factors - 1);
            for (int a = atomStart[e]; a < atomStart[e + 1]; a++) {
                flops += atomFlops(atoms[a]);
            }
        }
        return flops;
    }

    private static int atomFlops(Atom a) {
        switch (a.kind()) {
            case V: case OMEGA: case CMD_V: case CMD_OMEGA: return 0;
            case ABS_V: case ABS_OMEGA: case ABS_CMD_V: case ABS_CMD_OMEGA: case DV: case DOMEGA: return 1;
            case ABS_DV: case ABS_DOMEGA: return 2;
            default: return 3;
        }
    }

    /**
     * d_r = Σ_e coef_e·Π atoms_e(z) over the non-zero entries, z with the library's input clamp applied
     * (cmd ← clamp(cmd, −C, C), see {@link FeatureLibrary}), evaluated by the compiled {@link FeatureProgram}.
     * Allocation-free.
     */
    @Override
    public void bodyDelta(double v, double w, double cvRaw, double cwRaw, double[] d) {
        program.evaluate(v, w, cvRaw, cwRaw, d);
    }

    /**
     * {@link #step} for a structure-of-arrays batch ({@link DynamicsModel#stepBatch}
     * layout), bit-for-bit equal to {@link #step} per sample: blocks of {@link FeatureProgram#BLOCK} samples,
     * each through the compiled feature program with samples innermost (no per-sample dispatch), then
     * {@link #bodyToWorldBlock}. Allocation-free after a thread's first call (per-thread scratch).
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        checkDt(dt);
        final FeatureProgram.Workspace ws = workspace.get();
        final int ov = StateIndex.V * count;
        final int ow = StateIndex.OMEGA * count;
        final int ocv = ControlIndex.V * count;
        final int ocw = ControlIndex.OMEGA * count;
        for (int b0 = 0; b0 < count; b0 += FeatureProgram.BLOCK) {
            int len = Math.min(FeatureProgram.BLOCK, count - b0);
            program.evaluateBlock(x, ov + b0, x, ow + b0, u, ocv + b0, ocw + b0, len, ws);
            bodyToWorldBlock(x, count, b0, len, ws, xNext);
        }
    }

    /**
     * The body-frame change in float for blocks of {@link BodyFrameKinematics#BLOCK} samples (the compiled program's
     * atoms and entries, each value a float), for a fused rollout kernel.
     *
     * @return a new evaluator with its own scratch: one per thread.
     * @throws IllegalStateException without the JDK's Vector API ({@link Simd#ENABLED}), which it runs on.
     */
    @Override
    public BodyFrameKinematics.Block newFloatBlock() {
        if (!Simd.ENABLED) {
            throw new IllegalStateException("the float block of a learned linear model needs the JDK's Vector API "
                    + "(java --add-modules jdk.incubator.vector)");
        }
        return program.newFloatBlock();
    }

    /**
     * d and D = ∂d/∂z by the product rule over the non-zero entries; through the input clamp the command
     * columns are multiplied by 1 inside the band |cmd| &lt; C and 0 outside (one-sided at the kink).
     * Allocation-free.
     */
    @Override
    public void bodyDeltaJacobian(double v, double w, double cvRaw, double cwRaw, double[] d, double[] dz) {
        Arrays.fill(dz, 0, BodyDelta.DIM * Inputs.DIM, 0.0);
        bodyDelta(v, w, cvRaw, cwRaw, d);
        double cv = Math.max(-limitV, Math.min(limitV, cvRaw));
        double cw = Math.max(-limitOmega, Math.min(limitOmega, cwRaw));
        double gateV = Math.abs(cvRaw) < limitV ? 1.0 : 0.0;
        double gateW = Math.abs(cwRaw) < limitOmega ? 1.0 : 0.0;
        for (int e = 0; e < coef.length; e++) {
            Term t = entryTerms[e];
            int r = outOf[e];
            for (int c = 0; c < Inputs.DIM; c++) {
                double gate = c == Inputs.CMD_V ? gateV : c == Inputs.CMD_OMEGA ? gateW : 1.0;
                if (gate != 0.0) {
                    dz[r * Inputs.DIM + c] += coef[e] * gate * t.derivative(v, w, cv, cw, c);
                }
            }
        }
    }

    @Override
    public String describe() {
        return kind + " (" + coef.length + " of " + library.size() + " features)";
    }
}
