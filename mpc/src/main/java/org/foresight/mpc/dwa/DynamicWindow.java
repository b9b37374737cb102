package org.foresight.mpc.dwa;

/**
 * The dynamic window of one DWA cycle: the forward speeds and yaw rates reachable within one control period
 * T = 1/controllerFrequency from the measured velocity (v, ω), intersected with the speed limits:
 * <pre>
 *   vx ∈ [max(minVelX, v − a_x·T),  max(min(maxVelX, d_goal/simTime, v + a_x·T), minVelX)]
 *   vθ ∈ [max(−maxVelTheta, ω − a_θ·T),  min(maxVelTheta, ω + a_θ·T)]
 * </pre>
 * where d_goal is the distance to the last point of the (windowed) guide, as base_local_planner slows for it.
 * Two floors may exceed the reach of the acceleration limits, as in ROS: the forward window never drops below
 * minVelX (a robot backing up still samples minVelX forward), and in-place rotations are raised to
 * minInPlaceVelTheta. A measured velocity beyond a limit (the window would be empty) collapses the window onto
 * that limit. Besides the window's yaw rates, the planner (like ROS) always samples the straight arc vθ = 0 at
 * every forward speed, even when 0 lies outside [minVtheta, maxVtheta]; its simulated yaw rate still ramps
 * at the acceleration limit. Mutable and allocation-free; one per planner.
 */
public final class DynamicWindow {
    /** Lowest forward speed sampled [m/s]. */
    public double minVx;
    /** Highest forward speed sampled [m/s]. */
    public double maxVx;
    /** Lowest yaw rate sampled [rad/s]. */
    public double minVtheta;
    /** Highest yaw rate sampled [rad/s]. */
    public double maxVtheta;

    /**
     * Sets the window from the measured velocity.
     *
     * @param c            parameters.
     * @param vx           measured forward speed [m/s].
     * @param vtheta       measured yaw rate [rad/s].
     * @param goalDistance distance to the guide's last windowed point [m] (∞ or NaN: no slow-down).
     */
    public void set(DwaConfig c, double vx, double vtheta, double goalDistance) {
        double period = c.controlPeriod();
        double top = c.maxVelX();
        if (goalDistance >= 0 && goalDistance < Double.POSITIVE_INFINITY) {
            top = Math.min(top, goalDistance / c.simTime());
        }
        maxVx = Math.max(Math.min(top, vx + c.accLimX() * period), c.minVelX());
        minVx = Math.max(c.minVelX(), vx - c.accLimX() * period);
        if (minVx > maxVx) {
            minVx = maxVx; // faster than the cap: sample only the cap (ROS would sweep an inverted range)
        }
        maxVtheta = Math.min(c.maxVelTheta(), vtheta + c.accLimTheta() * period);
        minVtheta = Math.max(-c.maxVelTheta(), vtheta - c.accLimTheta() * period);
        if (minVtheta > maxVtheta) {
            if (vtheta > 0) {
                minVtheta = maxVtheta;
            } else {
                maxVtheta = minVtheta;
            }
        }
    }

    /** @param n samples across the window, ≥ 2. @return the forward-speed step [m/s]. */
    public double vxStep(int n) {
        return (maxVx - minVx) / (n - 1);
    }

    /** @param n samples across the window, ≥ 2. @return the yaw-rate step [rad/s]. */
    public double vthetaStep(int n) {
        return (maxVtheta - minVtheta) / (n - 1);
    }

    @Override
    public String toString() {
        return "DynamicWindow[vx " + minVx + ".." + maxVx + " m/s, vtheta " + minVtheta + ".." + maxVtheta + " rad/s]";
    }
}
