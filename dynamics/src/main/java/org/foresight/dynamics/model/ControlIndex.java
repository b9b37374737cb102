package org.foresight.dynamics.model;

import java.util.List;

/**
 * Named indices into the control vector shared by every model: the commanded forward speed and yaw rate,
 * as a ROS {@code cmd_vel} Twist would carry them.
 *
 * <pre>
 *  index  name       unit
 *  0      cmd_v      m/s
 *  1      cmd_omega  rad/s
 * </pre>
 */
public final class ControlIndex {
    /** Commanded forward speed [m/s]. */
    public static final int V = 0;
    /** Commanded yaw rate [rad/s]. */
    public static final int OMEGA = 1;
    /** Number of control entries. */
    public static final int DIM = 2;
    /** Column names, in index order, as used in trajectory logs. */
    public static final List<String> NAMES = List.of("cmd_v", "cmd_omega");

    private ControlIndex() {
    }
}
