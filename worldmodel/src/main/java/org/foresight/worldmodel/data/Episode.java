package org.foresight.worldmodel.data;

import java.util.Arrays;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;

/**
 * One logged episode on a regular time grid: the measured full state (x, y, θ, v, ω, see {@link StateIndex})
 * and the command (cmd_v, cmd_ω, see {@link ControlIndex}) at every control period.
 *
 * <p>Row k holds the state measured at time t₀ + k·dt and the command held constant over
 * [t₀ + k·dt, t₀ + (k+1)·dt). Arrays are channel-major: {@code state(StateIndex.V)[k]} is the forward speed
 * [m/s] at row k. The arrays are copied in and never exposed for writing (accessors return the internal
 * arrays for speed: do not modify them).
 */
public final class Episode {
    private final String name;
    private final double dt;
    private final double[][] state;
    private final double[][] control;

    /**
     * @param name    a label for messages (usually the file name).
     * @param dt      control period [s], &gt; 0.
     * @param state   {@link StateIndex#FULL_DIM} channels, each of equal length ≥ 2. Copied.
     * @param control {@link ControlIndex#DIM} channels of the same length. Copied.
     */
    public Episode(String name, double dt, double[][] state, double[][] control) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException(name + ": control period dt must be > 0 s, got " + dt);
        }
        if (state.length != StateIndex.FULL_DIM || control.length != ControlIndex.DIM) {
            throw new IllegalArgumentException(name + ": need " + StateIndex.FULL_DIM + " state and "
                    + ControlIndex.DIM + " control channels, got " + state.length + " and " + control.length);
        }
        int n = state[0].length;
        if (n < 2) {
            throw new IllegalArgumentException(name + ": an episode needs at least 2 rows, got " + n);
        }
        this.name = name;
        this.dt = dt;
        this.state = new double[state.length][];
        this.control = new double[control.length][];
        for (int i = 0; i < state.length; i++) {
            if (state[i].length != n) {
                throw new IllegalArgumentException(name + ": state channel " + StateIndex.FULL_NAMES.get(i)
                        + " has " + state[i].length + " rows, expected " + n);
            }
            this.state[i] = Arrays.copyOf(state[i], n);
        }
        for (int j = 0; j < control.length; j++) {
            if (control[j].length != n) {
                throw new IllegalArgumentException(name + ": control channel " + ControlIndex.NAMES.get(j)
                        + " has " + control[j].length + " rows, expected " + n);
            }
            this.control[j] = Arrays.copyOf(control[j], n);
        }
    }

    /** Label of the episode (usually its file name). */
    public String name() {
        return name;
    }

    /** Control period [s]. */
    public double dt() {
        return dt;
    }

    /** Number of rows (time steps). */
    public int length() {
        return state[0].length;
    }

    /** Duration covered by the rows, (length − 1)·dt [s]. */
    public double duration() {
        return (length() - 1) * dt;
    }

    /**
     * One state channel over time, index from {@link StateIndex}; units as there. Do not modify.
     *
     * @param index state index.
     * @return the channel's samples, one per row.
     */
    public double[] state(int index) {
        return state[index];
    }

    /**
     * One control channel over time, index from {@link ControlIndex}; units as there. Do not modify.
     *
     * @param index control index.
     * @return the channel's samples, one per row.
     */
    public double[] control(int index) {
        return control[index];
    }

    /**
     * Copies the full state at row k into {@code out}.
     *
     * @param k   row.
     * @param out (Output) length ≥ {@link StateIndex#FULL_DIM}. Modified.
     */
    public void stateAt(int k, double[] out) {
        for (int i = 0; i < StateIndex.FULL_DIM; i++) {
            out[i] = state[i][k];
        }
    }

    /**
     * Copies the command at row k into {@code out}.
     *
     * @param k   row.
     * @param out (Output) length ≥ {@link ControlIndex#DIM}. Modified.
     */
    public void controlAt(int k, double[] out) {
        for (int j = 0; j < ControlIndex.DIM; j++) {
            out[j] = control[j][k];
        }
    }
}
