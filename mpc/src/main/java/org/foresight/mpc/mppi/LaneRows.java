package org.foresight.mpc.mppi;

import jdk.incubator.vector.FloatVector;
import org.foresight.dynamics.model.BodyFrameKinematics;

/**
 * One worker's float rows for {@link FusedFloatRollout}, one block of {@link RolloutBuffers#BLOCK} samples wide. The
 * per-step rows hold row r at r·B: the commands with row 0 the last commanded control and row t + 1 step t's; the
 * poses with row 0 the start and row t + 1 the pose after step t. The per-block rows hold the step being worked on.
 * Every row is padded by 128 B so that two workers' rows never share a cache line (unpadded, the gather index rows
 * were falsely shared and two threads ran slower than one).
 */
final class LaneRows {
    /** Padding after each row [entries of 4 bytes]: 128 B, two cache lines. */
    static final int PAD = 32;
    private static final int B = RolloutBuffers.BLOCK;

    /** Commands cmd_v [m/s], cmd_ω [rad/s], per step. */
    final float[] cmdV;
    final float[] cmdW;
    /** Poses x, y [m], θ [rad] (unwrapped), per step. */
    final float[] poseX;
    final float[] poseY;
    final float[] poseT;
    /** Body velocities v [m/s], ω [rad/s], per step (body-frame models only; else empty). */
    final float[] poseV;
    final float[] poseW;
    /** cos and sin of the heading used by the footprint (and, for a body-frame model, by the next step). */
    final float[] headCos;
    final float[] headSin;
    /** The footprint's clearance [m], the running cost, the live lanes (1/0), a grid lookup's result. */
    final float[] clearance;
    final float[] cost;
    final float[] live;
    final float[] look;
    /** A body-frame model's change d_r of sample j at r·B + j (else empty). */
    final float[] delta;
    /** One lane group's gather indices. */
    final int[] index;
    /** A body-frame model's float evaluator (its own scratch), else null. */
    final BodyFrameKinematics.Block body;

    /**
     * @param horizon T [steps].
     * @param body    a body-frame model's evaluator for this worker, or null for a unicycle.
     */
    LaneRows(int horizon, BodyFrameKinematics.Block body) {
        int steps = B * (horizon + 1) + PAD;
        int row = B + PAD;
        cmdV = new float[steps];
        cmdW = new float[steps];
        poseX = new float[steps];
        poseY = new float[steps];
        poseT = new float[steps];
        poseV = new float[body == null ? 0 : steps];
        poseW = new float[body == null ? 0 : steps];
        headCos = new float[row];
        headSin = new float[row];
        clearance = new float[row];
        cost = new float[row];
        live = new float[row];
        look = new float[row];
        delta = new float[body == null ? 0 : 5 * B + PAD];
        index = new int[FloatVector.SPECIES_PREFERRED.length() + PAD];
        this.body = body;
    }
}
