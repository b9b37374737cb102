package org.foresight.dynamics.model;

import java.util.random.RandomGenerator;

/**
 * Optional companion of a {@link DynamicsModel} used as the simulated robot (the plant): the random
 * disturbance the simulator adds after each deterministic physics step. {@link JackalDiffDrive} implements
 * it; a user's plant class may too. A plant without it is simulated without process noise.
 *
 * <p>{@link DynamicsModel#step} stays deterministic; planners and fitting never call this.
 */
public interface ProcessNoise {
    /**
     * Adds one physics step's process noise to the state, in place.
     *
     * @param x   (Input/Output) the plant's state after a step (x, y, θ, v, ω, then the plant's own entries). Modified.
     * @param dt  the physics step [s], ≥ 0.
     * @param rng the episode's seeded noise source; draw a fixed number of values per call so that runs stay
     *            reproducible.
     */
    void applyProcessNoise(double[] x, double dt, RandomGenerator rng);
}
