package org.foresight.mpc.mppi;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.dynamics.model.UnicycleKinematics;

/**
 * {@link FusedFloatRollout}'s step through a {@link UnicycleKinematics} model, per lane, step t:
 * <pre>
 *   u_t = clip(ū_t + ε_t, [max(u_t−1 − a·dt, lo), min(u_t−1 + a·dt, hi)])      as CommandClip, in float
 *   EXACT_ARC:  h = ω·dt/2,  s = v·dt·sinc(h),  (x, y) += s·(cos, sin)(θ + h),  θ += 2h
 *   EULER:      θ += ω·dt,   (x, y) += v·dt·(cos, sin)(θ)
 * </pre>
 * leaving cos and sin of the new heading in the rows for the footprint. sin and cos: the nearest quadrant, two
 * polynomials on the remainder (about 1e-7); sinc(h) = 1 − h²/6 + h⁴/120 − h⁶/5040 + h⁸/362880 for |h| ≤ π/4,
 * which the command bounds guarantee (checked when built).
 */
final class UnicycleLanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int B = RolloutBuffers.BLOCK;
    private static final float TWO_OVER_PI = 0.63661977f;
    private static final float PI_2_HI = 1.5707963705062866f;
    private static final float PI_2_LO = 4.37113900018624283e-8f;
    /** 1.5·2²³: x + R − R rounds a float |x| < 2²² to the nearest integer. */
    private static final float ROUNDER = 12582912f;

    private final float dt;
    /** Command bounds: per-step change a·dt and the box. */
    private final float stepV;
    private final float stepW;
    private final float minV;
    private final float maxV;
    private final float maxW;
    /** The model's integration: EXACT_ARC (then the chord's angle is θ + ω·dt/2) or SEMI_IMPLICIT_EULER (θ + ω·dt). */
    final boolean exactArc;
    private final float angleShare;

    /**
     * @param model  the model rolled out (its integration is inlined).
     * @param config the planner's parameters.
     * @throws IllegalArgumentException if maxOmega·dt &gt; π/2 (beyond the sinc polynomial's range).
     */
    UnicycleLanes(UnicycleKinematics model, MppiConfig config) {
        if (config.maxOmega() * config.dt() > Math.PI / 2) { // the sinc polynomial needs |ω|·dt/2 ≤ π/4
            throw new IllegalArgumentException("the fused rollout kernel needs maxOmega·dt <= pi/2, got "
                    + config.maxOmega() + " rad/s x " + config.dt() + " s");
        }
        this.exactArc = model.integration() == UnicycleKinematics.Integration.EXACT_ARC;
        this.angleShare = exactArc ? 0.5f : 1f;
        this.dt = (float) config.dt();
        stepV = (float) (config.maxAccel() * config.dt());
        stepW = (float) (config.maxAlpha() * config.dt());
        minV = (float) config.minV();
        maxV = (float) config.maxV();
        maxW = (float) config.maxOmega();
    }

    /**
     * Step t of lanes [g, g + L): the bounded commands, the model's step along the angle a (Euler: the new
     * heading; arc: the mid-step heading, the chord's length and the heading's rotation then in {@link #arc}),
     * cos and sin of a.
     */
    void move(LaneRows r, int t, int g, float mv, float mw, float[] nv, float[] nw, int off) {
        final int prev = t * B + g;
        final int next = prev + B;
        // u = clip(ū_t + ε, [max(u_prev − a·dt, lo), min(u_prev + a·dt, hi)]), as CommandClip in float
        FloatVector pv = FloatVector.fromArray(S, r.cmdV, prev);
        FloatVector pw = FloatVector.fromArray(S, r.cmdW, prev);
        FloatVector v = FloatVector.fromArray(S, nv, off + prev).add(mv)
                .max(pv.sub(stepV).max(minV)).min(pv.add(stepV).min(maxV));
        FloatVector w = FloatVector.fromArray(S, nw, off + prev).add(mw)
                .max(pw.sub(stepW).max(-maxW)).min(pw.add(stepW).min(maxW));
        v.intoArray(r.cmdV, next);
        w.intoArray(r.cmdW, next);
        FloatVector th = FloatVector.fromArray(S, r.poseT, prev);
        FloatVector phi = w.mul(dt);
        // cos and sin of a = θ + share·ω·dt (arc: the mid-step heading; Euler: the new heading): the nearest
        // quadrant q (by the 1.5·2²³ rounding trick), r = a − q·π/2, two polynomials
        FloatVector a = th.add(phi.mul(angleShare));
        FloatVector q = a.mul(TWO_OVER_PI).add(ROUNDER).sub(ROUNDER);
        IntVector qi = (IntVector) q.convert(VectorOperators.F2I, 0);
        FloatVector rem = a.sub(q.mul(PI_2_HI)).add(q.mul(PI_2_LO));
        FloatVector r2 = rem.mul(rem);
        FloatVector sp = rem.add(rem.mul(r2).mul(r2.mul(r2.mul(-1.9515295891e-4f).add(8.3321608736e-3f)).add(-1.6666654611e-1f)));
        FloatVector cp = r2.mul(r2.mul(r2.mul(r2.mul(2.443315711809948e-5f).add(-1.388731625493765e-3f))
                .add(4.166664568298827e-2f)).add(-0.5f)).add(1f);
        VectorMask<Float> odd = qi.and(1).compare(VectorOperators.NE, 0).cast(S);
        FloatVector ss = sp.blend(cp, odd);
        FloatVector cc = cp.blend(sp, odd);
        FloatVector sinA = ss.blend(ss.neg(), qi.and(2).compare(VectorOperators.NE, 0).cast(S));
        FloatVector cosA = cc.blend(cc.neg(), qi.add(1).and(2).compare(VectorOperators.NE, 0).cast(S));
        FloatVector s = v.mul(dt); // the arc's sinc factor: arc()
        FloatVector.fromArray(S, r.poseX, prev).add(s.mul(cosA)).intoArray(r.poseX, next);
        FloatVector.fromArray(S, r.poseY, prev).add(s.mul(sinA)).intoArray(r.poseY, next);
        th.add(phi).intoArray(r.poseT, next); // unwrapped: the quadrant reduction takes any angle
        cosA.intoArray(r.headCos, g);
        sinA.intoArray(r.headSin, g);
    }

    /**
     * The exact arc's part of step t for lanes [g, g + L), after {@link #move} took the chord along the mid-step
     * heading a = θ + h (h = ω·dt/2) with length v·dt: the chord's sinc factor, x += v·dt·(sinc(h) − 1)·cos a
     * (likewise y), and the new heading a + h by rotating (cos a, sin a) by h, with sin h = h·sinc(h) and
     * cos h = 1 − z/2 + z²/24 − z³/720 + z⁴/40320, z = h². A pass of its own so that the Euler step pays nothing.
     */
    void arc(LaneRows r, int t, int g) {
        final int next = (t + 1) * B + g;
        FloatVector h = FloatVector.fromArray(S, r.cmdW, next).mul(0.5f * dt);
        FloatVector z = h.mul(h);
        // sinc(h) − 1 = z·(−1/6 + z·(1/120 + z·(−1/5040 + z/362880)))
        FloatVector sincM1 = z.mul(1f / 362880f).add(-1f / 5040f).mul(z).add(1f / 120f).mul(z).add(-1f / 6f).mul(z);
        FloatVector cosA = FloatVector.fromArray(S, r.headCos, g);
        FloatVector sinA = FloatVector.fromArray(S, r.headSin, g);
        FloatVector ds = FloatVector.fromArray(S, r.cmdV, next).mul(dt).mul(sincM1);
        FloatVector.fromArray(S, r.poseX, next).add(ds.mul(cosA)).intoArray(r.poseX, next);
        FloatVector.fromArray(S, r.poseY, next).add(ds.mul(sinA)).intoArray(r.poseY, next);
        FloatVector sinR = h.mul(sincM1.add(1f));
        FloatVector cosR = z.mul(1f / 40320f).add(-1f / 720f).mul(z).add(1f / 24f).mul(z).add(-0.5f).mul(z).add(1f);
        cosA.mul(cosR).sub(sinA.mul(sinR)).intoArray(r.headCos, g);
        sinA.mul(cosR).add(cosA.mul(sinR)).intoArray(r.headSin, g);
    }
}
