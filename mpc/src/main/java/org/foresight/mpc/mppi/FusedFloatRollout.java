package org.foresight.mpc.mppi;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.dynamics.model.UnicycleKinematics;
import org.foresight.mpc.critic.CriticContext;
import org.foresight.mpc.critic.FusedCosts;

/**
 * {@link RolloutKernel#FUSED_FLOAT}: one chunk's commands, rollout through a {@link UnicycleKinematics} model
 * and {@link FusedCosts} in float SIMD lanes (the preferred species: 16 floats with AVX-512), step by step, each
 * step a few passes over the chunk's lane groups. Per lane, step t:
 * <pre>
 *   u_t = clip(ū_t + ε_t, [max(u_t−1 − a·dt, lo), min(u_t−1 + a·dt, hi)])      as CommandClip, in float
 *   EXACT_ARC:  h = ω·dt/2,  s = v·dt·sinc(h),  (x, y) += s·(cos, sin)(θ + h),  θ += 2h
 *   EULER:      θ += ω·dt,   (x, y) += v·dt·(cos, sin)(θ)
 *   d = min_i SDF(p + a_i·(cos θ, sin θ)) − r          (bilinear as DistanceGrid.sample, on a float copy)
 *   alive ∧ ¬(d > d_hit)  ⇒  S += collisionCost, alive = false
 *   alive ∧ d < margin    ⇒  S += (w/T)·((margin − d)/margin)²
 *   S += the per-step terms of FusedCosts (effort, rate, prefer-forward, speed, goal)
 * </pre>
 * and the goal's last-step term after the horizon. sin and cos: the nearest quadrant, two polynomials on the
 * remainder (about 1e-7); sinc(h) = 1 − h²/6 + h⁴/120 − h⁶/5040 + h⁸/362880 for |h| ≤ π/4, which the command
 * bounds guarantee (checked when built). Written back: the positions x, y (for the plan's rollouts), the cost and
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
    private static final float TWO_OVER_PI = 0.63661977f;
    private static final float PI_2_HI = 1.5707963705062866f;
    private static final float PI_2_LO = 4.37113900018624283e-8f;
    private static final double[] NO_CIRCLES = {};
    /** 1.5·2²³: x + R − R rounds a float |x| < 2²² to the nearest integer. */
    private static final float ROUNDER = 12582912f;
    /** Padding [entries of 4 bytes] after each worker's scratch row: 128 B, two cache lines. */
    private static final int PAD = 32;

    private final FusedCosts terms;
    private final int horizon;
    private final float dt;
    /**
     * Per worker, one block in float, row r at r·B: the commands with row 0 the last commanded control and row
     * t + 1 step t's; the poses with row 0 the start and row t + 1 the pose after step t.
     */
    private final float[][] cmdV;
    private final float[][] cmdW;
    private final float[][] poseX;
    private final float[][] poseY;
    private final float[][] poseT;
    /** Per worker, one block: the noise ε in float, row t at t·B. */
    private final float[][] noiseV;
    private final float[][] noiseW;
    /** The chunks' parts of the update. */
    private final ChunkMeans means;
    /** Every sample's positions x, y [m] after each step, float, block layout (for the plan's heaviest rollouts). */
    private final float[] batchX;
    private final float[] batchY;
    /** Command bounds: per-step change a·dt and the box. */
    private final float stepV;
    private final float stepW;
    private final float minV;
    private final float maxV;
    private final float maxW;
    /** Per worker, one block: cos and sin of the heading, the footprint's clearance, the cost, the live lanes. */
    private final float[][] headCos;
    private final float[][] headSin;
    private final float[][] clearance;
    private final float[][] cost;
    private final float[][] live;
    /** Per worker: one lane group's gather indices. */
    private final int[][] index;
    /** The cycle's values of the terms and its field in float. */
    private final FusedCycle cycle = new FusedCycle();
    /** The model's integration: EXACT_ARC (then the chord's angle is θ + ω·dt/2) or SEMI_IMPLICIT_EULER (θ + ω·dt). */
    private final boolean exactArc;
    private final float angleShare;

    /**
     * @param model   the model rolled out (its integration is inlined).
     * @param terms   the cost terms.
     * @param config  the planner's parameters.
     * @param threads the worker pool's size.
     * @throws IllegalArgumentException if maxOmega·dt &gt; π/2 (beyond the sinc polynomial's range).
     */
    FusedFloatRollout(UnicycleKinematics model, FusedCosts terms, MppiConfig config, int threads) {
        if (config.maxOmega() * config.dt() > Math.PI / 2) { // the sinc polynomial needs |ω|·dt/2 ≤ π/4
            throw new IllegalArgumentException("the fused rollout kernel needs maxOmega·dt <= pi/2, got "
                    + config.maxOmega() + " rad/s x " + config.dt() + " s");
        }
        this.terms = terms;
        this.exactArc = model.integration() == UnicycleKinematics.Integration.EXACT_ARC;
        this.angleShare = exactArc ? 0.5f : 1f;
        this.horizon = config.horizon();
        this.dt = (float) config.dt();
        int size = B * (horizon + 1);
        // Each row padded by PAD entries: rows of different workers never share a cache line.
        cmdV = new float[threads][size + PAD];
        cmdW = new float[threads][size + PAD];
        poseX = new float[threads][size + PAD];
        poseY = new float[threads][size + PAD];
        poseT = new float[threads][size + PAD];
        noiseV = new float[threads][B * horizon + PAD];
        noiseW = new float[threads][B * horizon + PAD];
        means = new ChunkMeans(config, threads);
        int blocks = (config.samples() + B - 1) / B;
        batchX = new float[blocks * B * horizon];
        batchY = new float[blocks * B * horizon];
        stepV = (float) (config.maxAccel() * config.dt());
        stepW = (float) (config.maxAlpha() * config.dt());
        minV = (float) config.minV();
        maxV = (float) config.maxV();
        maxW = (float) config.maxOmega();
        headCos = new float[threads][B + PAD];
        headSin = new float[threads][B + PAD];
        clearance = new float[threads][B + PAD];
        cost = new float[threads][B + PAD];
        live = new float[threads][B + PAD];
        index = new int[threads][S.length() + PAD];
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
     */
    void prepare(CriticContext c) {
        cycle.prepare(terms, c, horizon);
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
     * @param ev     the noise ε_v, block layout (read at the chunk's rows; zero past cnt).
     * @param ew     the noise ε_ω.
     * @param meanV  the nominal ū_v,t.
     * @param meanW  the nominal ū_ω,t.
     * @param worker the worker's index (its scratch).
     */
    void chunk(RolloutBuffers b, int k0, int cnt, double[] x0, double[] ev, double[] ew, double[] meanV,
               double[] meanW, int worker) {
        final int o0 = b.blockOffset(k0);
        final float[] nv = noiseV[worker];
        final float[] nw = noiseW[worker];
        // The whole block: lanes past cnt hold zeros (the rows are only ever filled for cnt samples), computed and
        // ignored.
        toFloat(ev, o0, nv, 0, horizon * B);
        toFloat(ew, o0, nw, 0, horizon * B);
        run(b, k0, cnt, x0, nv, nw, 0, meanV, meanW, worker);
    }

    /**
     * The same with the noise already in float, block layout (drawn ahead: {@link ChunkRollout#presample}).
     *
     * @param b      the batch.
     * @param k0     the chunk's first sample.
     * @param cnt    its sample count (≤ one block).
     * @param x0     the start state (x, y, θ, …).
     * @param ev     the noise ε_v in float, block layout (read at the chunk's rows; finite past cnt).
     * @param ew     the noise ε_ω.
     * @param meanV  the nominal ū_v,t.
     * @param meanW  the nominal ū_ω,t.
     * @param worker the worker's index (its scratch).
     */
    void chunk(RolloutBuffers b, int k0, int cnt, double[] x0, float[] ev, float[] ew, double[] meanV,
               double[] meanW, int worker) {
        run(b, k0, cnt, x0, ev, ew, b.blockOffset(k0), meanV, meanW, worker);
    }

    /** dst[d + i] = (float) src[s + i] for i in [0, n): the noise in float. */
    static void toFloat(double[] src, int s, float[] dst, int d, int n) {
        for (int i = 0; i < n; i++) {
            dst[d + i] = (float) src[s + i];
        }
    }

    /** The chunk's passes, its noise row t at noise[off + t·B]. */
    private void run(RolloutBuffers b, int k0, int cnt, double[] x0, float[] nv, float[] nw, int off, double[] meanV,
                     double[] meanW, int worker) {
        final int T = horizon;
        final int L = S.length();
        final int o0 = b.blockOffset(k0);
        final float[] fv = cmdV[worker];
        final float[] fw = cmdW[worker];
        final float[] px = poseX[worker];
        final float[] py = poseY[worker];
        final float[] pt = poseT[worker];
        for (int j = 0; j < B; j++) { // row 0: the last command and the start pose
            fv[j] = cycle.lastV;
            fw[j] = cycle.lastW;
            px[j] = (float) x0[0];
            py[j] = (float) x0[1];
            pt[j] = (float) x0[2];
            cost[worker][j] = 0f;
            live[worker][j] = 1f;
            clearance[worker][j] = Float.POSITIVE_INFINITY; // stays so without an obstacle term
        }
        final double[] offsets = terms.hasObstacle() ? terms.circleOffsets() : NO_CIRCLES;
        final int nc = offsets.length;
        for (int t = 0; t < T; t++) {
            final float mv = (float) meanV[t];
            final float mw = (float) meanW[t];
            for (int g = 0; g < cnt; g += L) {
                move(worker, t, g, mv, mw, nv, nw, off);
            }
            if (exactArc) {
                for (int g = 0; g < cnt; g += L) {
                    arc(worker, t, g);
                }
            }
            for (int i = 0; i < nc; i++) {
                for (int g = 0; g < cnt; g += L) {
                    clear(worker, t, g, (float) offsets[i], i == 0);
                }
            }
            for (int g = 0; g < cnt; g += L) {
                charge(worker, t, g);
            }
            if (cycle.goalStep != 0f) {
                for (int g = 0; g < cnt; g += L) {
                    approach(worker, t, g);
                }
            }
        }
        for (int g = 0; g < cnt; g += L) {
            arrive(worker, g);
        }
        // Out: positions (float, one copy per channel: the rows are contiguous), costs and flags; a non-finite
        // last pose makes the cost NaN. Not θ: nothing downstream reads it.
        System.arraycopy(px, B, batchX, o0, T * B);
        System.arraycopy(py, B, batchY, o0, T * B);
        final float[] sc = cost[worker];
        final float[] alive = live[worker];
        final int last = T * B;
        for (int j = 0; j < cnt; j++) {
            float chk = px[last + j] + py[last + j] + pt[last + j];
            b.costs[k0 + j] = chk - chk == 0f ? sc[j] : Double.NaN;
            b.collided[k0 + j] = alive[j] > 0f ? (byte) 0 : (byte) 1;
        }
        means.add(b.costs, k0, cnt, fv, fw, B, worker);
    }

    /**
     * Step t of lanes [g, g + L): the bounded commands, the model's step along the angle a (Euler: the new
     * heading; arc: the mid-step heading, the chord's length and the heading's rotation then in {@link #arc}),
     * cos and sin of a.
     */
    private void move(int worker, int t, int g, float mv, float mw, float[] nv, float[] nw, int off) {
        final int prev = t * B + g;
        final int next = prev + B;
        // u = clip(ū_t + ε, [max(u_prev − a·dt, lo), min(u_prev + a·dt, hi)]), as CommandClip in float
        FloatVector pv = FloatVector.fromArray(S, cmdV[worker], prev);
        FloatVector pw = FloatVector.fromArray(S, cmdW[worker], prev);
        FloatVector v = FloatVector.fromArray(S, nv, off + prev).add(mv)
                .max(pv.sub(stepV).max(minV)).min(pv.add(stepV).min(maxV));
        FloatVector w = FloatVector.fromArray(S, nw, off + prev).add(mw)
                .max(pw.sub(stepW).max(-maxW)).min(pw.add(stepW).min(maxW));
        v.intoArray(cmdV[worker], next);
        w.intoArray(cmdW[worker], next);
        FloatVector th = FloatVector.fromArray(S, poseT[worker], prev);
        FloatVector phi = w.mul(dt);
        // cos and sin of a = θ + share·ω·dt (arc: the mid-step heading; Euler: the new heading): the nearest
        // quadrant q (by the 1.5·2²³ rounding trick), r = a − q·π/2, two polynomials
        FloatVector a = th.add(phi.mul(angleShare));
        FloatVector q = a.mul(TWO_OVER_PI).add(ROUNDER).sub(ROUNDER);
        IntVector qi = (IntVector) q.convert(VectorOperators.F2I, 0);
        FloatVector r = a.sub(q.mul(PI_2_HI)).add(q.mul(PI_2_LO));
        FloatVector r2 = r.mul(r);
        FloatVector sp = r.add(r.mul(r2).mul(r2.mul(r2.mul(-1.9515295891e-4f).add(8.3321608736e-3f)).add(-1.6666654611e-1f)));
        FloatVector cp = r2.mul(r2.mul(r2.mul(r2.mul(2.443315711809948e-5f).add(-1.388731625493765e-3f))
                .add(4.166664568298827e-2f)).add(-0.5f)).add(1f);
        VectorMask<Float> odd = qi.and(1).compare(VectorOperators.NE, 0).cast(S);
        FloatVector ss = sp.blend(cp, odd);
        FloatVector cc = cp.blend(sp, odd);
        FloatVector sinA = ss.blend(ss.neg(), qi.and(2).compare(VectorOperators.NE, 0).cast(S));
        FloatVector cosA = cc.blend(cc.neg(), qi.add(1).and(2).compare(VectorOperators.NE, 0).cast(S));
        FloatVector s = v.mul(dt); // the arc's sinc factor: arc()
        FloatVector.fromArray(S, poseX[worker], prev).add(s.mul(cosA)).intoArray(poseX[worker], next);
        FloatVector.fromArray(S, poseY[worker], prev).add(s.mul(sinA)).intoArray(poseY[worker], next);
        th.add(phi).intoArray(poseT[worker], next); // unwrapped: the quadrant reduction takes any angle
        cosA.intoArray(headCos[worker], g);
        sinA.intoArray(headSin[worker], g);
    }

    /**
     * The exact arc's part of step t for lanes [g, g + L), after {@link #move} took the chord along the mid-step
     * heading a = θ + h (h = ω·dt/2) with length v·dt: the chord's sinc factor, x += v·dt·(sinc(h) − 1)·cos a
     * (likewise y), and the new heading a + h by rotating (cos a, sin a) by h, with sin h = h·sinc(h) and
     * cos h = 1 − z/2 + z²/24 − z³/720 + z⁴/40320, z = h². A pass of its own so that the Euler step pays nothing.
     */
    private void arc(int worker, int t, int g) {
        final int next = (t + 1) * B + g;
        FloatVector h = FloatVector.fromArray(S, cmdW[worker], next).mul(0.5f * dt);
        FloatVector z = h.mul(h);
        // sinc(h) − 1 = z·(−1/6 + z·(1/120 + z·(−1/5040 + z/362880)))
        FloatVector sincM1 = z.mul(1f / 362880f).add(-1f / 5040f).mul(z).add(1f / 120f).mul(z).add(-1f / 6f).mul(z);
        FloatVector cosA = FloatVector.fromArray(S, headCos[worker], g);
        FloatVector sinA = FloatVector.fromArray(S, headSin[worker], g);
        FloatVector ds = FloatVector.fromArray(S, cmdV[worker], next).mul(dt).mul(sincM1);
        FloatVector.fromArray(S, poseX[worker], next).add(ds.mul(cosA)).intoArray(poseX[worker], next);
        FloatVector.fromArray(S, poseY[worker], next).add(ds.mul(sinA)).intoArray(poseY[worker], next);
        FloatVector sinR = h.mul(sincM1.add(1f));
        FloatVector cosR = z.mul(1f / 40320f).add(-1f / 720f).mul(z).add(1f / 24f).mul(z).add(-0.5f).mul(z).add(1f);
        cosA.mul(cosR).sub(sinA.mul(sinR)).intoArray(headCos[worker], g);
        sinA.mul(cosR).add(cosA.mul(sinR)).intoArray(headSin[worker], g);
    }

    /**
     * The footprint circle at offset a along the heading, lanes [g, g + L) after step t: the bilinear SDF at its
     * centre as {@link org.foresight.mpc.perception.DistanceGrid#sample} (cell centres at origin + (i + ½)·res,
     * the query clamped to the rectangle of centres plus its distance to it outside; four corners gathered) into
     * the clearance row ({@code first}) or its minimum with it.
     */
    private void clear(int worker, int t, int g, float a, boolean first) {
        final int p = (t + 1) * B + g;
        final FloatGrid grid = cycle.grid;
        final int sx = grid.sizeX;
        final int sy = grid.sizeY;
        FloatVector x = FloatVector.fromArray(S, poseX[worker], p).add(FloatVector.fromArray(S, headCos[worker], g).mul(a));
        FloatVector y = FloatVector.fromArray(S, poseY[worker], p).add(FloatVector.fromArray(S, headSin[worker], g).mul(a));
        FloatVector gx = x.mul(grid.invRes).add(grid.shiftX);
        FloatVector gy = y.mul(grid.invRes).add(grid.shiftY);
        FloatVector cx = gx.max(0f).min(sx - 1f);
        FloatVector cy = gy.max(0f).min(sy - 1f);
        IntVector i = ((IntVector) cx.convert(VectorOperators.F2I, 0)).min(sx - 2);
        IntVector j = ((IntVector) cy.convert(VectorOperators.F2I, 0)).min(sy - 2);
        FloatVector fx = cx.sub((FloatVector) i.convert(VectorOperators.I2F, 0));
        FloatVector fy = cy.sub((FloatVector) j.convert(VectorOperators.I2F, 0));
        int[] idx = index[worker];
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
            d.intoArray(clearance[worker], g);
        } else {
            d.min(FloatVector.fromArray(S, clearance[worker], g)).intoArray(clearance[worker], g);
        }
    }

    /**
     * The costs of step t for lanes [g, g + L) from the footprint's clearance (min over the circles, less the
     * radius) and the commands: the collision (once) and the proximity of the lanes still alive, control effort,
     * control rate, prefer-forward and speed (weights 0 when absent).
     */
    private void charge(int worker, int t, int g) {
        final int next = (t + 1) * B + g;
        final int prev = next - B;
        FloatVector d = FloatVector.fromArray(S, clearance[worker], g).sub(cycle.radius);
        // live lanes as 1/0 floats: a mask loaded from a boolean[] is boxed on JDK 25, one from a compare is not
        VectorMask<Float> was = FloatVector.fromArray(S, live[worker], g).compare(VectorOperators.GT, 0f);
        VectorMask<Float> clear = d.compare(VectorOperators.GT, cycle.hitBelow); // false for NaN: a collision
        VectorMask<Float> still = was.and(clear); // (no not/andNot: JDK 25 boxes those masks)
        VectorMask<Float> near = still.and(d.compare(VectorOperators.LT, cycle.margin));
        FloatVector e = d.neg().add(cycle.margin).mul(cycle.invMargin);
        FloatVector zero = FloatVector.zero(S);
        FloatVector v = FloatVector.fromArray(S, cmdV[worker], next);
        FloatVector w = FloatVector.fromArray(S, cmdW[worker], next);
        FloatVector dv = v.sub(FloatVector.fromArray(S, cmdV[worker], prev));
        FloatVector dw = w.sub(FloatVector.fromArray(S, cmdW[worker], prev));
        FloatVector slow = v.neg().add(cycle.targetV).max(0f);
        FloatVector.fromArray(S, cost[worker], g)
                .add(zero.blend(cycle.collisionCost, was).blend(zero, clear))
                .add(zero.blend(e.mul(e).mul(cycle.obstacle), near))
                .add(v.mul(v).mul(cycle.effortV)).add(w.mul(w).mul(cycle.effortW))
                .add(dv.mul(dv).mul(cycle.rateV)).add(dw.mul(dw).mul(cycle.rateW))
                .add(v.neg().max(0f).mul(cycle.forward)).add(slow.mul(slow).mul(cycle.speed))
                .intoArray(cost[worker], g);
        zero.blend(1f, still).intoArray(live[worker], g);
    }

    /** The goal's per-step term after step t for lanes [g, g + L) (only when it has a weight). */
    private void approach(int worker, int t, int g) {
        final int p = (t + 1) * B + g;
        FloatVector gx = FloatVector.fromArray(S, poseX[worker], p).sub(cycle.goalX);
        FloatVector gy = FloatVector.fromArray(S, poseY[worker], p).sub(cycle.goalY);
        FloatVector.fromArray(S, cost[worker], g).add(gx.mul(gx).add(gy.mul(gy)).sqrt().mul(cycle.goalStep))
                .intoArray(cost[worker], g);
    }

    /** The goal's last-step term (weight 0 when absent) for lanes [g, g + L). */
    private void arrive(int worker, int g) {
        final int p = horizon * B + g;
        FloatVector gx = FloatVector.fromArray(S, poseX[worker], p).sub(cycle.goalX);
        FloatVector gy = FloatVector.fromArray(S, poseY[worker], p).sub(cycle.goalY);
        FloatVector.fromArray(S, cost[worker], g).add(gx.mul(gx).add(gy.mul(gy)).sqrt().mul(cycle.goalLast))
                .intoArray(cost[worker], g);
    }
}
