package org.foresight.dynamics.model;

import java.util.List;

/**
 * The C yardstick's unicycle ({@code ../shared/perf/mppi_soa.c}) as a {@link DynamicsModel}: semi-implicit
 * Euler, the heading first,
 * <pre>
 *   θ⁺ = wrap(θ + ω·dt),   x⁺ = x + v·cos θ⁺·dt,   y⁺ = y + v·sin θ⁺·dt
 * </pre>
 * (the C leaves θ unwrapped, which changes nothing but the range its polynomial sincos sees). sin and cos
 * come from {@link SinCos#block}, the call-free kernel our learned models use. Per-thread scratch: allocation-free
 * after a thread's first call; thread-safe. Used by the MPPI parity benchmark (issue 15) and to test the fused MPPI
 * kernel's Euler step.
 */
public final class EulerUnicycle implements DynamicsModel, UnicycleKinematics {
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    @Override
    public int stateDim() {
        return StateIndex.POSE_DIM;
    }

    @Override
    public int controlDim() {
        return ControlIndex.DIM;
    }

    @Override
    public List<String> stateNames() {
        return StateIndex.POSE_NAMES;
    }

    @Override
    public List<String> controlNames() {
        return ControlIndex.NAMES;
    }

    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        double th = Angles.wrap(x[StateIndex.THETA] + u[ControlIndex.OMEGA] * dt);
        double vdt = u[ControlIndex.V] * dt;
        xNext[StateIndex.X] = x[StateIndex.X] + vdt * SinCos.cos(th);
        xNext[StateIndex.Y] = x[StateIndex.Y] + vdt * SinCos.sin(th);
        xNext[StateIndex.THETA] = th;
    }

    /** {@link #step} per sample, structure-of-arrays; bit-for-bit equal to it. */
    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        double[][] s = SCRATCH.get();
        if (s[0].length < count) {
            s[0] = new double[count];
            s[1] = new double[count];
        }
        final double[] sin = s[0];
        final double[] cos = s[1];
        final int ox = StateIndex.X * count;
        final int oy = StateIndex.Y * count;
        final int ot = StateIndex.THETA * count;
        final int ov = ControlIndex.V * count;
        final int ow = ControlIndex.OMEGA * count;
        for (int k = 0; k < count; k++) {
            xNext[ot + k] = x[ot + k] + u[ow + k] * dt;
        }
        for (int k = 0; k < count; k++) { // the wrap branches: its own loop
            xNext[ot + k] = Angles.wrap(xNext[ot + k]);
        }
        SinCos.block(xNext, ot, count, sin, cos);
        for (int k = 0; k < count; k++) {
            double vdt = u[ov + k] * dt;
            xNext[ox + k] = x[ox + k] + vdt * cos[k];
            xNext[oy + k] = x[oy + k] + vdt * sin[k];
        }
    }

    /** @return {@link UnicycleKinematics.Integration#SEMI_IMPLICIT_EULER}: the class formula. */
    @Override
    public Integration integration() {
        return Integration.SEMI_IMPLICIT_EULER;
    }

    @Override
    public String describe() {
        return "euler unicycle (C yardstick)";
    }
}
