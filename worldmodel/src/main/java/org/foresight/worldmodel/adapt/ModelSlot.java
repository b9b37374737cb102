package org.foresight.worldmodel.adapt;

import java.util.List;

import org.foresight.dynamics.model.DynamicsModel;

/**
 * A {@link DynamicsModel} whose implementation can be replaced between planning cycles: the planner is built
 * once over the slot, and an adaptation (or an oracle that follows a changed plant) {@link #set}s a new
 * immutable model after each observation. Every call is delegated to the model in the slot, read once
 * per call from a volatile field.
 *
 * <p><b>Thread safety and determinism.</b> {@link #set} may be called from any thread, and a planner's worker
 * threads see the new model on their next call (the volatile write happens-before that read). For a
 * deterministic episode, call {@link #set} only while no plan is in progress (the episode loop does: it updates
 * between plans), so that every rollout of one plan steps through the same model.
 */
public final class ModelSlot implements DynamicsModel {
    private final int stateDim;
    private final int controlDim;
    private volatile DynamicsModel current;
    private final String label;

    /**
     * @param initial the first model, non-null.
     * @param label   what {@link #describe()} puts before the model's own description (e.g. "adaptive").
     */
    public ModelSlot(DynamicsModel initial, String label) {
        if (initial == null) {
            throw new IllegalArgumentException("model slot needs an initial model");
        }
        this.stateDim = initial.stateDim();
        this.controlDim = initial.controlDim();
        this.current = initial;
        this.label = label;
    }

    /**
     * Replaces the model.
     *
     * @param next the new model: same state and control dimensions, non-null.
     * @throws IllegalArgumentException on a null model or other dimensions.
     */
    public void set(DynamicsModel next) {
        if (next == null || next.stateDim() != stateDim || next.controlDim() != controlDim) {
            throw new IllegalArgumentException("model slot: a replacement must have state dimension " + stateDim
                    + " and control dimension " + controlDim);
        }
        current = next;
    }

    /** @return the model in the slot now. */
    public DynamicsModel get() {
        return current;
    }

    @Override
    public int stateDim() {
        return stateDim;
    }

    @Override
    public int controlDim() {
        return controlDim;
    }

    @Override
    public List<String> stateNames() {
        return current.stateNames();
    }

    @Override
    public List<String> controlNames() {
        return current.controlNames();
    }

    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        current.step(x, u, dt, xNext);
    }

    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        current.stepBatch(x, u, count, dt, xNext);
    }

    @Override
    public void jacobians(double[] x, double[] u, double dt, double[] a, double[] b) {
        current.jacobians(x, u, dt, a, b);
    }

    @Override
    public String describe() {
        return label + " " + current.describe();
    }
}
