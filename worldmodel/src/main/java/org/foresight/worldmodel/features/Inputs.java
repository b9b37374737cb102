package org.foresight.worldmodel.features;

import java.util.List;

/**
 * Named indices of the learned models' input z = (v, ω, cmd_v, cmd_ω): the measured body-frame velocities
 * and the command. Position and heading are deliberately absent, so a model fitted in one place and
 * heading predicts the same motion anywhere.
 *
 * <pre>
 *  index  name       unit
 *  0      v          m/s
 *  1      omega      rad/s
 *  2      cmd_v      m/s
 *  3      cmd_omega  rad/s
 * </pre>
 */
public final class Inputs {
    /** Measured forward speed [m/s]. */
    public static final int V = 0;
    /** Measured yaw rate [rad/s]. */
    public static final int OMEGA = 1;
    /** Commanded forward speed [m/s]. */
    public static final int CMD_V = 2;
    /** Commanded yaw rate [rad/s]. */
    public static final int CMD_OMEGA = 3;
    /** Number of inputs. */
    public static final int DIM = 4;
    /** Names in index order. */
    public static final List<String> NAMES = List.of("v", "omega", "cmd_v", "cmd_omega");

    private Inputs() {
    }
}
