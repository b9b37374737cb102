package org.foresight.mpc.mppi;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;

/**
 * Writes an MPPI plan's outputs: the optimal sequence rolled through the model (the plan polyline and
 * controls) and the heaviest sampled rollouts by softmax weight, heaviest first. Allocation-free (own
 * scratch); not thread-safe.
 */
final class PlanWriter {
    private final DynamicsModel model;
    private final int n;
    private final double[] stepX;
    private final double[] stepU = new double[ControlIndex.DIM];
    private final double[] stepXNext;
    private final int[] topIndex = new int[64];
    private final double[] topWeight = new double[64];

    /** @param model the model planned through. */
    PlanWriter(DynamicsModel model) {
        this.model = model;
        this.n = model.stateDim();
        this.stepX = new double[n];
        this.stepXNext = new double[n];
    }

    /**
     * Rolls the (unshifted) optimal sequence through the model for the plan polyline and controls.
     *
     * @param x0      start state. Not modified.
     * @param meanV   ū_v,t [m/s]. Not modified.
     * @param meanW   ū_ω,t [rad/s]. Not modified.
     * @param horizon T.
     * @param dt      step [s].
     * @param out     (Output) the plan's polyline and controls. Modified.
     */
    void plan(double[] x0, double[] meanV, double[] meanW, int horizon, double dt, Plan out) {
        int T = Math.min(horizon, out.maxHorizon());
        System.arraycopy(x0, 0, stepX, 0, n);
        out.planXY[0] = x0[StateIndex.X];
        out.planXY[1] = x0[StateIndex.Y];
        for (int t = 0; t < T; t++) {
            stepU[ControlIndex.V] = meanV[t];
            stepU[ControlIndex.OMEGA] = meanW[t];
            out.controls[2 * t] = meanV[t];
            out.controls[2 * t + 1] = meanW[t];
            model.step(stepX, stepU, dt, stepXNext);
            System.arraycopy(stepXNext, 0, stepX, 0, n);
            out.planXY[2 * t + 2] = stepX[StateIndex.X];
            out.planXY[2 * t + 3] = stepX[StateIndex.Y];
        }
        out.planLength = T + 1;
        out.controlLength = T;
    }

    /**
     * Copies the heaviest rollouts (by softmax weight) into the plan, heaviest first.
     *
     * @param buffers the last iteration's batch and weights. Not modified.
     * @param x0      start state. Not modified.
     * @param samples K.
     * @param horizon T.
     * @param out     (Output) the plan's rollouts. Modified.
     */
    void rollouts(RolloutBuffers buffers, double[] x0, int samples, int horizon, Plan out) {
        int have = selectHeaviest(buffers.weights, samples, horizon, out);
        for (int r = 0; r < have; r++) {
            double[] xy = start(r, x0, out);
            int o = buffers.blockOffset(topIndex[r]);
            for (int t = 0; t < horizon; t++) {
                xy[2 * t + 2] = buffers.x[o + t * RolloutBuffers.BLOCK];
                xy[2 * t + 3] = buffers.y[o + t * RolloutBuffers.BLOCK];
            }
        }
    }

    /**
     * The same from positions kept in float (the fused kernel's), in the batch's block layout.
     *
     * @param buffers the last iteration's weights (and the layout). Not modified.
     * @param xs      x [m] of every sample-step. Not modified.
     * @param ys      y [m]. Not modified.
     * @param x0      start state. Not modified.
     * @param samples K.
     * @param horizon T.
     * @param out     (Output) the plan's rollouts. Modified.
     */
    void rollouts(RolloutBuffers buffers, float[] xs, float[] ys, double[] x0, int samples, int horizon, Plan out) {
        int have = selectHeaviest(buffers.weights, samples, horizon, out);
        for (int r = 0; r < have; r++) {
            double[] xy = start(r, x0, out);
            int o = buffers.blockOffset(topIndex[r]);
            for (int t = 0; t < horizon; t++) {
                xy[2 * t + 2] = xs[o + t * RolloutBuffers.BLOCK];
                xy[2 * t + 3] = ys[o + t * RolloutBuffers.BLOCK];
            }
        }
    }

    /** The heaviest samples into topIndex/topWeight, heaviest first; sets the plan's count and weights. */
    private int selectHeaviest(double[] w, int samples, int horizon, Plan out) {
        int want = Math.min(Math.min(out.maxRollouts(), topIndex.length), samples);
        if (want == 0 || horizon > out.maxHorizon()) {
            out.rolloutCount = 0;
            return 0;
        }
        int have = 0;
        for (int k = 0; k < samples; k++) {
            double wk = w[k];
            if (have == want && !(wk > topWeight[have - 1])) {
                continue;
            }
            int pos = have < want ? have++ : want - 1;
            while (pos > 0 && topWeight[pos - 1] < wk) {
                topWeight[pos] = topWeight[pos - 1];
                topIndex[pos] = topIndex[pos - 1];
                pos--;
            }
            topWeight[pos] = wk;
            topIndex[pos] = k;
        }
        for (int r = 0; r < have; r++) {
            out.rolloutWeights[r] = topWeight[r];
        }
        out.rolloutCount = have;
        return have;
    }

    /** Rollout r's polyline, its first point the start. */
    private static double[] start(int r, double[] x0, Plan out) {
        double[] xy = out.rolloutXY[r];
        xy[0] = x0[StateIndex.X];
        xy[1] = x0[StateIndex.Y];
        return xy;
    }
}
