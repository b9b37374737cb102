package org.foresight.worldmodel.model;

import java.util.Arrays;

import org.foresight.worldmodel.features.Inputs;

/**
 * A small fully connected network predicting the body-frame change: inputs z = (v, ω, cmd_v, cmd_ω)
 * normalised, tanh hidden layers, linear output de-normalised:
 * <pre>
 *   a⁰ = (z − μ_in) / σ_in
 *   aˡ = tanh(Wˡ aˡ⁻¹ + bˡ)         l = 1 … L−1   (hidden)
 *   d  = μ_out + σ_out ⊙ (Wᴸ aᴸ⁻¹ + bᴸ)
 * </pre>
 * Parameters are one flat array, layer by layer: Wˡ row-major (rows = layer width, columns = previous
 * width), then bˡ. Jacobian ∂d/∂z = diag(σ_out)·Wᴸ·diag(1 − (aᴸ⁻¹)²)·…·W¹·diag(1/σ_in) (forward mode).
 * Immutable and thread-safe; step uses a per-thread scratch buffer (no allocation after a thread's
 * first call).
 */
public final class MlpModel extends BodyFrameModel {
    private final int[] sizes;
    private final double[] params;
    private final double[] inMean;
    private final double[] inStd;
    private final double[] outMean;
    private final double[] outStd;
    private final int maxWidth;
    private final ThreadLocal<double[]> scratch;

    /**
     * @param dt      control period the model was fitted at [s].
     * @param sizes   layer widths: first {@link Inputs#DIM}, last {@link BodyDelta#DIM}, hidden ones ≥ 1. Copied.
     * @param params  flat parameters, length {@link #parameterCount(int[])}. Copied.
     * @param inMean  input means (units of z). Copied.
     * @param inStd   input standard deviations, &gt; 0. Copied.
     * @param outMean output means (units of d). Copied.
     * @param outStd  output standard deviations, &gt; 0. Copied.
     */
    public MlpModel(double dt, int[] sizes, double[] params, double[] inMean, double[] inStd, double[] outMean, double[] outStd) {
        super(dt);
        if (sizes.length < 2 || sizes[0] != Inputs.DIM || sizes[sizes.length - 1] != BodyDelta.DIM) {
            throw new IllegalArgumentException("MLP layer sizes must start with " + Inputs.DIM + " inputs and end with "
                    + BodyDelta.DIM + " outputs, got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("MLP layer widths must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        if (params.length != parameterCount(sizes)) {
            throw new IllegalArgumentException("MLP with layers " + Arrays.toString(sizes) + " needs " + parameterCount(sizes)
                    + " parameters, got " + params.length);
        }
        check("input mean", inMean, Inputs.DIM, false);
        check("input std", inStd, Inputs.DIM, true);
        check("output mean", outMean, BodyDelta.DIM, false);
        check("output std", outStd, BodyDelta.DIM, true);
        for (double p : params) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("MLP parameters must be finite");
            }
        }
        this.sizes = sizes.clone();
        this.params = params.clone();
        this.inMean = inMean.clone();
        this.inStd = inStd.clone();
        this.outMean = outMean.clone();
        this.outStd = outStd.clone();
        int mw = 0;
        for (int s : sizes) {
            mw = Math.max(mw, s);
        }
        maxWidth = mw;
        // two activation buffers + two Jacobian buffers (width × 4 each)
        scratch = ThreadLocal.withInitial(() -> new double[2 * maxWidth + 2 * maxWidth * Inputs.DIM]);
    }

    private static void check(String what, double[] a, int len, boolean positive) {
        if (a.length != len) {
            throw new IllegalArgumentException("MLP " + what + " needs " + len + " entries, got " + a.length);
        }
        for (double x : a) {
            if (!Double.isFinite(x) || (positive && !(x > 0))) {
                throw new IllegalArgumentException("MLP " + what + " entries must be finite" + (positive ? " and > 0" : "")
                        + ", got " + Arrays.toString(a));
            }
        }
    }

    /**
     * @param sizes layer widths.
     * @return number of weights and biases.
     */
    public static int parameterCount(int[] sizes) {
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += sizes[l] * sizes[l - 1] + sizes[l];
        }
        return n;
    }

    @Override
    public String kind() {
        return "mlp";
    }

    /** @return layer widths (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return flat parameters (a copy). */
    public double[] params() {
        return params.clone();
    }

    /** @return input means (a copy). */
    public double[] inMean() {
        return inMean.clone();
    }

    /** @return input standard deviations (a copy). */
    public double[] inStd() {
        return inStd.clone();
    }

    /** @return output means (a copy). */
    public double[] outMean() {
        return outMean.clone();
    }

    /** @return output standard deviations (a copy). */
    public double[] outStd() {
        return outStd.clone();
    }

    @Override
    public void bodyDelta(double v, double w, double cv, double cw, double[] d) {
        double[] s = scratch.get();
        int bufA = 0;
        int bufB = maxWidth;
        s[bufA + Inputs.V] = (v - inMean[Inputs.V]) / inStd[Inputs.V];
        s[bufA + Inputs.OMEGA] = (w - inMean[Inputs.OMEGA]) / inStd[Inputs.OMEGA];
        s[bufA + Inputs.CMD_V] = (cv - inMean[Inputs.CMD_V]) / inStd[Inputs.CMD_V];
        s[bufA + Inputs.CMD_OMEGA] = (cw - inMean[Inputs.CMD_OMEGA]) / inStd[Inputs.CMD_OMEGA];
        int p = 0;
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int bias = p + out * in;
            for (int i = 0; i < out; i++) {
                double acc = params[bias + i];
                int row = p + i * in;
                for (int j = 0; j < in; j++) {
                    acc += params[row + j] * s[bufA + j];
                }
                s[bufB + i] = l < last ? Math.tanh(acc) : acc;
            }
            p = bias + out;
            int t = bufA;
            bufA = bufB;
            bufB = t;
        }
        for (int r = 0; r < BodyDelta.DIM; r++) {
            d[r] = outMean[r] + outStd[r] * s[bufA + r];
        }
    }

    @Override
    public void bodyDeltaJacobian(double v, double w, double cv, double cw, double[] d, double[] dz) {
        double[] s = scratch.get();
        final int ni = Inputs.DIM;
        int actA = 0;
        int actB = maxWidth;
        int jacA = 2 * maxWidth;
        int jacB = 2 * maxWidth + maxWidth * ni;
        for (int c = 0; c < ni; c++) {
            double zc = c == Inputs.V ? v : c == Inputs.OMEGA ? w : c == Inputs.CMD_V ? cv : cw;
            s[actA + c] = (zc - inMean[c]) / inStd[c];
            for (int c2 = 0; c2 < ni; c2++) {
                s[jacA + c * ni + c2] = c == c2 ? 1.0 / inStd[c] : 0.0;
            }
        }
        int p = 0;
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int bias = p + out * in;
            for (int i = 0; i < out; i++) {
                double acc = params[bias + i];
                int row = p + i * in;
                for (int j = 0; j < in; j++) {
                    acc += params[row + j] * s[actA + j];
                }
                double act = l < last ? Math.tanh(acc) : acc;
                double slope = l < last ? 1.0 - act * act : 1.0;
                s[actB + i] = act;
                for (int c = 0; c < ni; c++) {
                    double g = 0;
                    for (int j = 0; j < in; j++) {
                        g += params[row + j] * s[jacA + j * ni + c];
                    }
                    s[jacB + i * ni + c] = slope * g;
                }
            }
            p = bias + out;
            int t = actA;
            actA = actB;
            actB = t;
            t = jacA;
            jacA = jacB;
            jacB = t;
        }
        for (int r = 0; r < BodyDelta.DIM; r++) {
            d[r] = outMean[r] + outStd[r] * s[actA + r];
            for (int c = 0; c < ni; c++) {
                dz[r * ni + c] = outStd[r] * s[jacA + r * ni + c];
            }
        }
    }

    @Override
    public String describe() {
        return "mlp " + Arrays.toString(sizes);
    }
}
