package org.foresight.dynamics.model;

/**
 * Named indices into the robot's state vector, the one place the layout is defined.
 *
 * <pre>
 *  index  name    unit   meaning
 *  0      x       m      position, world frame
 *  1      y       m      position, world frame
 *  2      theta   rad    heading, counter-clockwise from +x, wrapped to (−π, π]
 *  3      v       m/s    forward (body-frame x) speed
 *  4      omega   rad/s  yaw rate
 * </pre>
 *
 * A pose-only model (e.g. {@link Unicycle}) uses the first {@link #POSE_DIM} entries; the Jackal and the
 * learned models use all {@link #FULL_DIM}.
 */
public final class StateIndex {
    /** x position [m]. */
    public static final int X = 0;
    /** y position [m]. */
    public static final int Y = 1;
    /** Heading θ [rad]. */
    public static final int THETA = 2;
    /** Forward speed v [m/s]. */
    public static final int V = 3;
    /** Yaw rate ω [rad/s]. */
    public static final int OMEGA = 4;
    /** Entries of a pose-only state (x, y, θ). */
    public static final int POSE_DIM = 3;
    /** Entries of the full measured state (x, y, θ, v, ω). */
    public static final int FULL_DIM = 5;

    /** Column names of the full state, in index order, as used in trajectory logs. */
    public static final java.util.List<String> FULL_NAMES = java.util.List.of("x", "y", "theta", "v", "omega");
    /** Column names of the pose state. */
    public static final java.util.List<String> POSE_NAMES = java.util.List.of("x", "y", "theta");

    private StateIndex() {
    }
}
