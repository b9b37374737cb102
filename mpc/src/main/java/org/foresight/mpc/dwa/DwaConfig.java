package org.foresight.mpc.dwa;

/**
 * Parameters of {@link DwaPlanner}, immutable and validated in the constructor (one
 * {@link IllegalArgumentException} naming the field and its unit). The defaults ({@link #defaults()}) are
 * the BARN harness's {@code TrajectoryPlannerROS} settings ({@code base_local_planner} with {@code dwa: true},
 * {@code meter_scoring: true}) and its costmap settings; each field names the ROS parameter it stands for.
 *
 * @param maxVelX               highest forward speed sampled, {@code max_vel_x} [m/s], &gt; 0.
 * @param minVelX               lowest forward speed sampled, {@code min_vel_x} [m/s], in [0, maxVelX].
 * @param maxVelTheta           yaw-rate bound |ω| ≤ maxVelTheta, {@code max_vel_theta} (and −{@code min_vel_theta})
 *                              [rad/s], &gt; 0.
 * @param minInPlaceVelTheta    smallest |ω| of an in-place rotation, {@code min_in_place_vel_theta} [rad/s], in
 *                              [0, maxVelTheta].
 * @param escapeVel             backing-up speed of the last resort, {@code escape_vel} [m/s], &lt; 0.
 * @param accLimX               forward acceleration limit, {@code acc_lim_x} [m/s²], &gt; 0.
 * @param accLimTheta           yaw acceleration limit, {@code acc_lim_theta} [rad/s²], &gt; 0.
 * @param simTime               forward-simulation horizon of every trajectory, {@code sim_time} [s], &gt; 0.
 * @param simGranularity        distance between simulated points, {@code sim_granularity} [m], &gt; 0.
 * @param angularSimGranularity yaw rate per extra simulated point, {@code angular_sim_granularity} [rad/s per
 *                              step; ROS divides |ω| by it without the horizon], &gt; 0.
 * @param vxSamples             forward speeds sampled across the window, {@code vx_samples}, ≥ 2.
 * @param vthetaSamples         yaw rates sampled across the window, {@code vtheta_samples}, ≥ 2.
 * @param controllerFrequency   control rate, {@code controller_frequency} [Hz], &gt; 0; its period is the time over
 *                              which the dynamic window reaches ({@code sim_period}).
 * @param pdistScale            weight of the path distance, {@code pdist_scale} [1/m], ≥ 0.
 * @param gdistScale            weight of the local-goal distance, {@code gdist_scale} [1/m], ≥ 0.
 * @param occdistScale          weight of the largest costmap cost under the footprint, {@code occdist_scale}
 *                              [per costmap unit 0..254], ≥ 0.
 * @param headingLookahead      how far ahead of an in-place rotation's end the goal distance is read,
 *                              {@code heading_lookahead} [m], ≥ 0.
 * @param oscillationResetDist  travel that clears the in-place-rotation oscillation flags,
 *                              {@code oscillation_reset_dist} [m], ≥ 0.
 * @param escapeResetDist       travel from the escape pose that ends escaping, {@code escape_reset_dist} [m], ≥ 0.
 * @param escapeResetTheta      turn from the escape pose that ends escaping, {@code escape_reset_theta} [rad], ≥ 0.
 * @param blindEscape           whether the last resort backs up even when the backward arc touches a lethal cell,
 *                              as {@code base_local_planner} does; false stops instead.
 * @param footprintLength       robot length along the heading [m], &gt; 0 (Jackal 0.42).
 * @param footprintWidth        robot width [m], &gt; 0 (Jackal 0.33).
 * @param footprintPadding      {@code footprint_padding} added on every side [m], ≥ 0.
 * @param inflationRadius       costmap {@code inflation_radius}: no cost beyond this distance from an obstacle [m],
 *                              ≥ 0.
 * @param costScalingFactor     costmap {@code cost_scaling_factor} of the inflation decay [1/m], ≥ 0.
 * @param obstacleRange         costmap {@code obstacle_range}: obstacles farther than this from the robot are not
 *                              in the local costmap [m], &gt; 0 (∞ allowed).
 * @param localCostmapSize      edge of the rolling local costmap centred on the robot [m], &gt; 0.
 * @param costmapResolution     local costmap cell edge [m], &gt; 0, at most 4000 cells per edge.
 */
public record DwaConfig(double maxVelX, double minVelX, double maxVelTheta, double minInPlaceVelTheta,
                        double escapeVel, double accLimX, double accLimTheta,
                        double simTime, double simGranularity, double angularSimGranularity,
                        int vxSamples, int vthetaSamples, double controllerFrequency,
                        double pdistScale, double gdistScale, double occdistScale, double headingLookahead,
                        double oscillationResetDist, double escapeResetDist, double escapeResetTheta,
                        boolean blindEscape,
                        double footprintLength, double footprintWidth, double footprintPadding,
                        double inflationRadius, double costScalingFactor, double obstacleRange,
                        double localCostmapSize, double costmapResolution) {

    /** Most simulated points one trajectory may take (guards the preallocated buffers). */
    public static final int MAX_TRAJECTORY_STEPS = 20_000;

    /** Validates every field; see the record Javadoc. */
    public DwaConfig {
        positive("maxVelX", "m/s", maxVelX);
        if (!(minVelX >= 0) || !(minVelX <= maxVelX)) {
            throw new IllegalArgumentException("DWA minVelX must be in [0, maxVelX = " + maxVelX + "] m/s, got " + minVelX);
        }
        positive("maxVelTheta", "rad/s", maxVelTheta);
        if (!(minInPlaceVelTheta >= 0) || !(minInPlaceVelTheta <= maxVelTheta)) {
            throw new IllegalArgumentException("DWA minInPlaceVelTheta must be in [0, maxVelTheta = " + maxVelTheta
                    + "] rad/s, got " + minInPlaceVelTheta);
        }
        if (!(escapeVel < 0) || !Double.isFinite(escapeVel)) {
            throw new IllegalArgumentException("DWA escapeVel must be finite and < 0 m/s, got " + escapeVel);
        }
        positive("accLimX", "m/s^2", accLimX);
        positive("accLimTheta", "rad/s^2", accLimTheta);
        positive("simTime", "s", simTime);
        positive("simGranularity", "m", simGranularity);
        positive("angularSimGranularity", "rad/s", angularSimGranularity);
        if (vxSamples < 2) {
            throw new IllegalArgumentException("DWA vxSamples must be >= 2, got " + vxSamples);
        }
        if (vthetaSamples < 2) {
            throw new IllegalArgumentException("DWA vthetaSamples must be >= 2, got " + vthetaSamples);
        }
        positive("controllerFrequency", "Hz", controllerFrequency);
        nonNegative("pdistScale", "1/m", pdistScale);
        nonNegative("gdistScale", "1/m", gdistScale);
        nonNegative("occdistScale", "per costmap unit", occdistScale);
        nonNegative("headingLookahead", "m", headingLookahead);
        nonNegative("oscillationResetDist", "m", oscillationResetDist);
        nonNegative("escapeResetDist", "m", escapeResetDist);
        nonNegative("escapeResetTheta", "rad", escapeResetTheta);
        positive("footprintLength", "m", footprintLength);
        positive("footprintWidth", "m", footprintWidth);
        nonNegative("footprintPadding", "m", footprintPadding);
        nonNegative("inflationRadius", "m", inflationRadius);
        nonNegative("costScalingFactor", "1/m", costScalingFactor);
        if (!(obstacleRange > 0)) {
            throw new IllegalArgumentException("DWA obstacleRange must be > 0 m, got " + obstacleRange);
        }
        positive("localCostmapSize", "m", localCostmapSize);
        positive("costmapResolution", "m", costmapResolution);
        double cells = localCostmapSize / costmapResolution;
        if (cells < 4 || cells > 4000) {
            throw new IllegalArgumentException("DWA localCostmapSize / costmapResolution must give 4..4000 cells per edge, got "
                    + localCostmapSize + " m / " + costmapResolution + " m");
        }
        double steps = Math.max(Math.max(maxVelX, -escapeVel) * simTime / simGranularity, maxVelTheta / angularSimGranularity);
        if (steps > MAX_TRAJECTORY_STEPS) {
            throw new IllegalArgumentException("DWA simTime [s], simGranularity [m] and angularSimGranularity [rad/s] give "
                    + (long) steps + " simulated points per trajectory, more than " + MAX_TRAJECTORY_STEPS);
        }
    }

    private static void positive(String name, String unit, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("DWA " + name + " must be finite and > 0 " + unit + ", got " + v);
        }
    }

    private static void nonNegative(String name, String unit, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("DWA " + name + " must be finite and >= 0 " + unit + ", got " + v);
        }
    }

    /**
     * The BARN harness's DWA: max_vel_x 0.5 m/s, min_vel_x 0.1 m/s, max_vel_theta 1.57 rad/s,
     * min_in_place_vel_theta 0.314 rad/s, escape_vel −0.5 m/s, acc_lim_x 10 m/s², acc_lim_theta 20 rad/s²,
     * sim_time 2.0 s, sim_granularity 0.02 m, angular_sim_granularity 0.02 rad/s, 6 × 20 samples at 20 Hz,
     * pdist_scale 0.75, gdist_scale 1.0, occdist_scale 0.1 (meter scoring), heading_lookahead 0.325 m,
     * oscillation_reset_dist 0.05 m, escape_reset_dist 0.1 m, escape_reset_theta 0.1 rad, blind escape on;
     * the Jackal's 0.42 × 0.33 m footprint padded by 0.1 m, inflation radius 0.30 m, cost_scaling_factor 10 /m
     * (costmap_2d's default), obstacle range 2.5 m, a rolling 10 × 10 m local costmap at 0.05 m.
     *
     * @return the defaults.
     */
    public static DwaConfig defaults() {
        return new DwaConfig(0.5, 0.1, 1.57, 0.314, -0.5, 10.0, 20.0,
                2.0, 0.02, 0.02, 6, 20, 20.0,
                0.75, 1.0, 0.1, 0.325,
                0.05, 0.1, 0.1, true,
                0.42, 0.33, 0.1, 0.30, 10.0, 2.5,
                10.0, 0.05);
    }

    /** @param v new max_vel_x [m/s]. @return a copy with it changed. */
    public DwaConfig withMaxVelX(double v) {
        return new DwaConfig(v, minVelX, maxVelTheta, minInPlaceVelTheta, escapeVel, accLimX, accLimTheta, simTime,
                simGranularity, angularSimGranularity, vxSamples, vthetaSamples, controllerFrequency, pdistScale,
                gdistScale, occdistScale, headingLookahead, oscillationResetDist, escapeResetDist, escapeResetTheta,
                blindEscape, footprintLength, footprintWidth, footprintPadding, inflationRadius, costScalingFactor,
                obstacleRange, localCostmapSize, costmapResolution);
    }

    /** @param on whether the last resort backs up through lethal cells. @return a copy with it changed. */
    public DwaConfig withBlindEscape(boolean on) {
        return new DwaConfig(maxVelX, minVelX, maxVelTheta, minInPlaceVelTheta, escapeVel, accLimX, accLimTheta, simTime,
                simGranularity, angularSimGranularity, vxSamples, vthetaSamples, controllerFrequency, pdistScale,
                gdistScale, occdistScale, headingLookahead, oscillationResetDist, escapeResetDist, escapeResetTheta,
                on, footprintLength, footprintWidth, footprintPadding, inflationRadius, costScalingFactor,
                obstacleRange, localCostmapSize, costmapResolution);
    }

    /** @param range new obstacle range [m] (∞: the whole window). @return a copy with it changed. */
    public DwaConfig withObstacleRange(double range) {
        return new DwaConfig(maxVelX, minVelX, maxVelTheta, minInPlaceVelTheta, escapeVel, accLimX, accLimTheta, simTime,
                simGranularity, angularSimGranularity, vxSamples, vthetaSamples, controllerFrequency, pdistScale,
                gdistScale, occdistScale, headingLookahead, oscillationResetDist, escapeResetDist, escapeResetTheta,
                blindEscape, footprintLength, footprintWidth, footprintPadding, inflationRadius, costScalingFactor,
                range, localCostmapSize, costmapResolution);
    }

    /** @return the control period 1/controllerFrequency over which the dynamic window reaches [s]. */
    public double controlPeriod() {
        return 1.0 / controllerFrequency;
    }

    /** @return the padded footprint's length [m]. */
    public double paddedLength() {
        return footprintLength + 2 * footprintPadding;
    }

    /** @return the padded footprint's width [m]. */
    public double paddedWidth() {
        return footprintWidth + 2 * footprintPadding;
    }

    /** @return the padded footprint's inscribed radius, where costmap cells become "inscribed" [m]. */
    public double inscribedRadius() {
        return 0.5 * Math.min(paddedLength(), paddedWidth());
    }

    /** @return the padded footprint's circumscribed radius [m]. */
    public double circumscribedRadius() {
        return Math.hypot(0.5 * paddedLength(), 0.5 * paddedWidth());
    }

    /** @return cells per edge of the local costmap. */
    public int costmapCells() {
        return (int) Math.round(localCostmapSize / costmapResolution);
    }

    /**
     * Simulated points of a trajectory sampled at (vx, vθ), as base_local_planner counts them:
     * max(|vx|·simTime/simGranularity, |vθ|/angularSimGranularity) rounded, at least 1.
     *
     * @param vx     sampled forward speed [m/s].
     * @param vtheta sampled yaw rate [rad/s].
     * @return the number of points.
     */
    public int trajectorySteps(double vx, double vtheta) {
        int n = (int) (Math.max(Math.abs(vx) * simTime / simGranularity, Math.abs(vtheta) / angularSimGranularity) + 0.5);
        return Math.max(1, n);
    }

    /** @return the most points any sampled trajectory takes. */
    public int maxTrajectorySteps() {
        return Math.max(trajectorySteps(Math.max(maxVelX, -escapeVel), maxVelTheta), trajectorySteps(0, maxVelTheta));
    }
}
