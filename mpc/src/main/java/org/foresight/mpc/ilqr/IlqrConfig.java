package org.foresight.mpc.ilqr;

/**
 * Parameters of {@link IlqrPlanner}, immutable and validated in the constructor ({@link IllegalArgumentException}
 * whose one-line message names the field and its unit). Defaults in {@link #defaults()}.
 *
 * <p>Costs are dimensionless; each weight's unit is "cost per" the quantity named, summed over the horizon's
 * steps. The planner is single-threaded and deterministic (no sampling), so it has no thread count and no seed.
 *
 * @param horizon                 steps of the optimised control sequence T, ≥ 2.
 * @param dt                      model step and control resolution [s], &gt; 0.
 * @param maxIterations           iLQR iterations (backward + forward pass) per control cycle, ≥ 1.
 * @param minV                    lowest forward-speed command [m/s] (negative allows reversing).
 * @param maxV                    highest forward-speed command [m/s], &gt; minV.
 * @param maxOmega                yaw-rate command bound |ω| ≤ maxOmega [rad/s], &gt; 0.
 * @param referenceSpeed          speed at which the tracked reference runs along the guide [m/s], &gt; 0.
 * @param trackingWeight          per m² of squared distance between the predicted position and the reference,
 *                                per step, ≥ 0.
 * @param terminalWeight          extra weight on the last step's squared distance to the reference (the goal
 *                                once it is within reach) per m², ≥ 0.
 * @param obstacleWeight          barrier w·max(0, margin − d)² on the SDF d at the robot's centre, per m² per
 *                                step, ≥ 0.
 * @param obstacleMargin          clearance d below which the barrier costs [m], &gt; 0.
 * @param effortWeightV           per (m/s)² of the speed command, per step, ≥ 0.
 * @param effortWeightOmega       per (rad/s)² of the yaw-rate command, per step, ≥ 0.
 * @param rateWeightV             per (m/s)² of the change of the speed command between steps, ≥ 0.
 * @param rateWeightOmega         per (rad/s)² of the change of the yaw-rate command between steps, ≥ 0.
 * @param muInitial               Levenberg–Marquardt regularisation μ at the start of every plan (cost per
 *                                control²), in [muMin, muMax].
 * @param muFactor                factor μ grows by after a failed pass and shrinks by after a success, &gt; 1.
 * @param muMin                   floor of μ, ≥ 0.
 * @param muMax                   ceiling of μ: above it the iterations stop, &gt; muMin.
 * @param lineSearchSteps         step sizes tried per iteration, α = 1, ½, ¼, … (this many), ≥ 1.
 * @param armijo                  accepted when the actual cost decrease ≥ armijo × the predicted one
 *                                (dimensionless), in (0, 1).
 * @param convergenceTolerance    stop when the predicted (or achieved) decrease is below this fraction of the
 *                                cost (dimensionless), ≥ 0.
 * @param safetyRadius            the final rollout collides where the SDF at the robot's centre falls below
 *                                this [m] (about the footprint's inradius), &gt; 0, &lt; obstacleMargin.
 * @param finiteDifferenceJacobians use central differences even when the model has analytic Jacobians.
 */
public record IlqrConfig(int horizon, double dt, int maxIterations, double minV, double maxV, double maxOmega,
                         double referenceSpeed, double trackingWeight, double terminalWeight, double obstacleWeight,
                         double obstacleMargin, double effortWeightV, double effortWeightOmega, double rateWeightV,
                         double rateWeightOmega, double muInitial, double muFactor, double muMin, double muMax,
                         int lineSearchSteps, double armijo, double convergenceTolerance, double safetyRadius,
                         boolean finiteDifferenceJacobians) {

    /** Validates every field; see the record Javadoc. */
    public IlqrConfig {
        if (horizon < 2) {
            throw new IllegalArgumentException("iLQR horizon must be >= 2 steps, got " + horizon);
        }
        positive("dt", "s", dt);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("iLQR maxIterations must be >= 1, got " + maxIterations);
        }
        if (!Double.isFinite(minV) || !Double.isFinite(maxV) || !(maxV > minV)) {
            throw new IllegalArgumentException("iLQR speed bounds minV/maxV [m/s] must be finite with maxV > minV, got ["
                    + minV + ", " + maxV + "]");
        }
        positive("maxOmega", "rad/s", maxOmega);
        positive("referenceSpeed", "m/s", referenceSpeed);
        nonNegative("trackingWeight", "per m^2", trackingWeight);
        nonNegative("terminalWeight", "per m^2", terminalWeight);
        nonNegative("obstacleWeight", "per m^2", obstacleWeight);
        positive("obstacleMargin", "m", obstacleMargin);
        nonNegative("effortWeightV", "per (m/s)^2", effortWeightV);
        nonNegative("effortWeightOmega", "per (rad/s)^2", effortWeightOmega);
        nonNegative("rateWeightV", "per (m/s)^2", rateWeightV);
        nonNegative("rateWeightOmega", "per (rad/s)^2", rateWeightOmega);
        nonNegative("muMin", "(cost per control^2)", muMin);
        if (!(muMax > muMin) || !Double.isFinite(muMax)) {
            throw new IllegalArgumentException("iLQR muMax must be finite and > muMin = " + muMin
                    + " (cost per control^2), got " + muMax);
        }
        if (!(muInitial >= muMin && muInitial <= muMax)) {
            throw new IllegalArgumentException("iLQR muInitial must be in [muMin, muMax] = [" + muMin + ", " + muMax
                    + "] (cost per control^2), got " + muInitial);
        }
        if (!(muFactor > 1) || !Double.isFinite(muFactor)) {
            throw new IllegalArgumentException("iLQR muFactor must be finite and > 1 (dimensionless), got " + muFactor);
        }
        if (lineSearchSteps < 1 || lineSearchSteps > 30) {
            throw new IllegalArgumentException("iLQR lineSearchSteps must be in [1, 30], got " + lineSearchSteps);
        }
        if (!(armijo > 0 && armijo < 1)) {
            throw new IllegalArgumentException("iLQR armijo must be in (0, 1) (dimensionless), got " + armijo);
        }
        nonNegative("convergenceTolerance", "(dimensionless)", convergenceTolerance);
        positive("safetyRadius", "m", safetyRadius);
        if (!(safetyRadius < obstacleMargin)) {
            throw new IllegalArgumentException("iLQR safetyRadius must be < obstacleMargin = " + obstacleMargin
                    + " m, got " + safetyRadius);
        }
    }

    /**
     * Defaults for the Jackal in BARN worlds: 40 steps × 0.05 s (2 s), 10 iterations, MPPI's bounds
     * v ∈ [−0.5, 2.0] m/s and |ω| ≤ 3.0 rad/s, reference at 1.0 m/s along the guide, tracking 1 per m² per
     * step, terminal 10 per m², barrier 200 per m² below 0.35 m of clearance, effort 0 per (m/s)² and 0.01 per
     * (rad/s)², rate 0.05 per (m/s)² and 0.02 per (rad/s)², μ starting at 1e-3 (×/÷ 10, within [1e-8, 1e6]),
     * 8 line-search steps (down to α = 1/128), Armijo 0.01, tolerance 1e-4, safety radius 0.2 m, analytic
     * Jacobians where the model has them.
     *
     * @return the defaults.
     */
    public static IlqrConfig defaults() {
        return new IlqrConfig(40, 0.05, 10, -0.5, 2.0, 3.0,
                1.0, 1.0, 10.0, 200.0, 0.35,
                0.0, 0.01, 0.05, 0.02,
                1e-3, 10.0, 1e-8, 1e6,
                8, 0.01, 1e-4, 0.2, false);
    }

    /** @param value new horizon [steps]. @return a copy with it changed. */
    public IlqrConfig withHorizon(int value) {
        return new IlqrConfig(value, dt, maxIterations, minV, maxV, maxOmega, referenceSpeed, trackingWeight,
                terminalWeight, obstacleWeight, obstacleMargin, effortWeightV, effortWeightOmega, rateWeightV,
                rateWeightOmega, muInitial, muFactor, muMin, muMax, lineSearchSteps, armijo, convergenceTolerance,
                safetyRadius, finiteDifferenceJacobians);
    }

    /** @param value new iteration budget. @return a copy with it changed. */
    public IlqrConfig withMaxIterations(int value) {
        return new IlqrConfig(horizon, dt, value, minV, maxV, maxOmega, referenceSpeed, trackingWeight,
                terminalWeight, obstacleWeight, obstacleMargin, effortWeightV, effortWeightOmega, rateWeightV,
                rateWeightOmega, muInitial, muFactor, muMin, muMax, lineSearchSteps, armijo, convergenceTolerance,
                safetyRadius, finiteDifferenceJacobians);
    }

    /** @param lo lowest speed [m/s]. @param hi highest speed [m/s]. @param omega yaw-rate bound [rad/s]. @return a copy. */
    public IlqrConfig withBounds(double lo, double hi, double omega) {
        return new IlqrConfig(horizon, dt, maxIterations, lo, hi, omega, referenceSpeed, trackingWeight,
                terminalWeight, obstacleWeight, obstacleMargin, effortWeightV, effortWeightOmega, rateWeightV,
                rateWeightOmega, muInitial, muFactor, muMin, muMax, lineSearchSteps, armijo, convergenceTolerance,
                safetyRadius, finiteDifferenceJacobians);
    }

    /** @param value new reference speed [m/s]. @return a copy with it changed. */
    public IlqrConfig withReferenceSpeed(double value) {
        return new IlqrConfig(horizon, dt, maxIterations, minV, maxV, maxOmega, value, trackingWeight,
                terminalWeight, obstacleWeight, obstacleMargin, effortWeightV, effortWeightOmega, rateWeightV,
                rateWeightOmega, muInitial, muFactor, muMin, muMax, lineSearchSteps, armijo, convergenceTolerance,
                safetyRadius, finiteDifferenceJacobians);
    }

    /** @param weight barrier weight per m². @param margin clearance that starts costing [m]. @return a copy. */
    public IlqrConfig withObstacle(double weight, double margin) {
        return new IlqrConfig(horizon, dt, maxIterations, minV, maxV, maxOmega, referenceSpeed, trackingWeight,
                terminalWeight, weight, margin, effortWeightV, effortWeightOmega, rateWeightV,
                rateWeightOmega, muInitial, muFactor, muMin, muMax, lineSearchSteps, armijo, convergenceTolerance,
                safetyRadius, finiteDifferenceJacobians);
    }

    /** @param value new convergence tolerance (dimensionless). @return a copy with it changed. */
    public IlqrConfig withConvergenceTolerance(double value) {
        return new IlqrConfig(horizon, dt, maxIterations, minV, maxV, maxOmega, referenceSpeed, trackingWeight,
                terminalWeight, obstacleWeight, obstacleMargin, effortWeightV, effortWeightOmega, rateWeightV,
                rateWeightOmega, muInitial, muFactor, muMin, muMax, lineSearchSteps, armijo, value,
                safetyRadius, finiteDifferenceJacobians);
    }

    /** @param value whether to force central-difference Jacobians. @return a copy with it changed. */
    public IlqrConfig withFiniteDifferenceJacobians(boolean value) {
        return new IlqrConfig(horizon, dt, maxIterations, minV, maxV, maxOmega, referenceSpeed, trackingWeight,
                terminalWeight, obstacleWeight, obstacleMargin, effortWeightV, effortWeightOmega, rateWeightV,
                rateWeightOmega, muInitial, muFactor, muMin, muMax, lineSearchSteps, armijo, convergenceTolerance,
                safetyRadius, value);
    }

    private static void positive(String name, String unit, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("iLQR " + name + " must be finite and > 0 " + unit + ", got " + value);
        }
    }

    private static void nonNegative(String name, String unit, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("iLQR " + name + " must be finite and >= 0 " + unit + ", got " + value);
        }
    }
}
