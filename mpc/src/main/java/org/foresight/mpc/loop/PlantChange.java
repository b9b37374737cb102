package org.foresight.mpc.loop;

import org.foresight.dynamics.model.DynamicsModel;

/**
 * A change of the simulated robot during an episode (a payload, a slippery floor): from {@code time} on, the
 * plant is {@code plant}, continuing from the state the previous plant reached. The episode loop applies it at
 * the first control tick at or after {@code time} (ticks are 50 ms apart by default).
 *
 * @param time  when the change happens [s], finite and ≥ 0.
 * @param plant the robot from then on: the same state and control dimensions as the plant it replaces.
 */
public record PlantChange(double time, DynamicsModel plant) {
    /** Validates the fields. */
    public PlantChange {
        if (!(time >= 0) || !Double.isFinite(time)) {
            throw new IllegalArgumentException("a plant change time must be a finite number of seconds >= 0, got " + time);
        }
        if (plant == null) {
            throw new IllegalArgumentException("a plant change needs the new plant");
        }
    }
}
