package org.foresight.worldmodel.model;

import java.util.Arrays;

import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.dynamics.model.Simd;
import org.foresight.worldmodel.features.Inputs;

/**
 * The "physics" model kind: a two-stage, linear-in-parameters model over the physics-informed features of
 * {@link PhysicsFeatures} (channel and wheel lags toward clamped targets from the commands' inverse
 * kinematics, slip and a widening centre of rotation), with structural constants {@link PhysicsParams}
 * chosen by validation and coefficients by ridge least squares ({@code PhysicsFitter}):
 * <pre>
 *   stage 1   d_v = Σⱼ a_vⱼ·φ₁ⱼ(z),      d_ω = Σⱼ a_ωⱼ·φ₁,₅₊ⱼ(z),       z = (v, ω, cmd_v, cmd_ω)
 *   stage 2   v⁺ = v + d_v,  ω⁺ = ω + d_ω
 *             d_r = Σⱼ a_rⱼ·φ₂ⱼ(v, ω, v⁺, ω⁺)   for r ∈ {forward, lateral, theta}
 * </pre>
 * The pose change is integrated from the predicted velocities at both ends of the period (a trapezoid
 * whose weights are fitted), so the pose follows the velocity model instead of being learnt separately.
 * One step costs 20 feature evaluations and 20 multiply-adds besides the body-to-world rotation.
 *
 * <p>Jacobians (chain rule through stage 1):
 * <pre>
 *   ∂d_v/∂z = Σⱼ a_vⱼ·∂φ₁ⱼ/∂z,   ∂v⁺/∂z = e_v + ∂d_v/∂z,   ∂ω⁺/∂z = e_ω + ∂d_ω/∂z
 *   ∂d_r/∂z = Σⱼ a_rⱼ·(∂φ₂ⱼ/∂v·e_v + ∂φ₂ⱼ/∂ω·e_ω + ∂φ₂ⱼ/∂v⁺·∂v⁺/∂z + ∂φ₂ⱼ/∂ω⁺·∂ω⁺/∂z)
 * </pre>
 * Immutable and thread-safe; {@link #step} and {@link #stepBatch} do not allocate after a thread's first
 * call (small per-thread buffers).
 */
public final class PhysicsModel extends BodyFrameModel implements BodyFrameKinematics {
    /** The kind written in model files. */
    public static final String KIND = "physics";

    private final PhysicsParams params;
    private final double[][] coef;
    // flat copies in feature order for the hot loop
    private final double[] a1;
    private final double[] a2;

    /**
     * @param dt     control period the model was fitted at [s], &gt; 0.
     * @param params structural constants, non-null.
     * @param coef   coefficients per output in {@link BodyDelta} order, each aligned with
     *               {@link PhysicsFeatures#NAMES} (lengths 4, 2, 4, 5, 5), finite. Copied.
     */
    public PhysicsModel(double dt, PhysicsParams params, double[][] coef) {
        super(dt);
        if (params == null || coef == null || coef.length != BodyDelta.DIM) {
            throw new IllegalArgumentException("physics model needs constants and " + BodyDelta.DIM + " coefficient lists");
        }
        this.params = params;
        this.coef = new double[BodyDelta.DIM][];
        for (int r = 0; r < BodyDelta.DIM; r++) {
            int expected = PhysicsFeatures.NAMES.get(r).size();
            if (coef[r] == null || coef[r].length != expected) {
                throw new IllegalArgumentException("physics model: output " + BodyDelta.NAMES.get(r) + " needs "
                        + expected + " coefficients, got " + (coef[r] == null ? "none" : coef[r].length));
            }
            for (double c : coef[r]) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("physics model: output " + BodyDelta.NAMES.get(r)
                            + " has a non-finite coefficient " + Arrays.toString(coef[r]));
                }
            }
            this.coef[r] = coef[r].clone();
        }
        a1 = new double[PhysicsFeatures.STAGE1];
        System.arraycopy(coef[BodyDelta.V], 0, a1, 0, PhysicsFeatures.VELOCITY_FEATURES);
        System.arraycopy(coef[BodyDelta.OMEGA], 0, a1, PhysicsFeatures.VELOCITY_FEATURES, PhysicsFeatures.VELOCITY_FEATURES);
        a2 = new double[PhysicsFeatures.STAGE2];
        System.arraycopy(coef[BodyDelta.FORWARD], 0, a2, 0, PhysicsFeatures.FORWARD_FEATURES);
        System.arraycopy(coef[BodyDelta.LATERAL], 0, a2, PhysicsFeatures.FORWARD_FEATURES, PhysicsFeatures.LATERAL_FEATURES);
        System.arraycopy(coef[BodyDelta.THETA], 0, a2, PhysicsFeatures.FORWARD_FEATURES + PhysicsFeatures.LATERAL_FEATURES,
                PhysicsFeatures.THETA_FEATURES);
    }

    /** @return the structural constants. */
    public PhysicsParams params() {
        return params;
    }

    /**
     * @param output a {@link BodyDelta} index.
     * @return a copy of that output's coefficients, aligned with {@link PhysicsFeatures#NAMES}.
     */
    public double[] coefficients(int output) {
        return coef[output].clone();
    }

    /** @return {@value #KIND}. */
    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describe() {
        return KIND + " (20 features, B " + fmt(params.trackWidth()) + " m, wheel limit " + fmt(params.wheelLimit())
                + " m/s)";
    }

    private static String fmt(double x) {
        return Double.isInfinite(x) ? "inf" : String.format(java.util.Locale.ROOT, "%.3g", x);
    }

    /** See the class formula. Allocation-free after the thread's first call. */
    @Override
    public void bodyDelta(double v, double w, double cv, double cw, double[] d) {
        delta(v, w, cv, cw, SCRATCH.get().f, d, 0);
    }

    /**
     * The class formula for one sample, writing d_r to {@code out[off + r]}.
     *
     * @param f   scratch, length ≥ {@link PhysicsFeatures#STAGE1}. Modified.
     * @param out (Output) length ≥ off + 5. Modified.
     * @param off offset of d_forward in {@code out}.
     */
    private void delta(double v, double w, double cv, double cw, double[] f, double[] out, int off) {
        PhysicsFeatures.stage1(params, v, w, cv, cw, f);
        double dv = stage1V(f);
        double dw = stage1Omega(f);
        PhysicsFeatures.stage2(params, v, w, v + dv, w + dw, f);
        final double[] c2 = a2;
        out[off + BodyDelta.FORWARD] = c2[0] * f[0] + c2[1] * f[1] + c2[2] * f[2] + c2[3] * f[3];
        out[off + BodyDelta.LATERAL] = c2[4] * f[4] + c2[5] * f[5];
        out[off + BodyDelta.THETA] = c2[6] * f[6] + c2[7] * f[7] + c2[8] * f[8] + c2[9] * f[9];
        out[off + BodyDelta.V] = dv;
        out[off + BodyDelta.OMEGA] = dw;
    }

    private double stage1V(double[] f) {
        final double[] c1 = a1;
        return c1[0] * f[0] + c1[1] * f[1] + c1[2] * f[2] + c1[3] * f[3] + c1[4] * f[4];
    }

    private double stage1Omega(double[] f) {
        final double[] c1 = a1;
        return c1[5] * f[5] + c1[6] * f[6] + c1[7] * f[7] + c1[8] * f[8] + c1[9] * f[9];
    }

    /**
     * {@link #step} over a structure-of-arrays batch ({@link org.foresight.dynamics.model.DynamicsModel#stepBatch}
     * layout) in blocks, samples innermost ({@link PhysicsBlock}); bit-identical to {@link #step} per sample.
     * Allocation-free after the thread's first call (its work space).
     */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        checkDt(dt);
        BLOCKS.get().step(params, a1, a2, x, u, count, xNext);
    }

    /**
     * The body-frame change in float for blocks of {@link BodyFrameKinematics#BLOCK} samples
     * ({@link PhysicsFloatBlock}: the class formula in float, its clamps in SIMD lanes), for a fused rollout kernel.
     *
     * @return a new evaluator with its own scratch: one per thread.
     * @throws IllegalStateException without the JDK's Vector API ({@link Simd#ENABLED}), which it runs on.
     */
    @Override
    public BodyFrameKinematics.Block newFloatBlock() {
        if (!Simd.ENABLED) {
            throw new IllegalStateException("the float block of a physics model needs the JDK's Vector API "
                    + "(java --add-modules jdk.incubator.vector)");
        }
        return new PhysicsFloatBlock(params, a1, a2);
    }

    private static final ThreadLocal<PhysicsBlock> BLOCKS = ThreadLocal.withInitial(PhysicsBlock::new);

    /** See the class formula for the chain rule. Allocation-free after the thread's first call. */
    @Override
    public void bodyDeltaJacobian(double v, double w, double cv, double cw, double[] d, double[] dz) {
        final Scratch sc = SCRATCH.get();
        final double[] f = sc.f;
        final double[] df1 = sc.df1;
        final double[] df2 = sc.df2;
        final double[] jv = sc.jv;
        final double[] jw = sc.jw;
        final int ni = Inputs.DIM;
        final int half = PhysicsFeatures.VELOCITY_FEATURES;
        PhysicsFeatures.stage1Jacobian(params, v, w, cv, cw, f, df1);
        double dv = stage1V(f);
        double dw = stage1Omega(f);
        // ∂v⁺/∂z = e_v + Σⱼ a_vⱼ·∂φ₁ⱼ/∂z,   ∂ω⁺/∂z = e_ω + Σⱼ a_ωⱼ·∂φ₁,₅₊ⱼ/∂z
        for (int c = 0; c < ni; c++) {
            double sv = 0;
            double sw = 0;
            for (int j = 0; j < half; j++) {
                sv += a1[j] * df1[j * ni + c];
                sw += a1[half + j] * df1[(half + j) * ni + c];
            }
            dz[BodyDelta.V * ni + c] = sv;
            dz[BodyDelta.OMEGA * ni + c] = sw;
            jv[c] = (c == Inputs.V ? 1.0 : 0.0) + sv;
            jw[c] = (c == Inputs.OMEGA ? 1.0 : 0.0) + sw;
        }
        PhysicsFeatures.stage2Jacobian(params, v, w, v + dv, w + dw, f, df2);
        int[] firstFeature = STAGE2_FIRST;
        int[] outputs = STAGE2_OUTPUTS;
        for (int o = 0; o < outputs.length; o++) {
            int r = outputs[o];
            int j0 = firstFeature[o];
            int j1 = firstFeature[o + 1];
            for (int c = 0; c < ni; c++) {
                double acc = 0;
                for (int j = j0; j < j1; j++) {
                    double g = df2[j * 4 + 2] * jv[c] + df2[j * 4 + 3] * jw[c];
                    if (c == Inputs.V) {
                        g += df2[j * 4];
                    } else if (c == Inputs.OMEGA) {
                        g += df2[j * 4 + 1];
                    }
                    acc += a2[j] * g;
                }
                dz[r * ni + c] = acc;
            }
        }
        final double[] c2 = a2;
        d[BodyDelta.FORWARD] = c2[0] * f[0] + c2[1] * f[1] + c2[2] * f[2] + c2[3] * f[3];
        d[BodyDelta.LATERAL] = c2[4] * f[4] + c2[5] * f[5];
        d[BodyDelta.THETA] = c2[6] * f[6] + c2[7] * f[7] + c2[8] * f[8] + c2[9] * f[9];
        d[BodyDelta.V] = dv;
        d[BodyDelta.OMEGA] = dw;
    }

    /** Stage-2 outputs in feature order, and the first stage-2 feature of each (then the end). */
    private static final int[] STAGE2_OUTPUTS = {BodyDelta.FORWARD, BodyDelta.LATERAL, BodyDelta.THETA};
    private static final int[] STAGE2_FIRST = {0, PhysicsFeatures.FORWARD_FEATURES,
            PhysicsFeatures.FORWARD_FEATURES + PhysicsFeatures.LATERAL_FEATURES, PhysicsFeatures.STAGE2};

    /** One thread's buffers: features, feature derivatives and the velocity-end gradients. */
    private static final class Scratch {
        final double[] f = new double[Math.max(PhysicsFeatures.STAGE1, PhysicsFeatures.STAGE2)];
        final double[] df1 = new double[4 * PhysicsFeatures.STAGE1];
        final double[] df2 = new double[4 * PhysicsFeatures.STAGE2];
        final double[] jv = new double[Inputs.DIM];
        final double[] jw = new double[Inputs.DIM];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}
