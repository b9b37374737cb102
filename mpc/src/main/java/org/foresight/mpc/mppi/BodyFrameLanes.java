package org.foresight.mpc.mppi;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foresight.dynamics.model.BodyFrameKinematics;

/**
 * {@link FusedFloatRollout}'s step through a {@link BodyFrameKinematics} model (a learned model's body-frame form),
 * per lane, step t, in three passes:
 * <pre>
 *   u_t = clip(ū_t + ε_t, [max(u_t−1 − a·dt, lo), min(u_t−1 + a·dt, hi)])      {@link #command}, as CommandClip
 *   d = g(v_t, ω_t, u_t)                                                       the model's float block
 *   x += c·d_f − s·d_l,  y += s·d_f + c·d_l,  θ += d_θ,  v += d_v,  ω += d_ω      {@link #step}, c, s of θ_t
 * </pre>
 * leaving cos and sin of the new heading in the rows, for the footprint and for the next step. sin and cos: the
 * nearest quadrant, two polynomials on the remainder (about 1e-7), as {@link UnicycleLanes}.
 */
final class BodyFrameLanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int B = RolloutBuffers.BLOCK;
    private static final float TWO_OVER_PI = 0.63661977f;
    private static final float PI_2_HI = 1.5707963705062866f;
    private static final float PI_2_LO = 4.37113900018624283e-8f;
    /** 1.5·2²³: x + R − R rounds a float |x| < 2²² to the nearest integer. */
    private static final float ROUNDER = 12582912f;

    /** Command bounds: per-step change a·dt and the box. */
    private final float stepV;
    private final float stepW;
    private final float minV;
    private final float maxV;
    private final float maxW;

    /**
     * @param model  the model (its period must be the planner's).
     * @param config the planner's parameters.
     * @throws IllegalArgumentException if the model's period is not the planner's step.
     */
    BodyFrameLanes(BodyFrameKinematics model, MppiConfig config) {
        if (Math.abs(model.dt() - config.dt()) > 1e-9) {
            throw new IllegalArgumentException("the model steps dt = " + model.dt() + " s but the planner "
                    + config.dt() + " s; run the planner at the model's control period");
        }
        stepV = (float) (config.maxAccel() * config.dt());
        stepW = (float) (config.maxAlpha() * config.dt());
        minV = (float) config.minV();
        maxV = (float) config.maxV();
        maxW = (float) config.maxOmega();
    }

    /** Step t's bounded commands for lanes [g, g + L) into command row t + 1. */
    void command(LaneRows r, int t, int g, float mv, float mw, float[] nv, float[] nw, int off) {
        final int prev = t * B + g;
        final int next = prev + B;
        FloatVector pv = FloatVector.fromArray(S, r.cmdV, prev);
        FloatVector pw = FloatVector.fromArray(S, r.cmdW, prev);
        FloatVector.fromArray(S, nv, off + prev).add(mv)
                .max(pv.sub(stepV).max(minV)).min(pv.add(stepV).min(maxV)).intoArray(r.cmdV, next);
        FloatVector.fromArray(S, nw, off + prev).add(mw)
                .max(pw.sub(stepW).max(-maxW)).min(pw.add(stepW).min(maxW)).intoArray(r.cmdW, next);
    }

    /** The body-frame change of the whole block at step t (after {@link #command}), into the delta rows. */
    void delta(LaneRows r, int t) {
        final int row = t * B;
        r.body.bodyDelta(r.poseV, row, r.poseW, row, r.cmdV, row + B, r.cmdW, row + B, r.delta);
    }

    /** Step t's world-frame update of lanes [g, g + L) from the delta rows, then cos and sin of the new heading. */
    void step(LaneRows r, int t, int g) {
        final int prev = t * B + g;
        final int next = prev + B;
        final float[] d = r.delta;
        FloatVector c = FloatVector.fromArray(S, r.headCos, g);
        FloatVector s = FloatVector.fromArray(S, r.headSin, g);
        FloatVector df = FloatVector.fromArray(S, d, g);
        FloatVector dl = FloatVector.fromArray(S, d, B + g);
        FloatVector.fromArray(S, r.poseX, prev).add(c.mul(df)).sub(s.mul(dl)).intoArray(r.poseX, next);
        FloatVector.fromArray(S, r.poseY, prev).add(s.mul(df)).add(c.mul(dl)).intoArray(r.poseY, next);
        FloatVector.fromArray(S, r.poseV, prev).add(FloatVector.fromArray(S, d, 3 * B + g)).intoArray(r.poseV, next);
        FloatVector.fromArray(S, r.poseW, prev).add(FloatVector.fromArray(S, d, 4 * B + g)).intoArray(r.poseW, next);
        FloatVector a = FloatVector.fromArray(S, r.poseT, prev).add(FloatVector.fromArray(S, d, 2 * B + g));
        a.intoArray(r.poseT, next); // unwrapped: the quadrant reduction takes any angle
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
        ss.blend(ss.neg(), qi.and(2).compare(VectorOperators.NE, 0).cast(S)).intoArray(r.headSin, g);
        cc.blend(cc.neg(), qi.add(1).and(2).compare(VectorOperators.NE, 0).cast(S)).intoArray(r.headCos, g);
    }
}
