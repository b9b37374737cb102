package org.foresight.mpc.mppi;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.model.UnicycleKinematics;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.FusedCosts;

/**
 * {@link RolloutKernel#FUSED_FLOAT}: one chunk's commands, rollout through a {@link UnicycleKinematics} model
 * ({@link UnicycleLanes}) or a {@link BodyFrameKinematics} one ({@link BodyFrameLanes}) and {@link FusedCosts} in
 * float SIMD lanes (the preferred species: 16 floats with AVX-512), step by step, each step a few passes over the
 * chunk's lane groups. Per lane, step t:
 * <pre>
 *   u_t = clip(ū_t + ε_t, [max(u_t−1 − a·dt, lo), min(u_t−1 + a·dt, hi)])      as CommandClip, in float
 *   p_t+1 = the model's step                                                   (UnicycleLanes, BodyFrameLanes)
 *   d = min_i SDF(p + a_i·(cos θ, sin θ)) − r          (bilinear as DistanceGrid.sample, on a float copy)
 *   alive ∧ ¬(d > d_hit)  ⇒  S += collisionCost, alive = false
 *   alive ∧ d < margin    ⇒  S += (w/T)·((margin − d)/margin)²
 *   S += the per-step terms of FusedCosts (effort, rate, prefer-forward, speed, goal, path_align every s-th step)
 * </pre>
 * and the last-step terms (goal, path_follow) after the horizon. Written back: the positions x, y (for the plan's rollouts), the cost and
 * the collision flag per sample; the batch's θ and command channels are not written, the chunk's part of the
 * update goes to {@link ChunkMeans} instead, its commands still in cache.
 *
 * <p>Float instead of double: poses to about 1e-6 of their size, the SDF to its float rounding; so costs differ
 * from {@link RolloutKernel#GENERIC}'s by rounding, and a sample whose clearance sits at the collision threshold
 * to within that rounding may be charged differently. {@code FusedFloatRolloutTest} bounds both. Deterministic: a
 * lane's arithmetic does not depend on its neighbours and the chunks' means are combined in chunk order, so the
 * thread count changes nothing. Loaded only when the Vector API is present; allocation-free once compiled on
 * JDK 25. On JDK 17 some lane operations are boxed: slower than GENERIC, and allocating.
 *
 * <p>Why the shape: a vector carried around a loop, merged after a branch, or passed to a method C2 does not
 * inline loses its exact type and is boxed (a first version kept a lane group's state in registers across steps
 * and allocated 4.7 MB per iteration). So the state lives in the worker's float rows between passes, each pass a
 * straight body whose vectors are loaded from arrays with the constant species, and branches only store.
 */
final class FusedFloatRollout {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int B = RolloutBuffers.BLOCK;
    private static final float[] NO_CIRCLES = {};

    private final FusedCosts terms;
    private final int horizon;
    /** Per worker: its float rows. */
    private final LaneRows[] rows;
    /** Per worker, one block: the noise ε in float, row t at t·B. */
    private final float[][] noiseV;
    private final float[][] noiseW;
    /** The chunks' parts of the update. */
    private final ChunkMeans means;
    /** Every sample's positions x, y [m] after each step, float, block layout (for the plan's heaviest rollouts). */
    private final float[] batchX;
    private final float[] batchY;
    /** The cycle's values of the terms and its fields in float. */
    private final FusedCycle cycle = new FusedCycle();
    /**
     * The footprint circles' offsets along the heading [m], the anchor (the one nearest their middle) first, and √2 times
     * the largest distance of another from it [m]: the bound's slack (a bilinear field of a 1-Lipschitz distance
     * changes by at most √2 per metre, as ObstacleCritic's skip uses).
     */
    private final float[] circles;
    private final float span;
    /** The model's step: exactly one of the two is set. */
    private final UnicycleLanes unicycle;
    private final BodyFrameLanes bodyFrame;

    /**
     * @param model   the model rolled out: a {@link UnicycleKinematics} one (its integration is inlined) or a
     *                {@link BodyFrameKinematics} one with state (x, y, θ, v, ω).
     * @param terms   the cost terms.
     * @param config  the planner's parameters.
     * @param threads the worker pool's size.
     * @throws IllegalArgumentException if the model is neither, or its bounds or period do not fit (the message says).
     */
    FusedFloatRollout(DynamicsModel model, FusedCosts terms, MppiConfig config, int threads) {
        if (model instanceof UnicycleKinematics uk) {
            unicycle = new UnicycleLanes(uk, config);
            bodyFrame = null;
        } else if (model instanceof BodyFrameKinematics bk && model.stateDim() == StateIndex.FULL_DIM) {
            unicycle = null;
            bodyFrame = new BodyFrameLanes(bk, config);
        } else {
            throw new IllegalArgumentException("the fused rollout kernel needs a unicycle-kinematics or a body-frame "
                    + "model (the unicycle, linear, sparse or physics kinds), got " + model.describe());
        }
        this.terms = terms;
        this.horizon = config.horizon();
        this.circles = anchorFirst(terms.hasObstacle() ? terms.circleOffsets() : new double[0]);
        float far = 0f;
        for (float a : circles) {
            far = Math.max(far, Math.abs(a - circles[0]));
        }
        this.span = (float) (Math.sqrt(2) * far * (1 + 1e-6));
        rows = new LaneRows[threads];
        for (int i = 0; i < threads; i++) {
            rows[i] = new LaneRows(horizon, bodyFrame == null ? null : ((BodyFrameKinematics) model).newFloatBlock());
        }
        noiseV = new float[threads][B * horizon + LaneRows.PAD];
        noiseW = new float[threads][B * horizon + LaneRows.PAD];
        means = new ChunkMeans(config, threads);
        int blocks = (config.samples() + B - 1) / B;
        batchX = new float[blocks * B * horizon];
        batchY = new float[blocks * B * horizon];
    }

    /** The offsets in float, the one nearest their mean first, the others in their order. */
    private static float[] anchorFirst(double[] offsets) {
        if (offsets.length == 0) {
            return NO_CIRCLES;
        }
        double mean = 0;
        for (double a : offsets) {
            mean += a / offsets.length;
        }
        int anchor = 0;
        for (int i = 1; i < offsets.length; i++) {
            if (Math.abs(offsets[i] - mean) < Math.abs(offsets[anchor] - mean)) {
                anchor = i;
            }
        }
        float[] out = new float[offsets.length];
        out[0] = (float) offsets[anchor];
        for (int i = 0, j = 1; i < offsets.length; i++) {
            if (i != anchor) {
                out[j++] = (float) offsets[i];
            }
        }
        return out;
    }

    /** @return x [m] of every sample after each step of the last iteration, float, block layout. */
    float[] positionsX() {
        return batchX;
    }

    /** @return y [m], the same layout. */
    float[] positionsY() {
        return batchY;
    }

    /** @return the chunks' parts of the last iteration's update. */
    ChunkMeans means() {
        return means;
    }

    /**
     * The cycle's values ({@link FusedCycle}), after the critics' prepare. Serial, before the workers run.
     *
     * @param c the critics' context of this cycle.
     * @return whether this cycle can be fused ({@link FusedCosts#fusableThisCycle}); if not, nothing is prepared and
     *         the planner scores the cycle generically.
     */
    boolean prepare(CriticContext c) {
        if (!terms.fusableThisCycle()) {
            return false;
        }
        cycle.prepare(terms, c, horizon);
        return true;
    }

    /**
     * @param worker a worker's index.
     * @return its rows for the noise ε_v in float, row t at t·B (for {@link #chunk} with offset 0).
     */
    float[] noiseRowsV(int worker) {
        return noiseV[worker];
    }

    /**
     * @param worker a worker's index.
     * @return its rows for the noise ε_ω in float.
     */
    float[] noiseRowsW(int worker) {
        return noiseW[worker];
    }

    /**
     * Rolls one chunk out and scores it: bounds the commands from the noise (in float, as {@link CommandClip}),
     * writes the positions to {@link #positionsX}/{@link #positionsY}, the costs (NaN for a non-finite last pose)
     * and the collision flags to the batch, and the chunk's part of the update to {@link #means}.
     *
     * @param b      the batch.
     * @param k0     the chunk's first sample.
     * @param cnt    its sample count (≤ one block).
     * @param x0     the start state (x, y, θ, …).
     * @param ev     the noise ε_v in float, row t at off + t·B (finite past cnt): drawn ahead in block layout
     *               ({@link ChunkRollout#presample}), or this worker's {@link #noiseRowsV} with off = 0.
     * @param ew     the noise ε_ω, the same layout.
     * @param off    the offset of the chunk's row 0 in ev and ew.
     * @param meanV  the nominal ū_v,t.
     * @param meanW  the nominal ū_ω,t.
     * @param worker the worker's index (its scratch).
     */
    void chunk(RolloutBuffers b, int k0, int cnt, double[] x0, float[] ev, float[] ew, int off, double[] meanV,
               double[] meanW, int worker) {
        run(b, k0, cnt, x0, ev, ew, off, meanV, meanW, rows[worker], worker);
    }

    /** dst[d + i] = (float) src[s + i] for i in [0, n): the noise in float. */
    static void toFloat(double[] src, int s, float[] dst, int d, int n) {
        for (int i = 0; i < n; i++) {
            dst[d + i] = (float) src[s + i];
        }
    }

    /** The chunk's passes, its noise row t at noise[off + t·B]. */
    private void run(RolloutBuffers b, int k0, int cnt, double[] x0, float[] nv, float[] nw, int off, double[] meanV,
                     double[] meanW, LaneRows r, int worker) {
        final int T = horizon;
        final int L = S.length();
        final int o0 = b.blockOffset(k0);
        final UnicycleLanes uni = unicycle;
        final BodyFrameLanes body = bodyFrame;
        start(r, x0);
        final float[] offsets = circles;
        final int nc = offsets.length;
        final float far = cycle.farSdf + span;
        final int stride = cycle.alignStride;
        final boolean align = cycle.align != 0f;
        // speed and prefer_forward read the predicted speed: the state's v, which a unicycle follows exactly
        final float[] speeds = body != null ? r.poseV : r.cmdV;
        for (int t = 0; t < T; t++) {
            final float mv = (float) meanV[t];
            final float mw = (float) meanW[t];
            if (uni != null) {
                for (int g = 0; g < cnt; g += L) {
                    uni.move(r, t, g, mv, mw, nv, nw, off);
                }
                if (uni.exactArc) {
                    for (int g = 0; g < cnt; g += L) {
                        uni.arc(r, t, g);
                    }
                }
            } else {
                for (int g = 0; g < cnt; g += L) {
                    body.command(r, t, g, mv, mw, nv, nw, off);
                }
                body.delta(r, t);
                for (int g = 0; g < cnt; g += L) {
                    body.step(r, t, g);
                }
            }
            // The anchor circle first; the others only for lane groups with a lane near enough to be charged: where
            // every lane's anchor clearance exceeds far, every circle's is above the margin (the bilinear field
            // changes by at most √2 per metre), so none costs and none collides, whatever their exact values.
            if (nc > 0) {
                for (int g = 0; g < cnt; g += L) {
                    clear(r, t, g, offsets[0], true);
                }
            }
            if (nc > 1) {
                for (int g = 0; g < cnt; g += L) {
                    if (FloatVector.fromArray(S, r.clearance, g).compare(VectorOperators.LT, far).anyTrue()) {
                        for (int i = 1; i < nc; i++) {
                            clear(r, t, g, offsets[i], false);
                        }
                    }
                }
            }
            for (int g = 0; g < cnt; g += L) {
                charge(r, t, g, speeds);
            }
            if (cycle.goalStep != 0f) {
                for (int g = 0; g < cnt; g += L) {
                    approach(r, t, g);
                }
            }
            if (align && t % stride == stride - 1) {
                for (int g = 0; g < cnt; g += L) {
                    align(r, t, g);
                }
            }
        }
        for (int g = 0; g < cnt; g += L) {
            arrive(r, g);
        }
        if (cycle.follow != 0f) {
            for (int g = 0; g < cnt; g += L) {
                follow(r, g);
            }
        }
        // Out: positions (float, one copy per channel: the rows are contiguous), costs and flags; a non-finite
        // last pose makes the cost NaN. Not θ: nothing downstream reads it.
        final float[] px = r.poseX;
        final float[] py = r.poseY;
        final float[] pt = r.poseT;
        System.arraycopy(px, B, batchX, o0, T * B);
        System.arraycopy(py, B, batchY, o0, T * B);
        final float[] sc = r.cost;
        final float[] alive = r.live;
        final int last = T * B;
        for (int j = 0; j < cnt; j++) {
            float chk = px[last + j] + py[last + j] + pt[last + j];
            b.costs[k0 + j] = chk - chk == 0f ? sc[j] : Double.NaN;
            b.collided[k0 + j] = alive[j] > 0f ? (byte) 0 : (byte) 1;
        }
        means.add(b.costs, k0, cnt, r.cmdV, r.cmdW, B, worker);
    }

    /** Row 0: the last command and the start state; the costs zero, every lane alive. */
    private void start(LaneRows r, double[] x0) {
        final boolean body = bodyFrame != null;
        final float c0 = (float) Math.cos(x0[StateIndex.THETA]);
        final float s0 = (float) Math.sin(x0[StateIndex.THETA]);
        for (int j = 0; j < B; j++) {
            r.cmdV[j] = cycle.lastV;
            r.cmdW[j] = cycle.lastW;
            r.poseX[j] = (float) x0[StateIndex.X];
            r.poseY[j] = (float) x0[StateIndex.Y];
            r.poseT[j] = (float) x0[StateIndex.THETA];
            r.cost[j] = 0f;
            r.live[j] = 1f;
            r.clearance[j] = Float.POSITIVE_INFINITY; // stays so without an obstacle term
        }
        if (body) { // the body-frame step rotates by the heading before it: cos and sin of θ_0
            for (int j = 0; j < B; j++) {
                r.poseV[j] = (float) x0[StateIndex.V];
                r.poseW[j] = (float) x0[StateIndex.OMEGA];
                r.headCos[j] = c0;
                r.headSin[j] = s0;
            }
        }
    }

    /**
     * The footprint circle at offset a along the heading, lanes [g, g + L) after step t: the bilinear SDF at its
     * centre as {@link org.foresight.mpc.perception.DistanceGrid#sample} (cell centres at origin + (i + ½)·res,
     * the query clamped to the rectangle of centres plus its distance to it outside; four corners gathered) into
     * the clearance row ({@code first}) or its minimum with it.
     */
    private void clear(LaneRows r, int t, int g, float a, boolean first) {
        final int p = (t + 1) * B + g;
        final FloatGrid grid = cycle.grid;
        final int sx = grid.sizeX;
        final int sy = grid.sizeY;
        FloatVector x = FloatVector.fromArray(S, r.poseX, p).add(FloatVector.fromArray(S, r.headCos, g).mul(a));
        FloatVector y = FloatVector.fromArray(S, r.poseY, p).add(FloatVector.fromArray(S, r.headSin, g).mul(a));
        FloatVector gx = x.mul(grid.invRes).add(grid.shiftX);
        FloatVector gy = y.mul(grid.invRes).add(grid.shiftY);
        FloatVector cx = gx.max(0f).min(sx - 1f);
        FloatVector cy = gy.max(0f).min(sy - 1f);
        IntVector i = ((IntVector) cx.convert(VectorOperators.F2I, 0)).min(sx - 2);
        IntVector j = ((IntVector) cy.convert(VectorOperators.F2I, 0)).min(sy - 2);
        FloatVector fx = cx.sub((FloatVector) i.convert(VectorOperators.I2F, 0));
        FloatVector fy = cy.sub((FloatVector) j.convert(VectorOperators.I2F, 0));
        int[] idx = r.index;
        i.mul(sy).add(j).intoArray(idx, 0);
        float[] v = grid.values;
        FloatVector v00 = FloatVector.fromArray(S, v, 0, idx, 0);
        FloatVector v01 = FloatVector.fromArray(S, v, 1, idx, 0);
        FloatVector v10 = FloatVector.fromArray(S, v, sy, idx, 0);
        FloatVector v11 = FloatVector.fromArray(S, v, sy + 1, idx, 0);
        FloatVector lo = v01.sub(v00).mul(fy).add(v00);
        FloatVector hi = v11.sub(v10).mul(fy).add(v10);
        FloatVector ex = gx.sub(cx);
        FloatVector ey = gy.sub(cy);
        FloatVector d = hi.sub(lo).mul(fx).add(lo).add(ex.mul(ex).add(ey.mul(ey)).sqrt().mul(grid.res));
        // Two stores, not one of a merged vector (a vector merged after a branch is boxed).
        if (first) {
            d.intoArray(r.clearance, g);
        } else {
            d.min(FloatVector.fromArray(S, r.clearance, g)).intoArray(r.clearance, g);
        }
    }

    /**
     * The costs of step t for lanes [g, g + L) from the footprint's clearance (min over the circles, less the
     * radius) and the commands: the collision (once) and the proximity of the lanes still alive, control effort,
     * control rate, and from the predicted speed row {@code speeds} prefer-forward and speed (weights 0 when absent).
     */
    private void charge(LaneRows r, int t, int g, float[] speeds) {
        final int next = (t + 1) * B + g;
        final int prev = next - B;
        FloatVector d = FloatVector.fromArray(S, r.clearance, g).sub(cycle.radius);
        // live lanes as 1/0 floats: a mask loaded from a boolean[] is boxed on JDK 25, one from a compare is not
        VectorMask<Float> was = FloatVector.fromArray(S, r.live, g).compare(VectorOperators.GT, 0f);
        VectorMask<Float> clear = d.compare(VectorOperators.GT, cycle.hitBelow); // false for NaN: a collision
        VectorMask<Float> still = was.and(clear); // (no not/andNot: JDK 25 boxes those masks)
        VectorMask<Float> near = still.and(d.compare(VectorOperators.LT, cycle.margin));
        FloatVector e = d.neg().add(cycle.margin).mul(cycle.invMargin);
        FloatVector zero = FloatVector.zero(S);
        FloatVector v = FloatVector.fromArray(S, r.cmdV, next);
        FloatVector w = FloatVector.fromArray(S, r.cmdW, next);
        FloatVector dv = v.sub(FloatVector.fromArray(S, r.cmdV, prev));
        FloatVector dw = w.sub(FloatVector.fromArray(S, r.cmdW, prev));
        FloatVector u = FloatVector.fromArray(S, speeds, next);
        FloatVector slow = u.neg().add(cycle.targetV).max(0f);
        FloatVector.fromArray(S, r.cost, g)
                .add(zero.blend(cycle.collisionCost, was).blend(zero, clear))
                .add(zero.blend(e.mul(e).mul(cycle.obstacle), near))
                .add(v.mul(v).mul(cycle.effortV)).add(w.mul(w).mul(cycle.effortW))
                .add(dv.mul(dv).mul(cycle.rateV)).add(dw.mul(dw).mul(cycle.rateW))
                .add(u.neg().max(0f).mul(cycle.forward)).add(slow.mul(slow).mul(cycle.speed))
                .intoArray(r.cost, g);
        zero.blend(1f, still).intoArray(r.live, g);
    }

    /** The goal's per-step term after step t for lanes [g, g + L) (only when it has a weight). */
    private void approach(LaneRows r, int t, int g) {
        final int p = (t + 1) * B + g;
        FloatVector gx = FloatVector.fromArray(S, r.poseX, p).sub(cycle.goalX);
        FloatVector gy = FloatVector.fromArray(S, r.poseY, p).sub(cycle.goalY);
        FloatVector.fromArray(S, r.cost, g).add(gx.mul(gx).add(gy.mul(gy)).sqrt().mul(cycle.goalStep))
                .intoArray(r.cost, g);
    }

    /** The goal's last-step term (weight 0 when absent) for lanes [g, g + L). */
    private void arrive(LaneRows r, int g) {
        final int p = horizon * B + g;
        FloatVector gx = FloatVector.fromArray(S, r.poseX, p).sub(cycle.goalX);
        FloatVector gy = FloatVector.fromArray(S, r.poseY, p).sub(cycle.goalY);
        FloatVector.fromArray(S, r.cost, g).add(gx.mul(gx).add(gy.mul(gy)).sqrt().mul(cycle.goalLast))
                .intoArray(r.cost, g);
    }

    /** path_align after step t for lanes [g, g + L): w·min(lat(p), cap), the guide's lateral field. */
    private void align(LaneRows r, int t, int g) {
        final int p = (t + 1) * B + g;
        cycle.lateral.sample(r.poseX, r.poseY, p, r.index, r.look, g);
        FloatVector.fromArray(S, r.cost, g).add(FloatVector.fromArray(S, r.look, g).min(cycle.alignCap).mul(cycle.align))
                .intoArray(r.cost, g);
    }

    /** path_follow for lanes [g, g + L): w·ctg(p_T−1), the guide's cost-to-go at the last pose. */
    private void follow(LaneRows r, int g) {
        final int p = horizon * B + g;
        cycle.costToGo.sample(r.poseX, r.poseY, p, r.index, r.look, g);
        FloatVector.fromArray(S, r.cost, g).add(FloatVector.fromArray(S, r.look, g).mul(cycle.follow))
                .intoArray(r.cost, g);
    }
}
