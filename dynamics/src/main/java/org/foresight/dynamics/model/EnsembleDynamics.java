package org.foresight.dynamics.model;

/**
 * Optional companion of a {@link DynamicsModel} that is an ensemble: its prediction is the members' mean, and
 * the members' disagreement is the model's doubt. A planner that wants the doubt of a rollout runs every member
 * along the same commands (PETS' "TS∞" propagation, Chua et al., NeurIPS 2018) and measures how far the
 * members' poses lie from the mean model's; see {@code org.foresight.mpc.mppi.SpreadRollout}.
 *
 * <p>Members follow the {@link DynamicsModel} contract (thread-safe, allocation-free {@code stepBatch} after
 * a thread's first call) and have the same state and control layout as the ensemble.
 */
public interface EnsembleDynamics extends DynamicsModel {

    /** @return the number of members M, ≥ 2. */
    int memberCount();

    /**
     * @param m member index in [0, {@link #memberCount()}).
     * @return member m (the same object on every call).
     */
    DynamicsModel member(int m);
}
