package org.foresight.worldmodel.model;

import java.util.List;

/**
 * Named indices of what every learned model predicts: the change of state over one control period,
 * expressed in the robot's body frame at the start of the period.
 *
 * <pre>
 *  index  name        unit   meaning
 *  0      d_forward   m      displacement along the heading θₖ
 *  1      d_lateral   m      displacement to the left of the heading
 *  2      d_theta     rad    heading change, θₖ₊₁ − θₖ (wrapped)
 *  3      d_v         m/s    vₖ₊₁ − vₖ
 *  4      d_omega     rad/s  ωₖ₊₁ − ωₖ
 * </pre>
 * The world-frame step is then (c = cos θₖ, s = sin θₖ)
 * <pre>
 *   xₖ₊₁ = xₖ + c·d_forward − s·d_lateral
 *   yₖ₊₁ = yₖ + s·d_forward + c·d_lateral
 *   θₖ₊₁ = wrap(θₖ + d_theta),  vₖ₊₁ = vₖ + d_v,  ωₖ₊₁ = ωₖ + d_omega
 * </pre>
 * so a model fitted anywhere generalises over position and heading.
 */
public final class BodyDelta {
    /** Displacement along the heading [m]. */
    public static final int FORWARD = 0;
    /** Displacement to the left of the heading [m]. */
    public static final int LATERAL = 1;
    /** Heading change [rad]. */
    public static final int THETA = 2;
    /** Forward speed change [m/s]. */
    public static final int V = 3;
    /** Yaw rate change [rad/s]. */
    public static final int OMEGA = 4;
    /** Number of outputs. */
    public static final int DIM = 5;
    /** Names in index order, as used in model files and libraries. */
    public static final List<String> NAMES = List.of("d_forward", "d_lateral", "d_theta", "d_v", "d_omega");

    private BodyDelta() {
    }
}
