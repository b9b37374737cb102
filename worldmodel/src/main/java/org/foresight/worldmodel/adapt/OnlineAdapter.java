package org.foresight.worldmodel.adapt;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.LinearFeatureModel;
import org.foresight.worldmodel.model.PhysicsModel;

/**
 * Refits a learned model online from the robot's own state estimates while it drives: each control period
 * brings one transition (xₖ, uₖ, xₖ₊₁), whose body-frame change (as {@code Transitions} defines it)
 * <pre>
 *   d_forward = c·Δx + s·Δy,  d_lateral = −s·Δx + c·Δy,  d_theta = wrap(θₖ₊₁ − θₖ),  d_v = Δv,  d_omega = Δω
 * </pre>
 * updates recursive least squares ({@link Rls}) on the coefficients of a model that is linear in them
 * ({@code linear}, {@code sparse}, {@code physics}). After every {@link #observe} a new immutable snapshot is
 * available from {@link #model()}; publish it to the planner between plans (e.g. through a {@link ModelSlot}).
 *
 * <p>Implementations are not thread-safe (one adapter per episode, called from the episode's thread) and
 * deterministic: the same transitions give the same snapshots.
 */
public interface OnlineAdapter {
    /**
     * One transition.
     *
     * @param x     the state estimate at the period's start (x [m], y [m], θ [rad], v [m/s], ω [rad/s]). Not modified.
     * @param u     the command over the period (cmd_v [m/s], cmd_ω [rad/s]). Not modified.
     * @param xNext the state estimate at its end. Not modified.
     */
    void observe(double[] x, double[] u, double[] xNext);

    /** @return the model as adapted so far (immutable; a new instance after every {@link #observe}). */
    BodyFrameModel model();

    /** @return a short description of the adaptation state (for logs), e.g. the structural constants in use. */
    String state();

    /**
     * An adapter for a model, if its kind can adapt.
     *
     * @param model  the model as loaded (the offline fit: the adaptation's start).
     * @param config the settings.
     * @return the adapter.
     * @throws IllegalArgumentException naming the kind when it cannot adapt (only models linear in their
     *                                  coefficients can: linear, sparse, physics).
     */
    static OnlineAdapter of(DynamicsModel model, AdaptConfig config) {
        if (model instanceof PhysicsModel p) {
            return new PhysicsAdapter(p, config);
        }
        if (model instanceof LinearFeatureModel l) {
            return new LinearAdapter(l, config);
        }
        throw new IllegalArgumentException("model kind '" + kindOf(model) + "' cannot adapt (only linear, sparse and "
                + "physics models, which are linear in their coefficients)");
    }

    /**
     * The kind of a model for messages: a learned model's {@link BodyFrameModel#kind()}, else its description.
     *
     * @param model the model.
     * @return the kind.
     */
    static String kindOf(DynamicsModel model) {
        return model instanceof BodyFrameModel b ? b.kind() : model.describe();
    }

    /**
     * The measured body-frame change of a transition, see the class formula.
     *
     * @param x     state at the start. Not modified.
     * @param xNext state at the end. Not modified.
     * @param d     (Output) length ≥ 5, {@link BodyDelta} order. Modified.
     */
    static void bodyChange(double[] x, double[] xNext, double[] d) {
        double dx = xNext[StateIndex.X] - x[StateIndex.X];
        double dy = xNext[StateIndex.Y] - x[StateIndex.Y];
        double c = Math.cos(x[StateIndex.THETA]);
        double s = Math.sin(x[StateIndex.THETA]);
        d[BodyDelta.FORWARD] = c * dx + s * dy;
        d[BodyDelta.LATERAL] = -s * dx + c * dy;
        d[BodyDelta.THETA] = org.foresight.dynamics.model.Angles.wrap(xNext[StateIndex.THETA] - x[StateIndex.THETA]);
        d[BodyDelta.V] = xNext[StateIndex.V] - x[StateIndex.V];
        d[BodyDelta.OMEGA] = xNext[StateIndex.OMEGA] - x[StateIndex.OMEGA];
    }

    /**
     * Whether a transition can be learnt from: every entry read is finite.
     *
     * @param x     state at the start.
     * @param u     command.
     * @param xNext state at the end.
     * @return true when finite.
     */
    static boolean usable(double[] x, double[] u, double[] xNext) {
        for (int i = 0; i < StateIndex.FULL_DIM; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(xNext[i])) {
                return false;
            }
        }
        return Double.isFinite(u[ControlIndex.V]) && Double.isFinite(u[ControlIndex.OMEGA]);
    }
}
