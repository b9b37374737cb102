package org.foresight.dynamics.model;

/**
 * A declaration by a {@link DynamicsModel} that its step is the kinematic unicycle (state x, y, θ; control
 * cmd_v, cmd_ω followed exactly and instantly), in one of two integrations over a step dt:
 * <pre>
 *   EXACT_ARC:            h = ω·dt/2,  x⁺ = x + v·dt·sinc(h)·cos(θ + h),  y⁺ = … sin(θ + h),  θ⁺ = θ + 2h
 *   SEMI_IMPLICIT_EULER:  θ⁺ = θ + ω·dt,  x⁺ = x + v·dt·cos θ⁺,  y⁺ = y + v·dt·sin θ⁺
 * </pre>
 * A planner may then roll such a model out in a fused kernel of its own (the equation inlined with its cost
 * terms, in float lanes) instead of calling {@link DynamicsModel#stepBatch}: see the MPPI planner's
 * {@code RolloutKernel.FUSED_FLOAT}. A model implementing this promises that its {@code step} is the equation
 * above (to rounding, up to the wrap of θ); any other model goes through {@code stepBatch} as always.
 */
public interface UnicycleKinematics {
    /** The integration of the unicycle over one step. */
    enum Integration {
        /** The constant-twist arc, exact for a control held over the step ({@link Unicycle}). */
        EXACT_ARC,
        /** Heading first, then position along the new heading (the C MPPI yardstick's model). */
        SEMI_IMPLICIT_EULER
    }

    /** @return how this model integrates the unicycle over a step. */
    Integration integration();
}
