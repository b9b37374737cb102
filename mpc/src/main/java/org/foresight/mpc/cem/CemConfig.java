package org.foresight.mpc.cem;

/**
 * Parameters of {@link CemPlanner}, immutable and validated in the constructor ({@link IllegalArgumentException}
 * whose one-line message names the field and its unit). Defaults in {@link #defaults()}.
 *
 * @param population      control sequences sampled per iteration K, ≥ 2.
 * @param elites          lowest-cost samples the Gaussian is refitted to E, in [1, population].
 * @param iterations      sample-and-refit iterations per control cycle, ≥ 1.
 * @param momentum        smoothing α ∈ [0, 1) of the mean and σ between iterations (dimensionless):
 *                        μ ← α·μ + (1 − α)·μ_elites, σ ← α·σ + (1 − α)·σ_elites; 0 = plain refit.
 * @param initialSigmaV   σ of the forward-speed command at the start of every plan [m/s], ≥ minSigmaV.
 * @param initialSigmaOmega σ of the yaw-rate command at the start of every plan [rad/s], ≥ minSigmaOmega.
 * @param minSigmaV       floor of the forward-speed σ after a refit [m/s], ≥ 0.
 * @param minSigmaOmega   floor of the yaw-rate σ after a refit [rad/s], ≥ 0.
 * @param horizon         steps per rollout T, ≥ 2.
 * @param dt              model step and control-sequence resolution [s], &gt; 0.
 * @param minV            lowest forward-speed command [m/s] (negative allows reversing).
 * @param maxV            highest forward-speed command [m/s], &gt; minV.
 * @param maxOmega        yaw-rate command bound |ω| ≤ maxOmega [rad/s], &gt; 0.
 * @param maxAccel        bound on the change of the speed command |Δv|/dt [m/s²], &gt; 0.
 * @param maxAlpha        bound on the change of the yaw-rate command |Δω|/dt [rad/s²], &gt; 0.
 * @param threads         worker threads including the caller, ≥ 1 (results do not depend on it).
 * @param seed            seed of the sampling streams.
 */
public record CemConfig(int population, int elites, int iterations, double momentum,
                        double initialSigmaV, double initialSigmaOmega, double minSigmaV, double minSigmaOmega,
                        int horizon, double dt, double minV, double maxV, double maxOmega,
                        double maxAccel, double maxAlpha, int threads, long seed) {

    /** Validates every field; see the record Javadoc. */
    public CemConfig {
        if (population < 2) {
            throw new IllegalArgumentException("CEM population must be >= 2 samples, got " + population);
        }
        if (elites < 1 || elites > population) {
            throw new IllegalArgumentException("CEM elites must be in [1, population = " + population + "] samples, got "
                    + elites);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("CEM iterations must be >= 1, got " + iterations);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("CEM momentum must be in [0, 1) (dimensionless), got " + momentum);
        }
        nonNegative("minSigmaV", "m/s", minSigmaV);
        nonNegative("minSigmaOmega", "rad/s", minSigmaOmega);
        atLeast("initialSigmaV", "m/s", initialSigmaV, "minSigmaV", minSigmaV);
        atLeast("initialSigmaOmega", "rad/s", initialSigmaOmega, "minSigmaOmega", minSigmaOmega);
        if (horizon < 2) {
            throw new IllegalArgumentException("CEM horizon must be >= 2 steps, got " + horizon);
        }
        positive("dt", "s", dt);
        if (!Double.isFinite(minV) || !Double.isFinite(maxV) || !(maxV > minV)) {
            throw new IllegalArgumentException("CEM speed bounds minV/maxV [m/s] must be finite with maxV > minV, got ["
                    + minV + ", " + maxV + "]");
        }
        positive("maxOmega", "rad/s", maxOmega);
        positive("maxAccel", "m/s^2", maxAccel);
        positive("maxAlpha", "rad/s^2", maxAlpha);
        if (threads < 1) {
            throw new IllegalArgumentException("CEM threads must be >= 1, got " + threads);
        }
    }

    /**
     * Defaults, PETS-like and sized so that one cycle costs about as much as MPPI's default cycle
     * (4 iterations × 500 = 2000 rollouts of 56 steps, as MPPI's 1 × 2000 × 56):
     * population 500, 50 elites (10 %), 4 iterations, momentum α = 0.1, initial σ 0.5 m/s and 1.0 rad/s (wider
     * than MPPI's fixed 0.3 / 0.6 because CEM narrows it each iteration), σ floor 0.05 m/s and 0.1 rad/s (keeps
     * the last iteration exploring), horizon 56 × 0.05 s (2.8 s), and MPPI's Jackal bounds: v ∈ [−0.5, 2.0] m/s,
     * |ω| ≤ 3.0 rad/s, 6 m/s², 12 rad/s²; one thread per core, seed 0.
     *
     * @return the defaults.
     */
    public static CemConfig defaults() {
        return new CemConfig(500, 50, 4, 0.1, 0.5, 1.0, 0.05, 0.1, 56, 0.05, -0.5, 2.0, 3.0, 6.0, 12.0,
                Runtime.getRuntime().availableProcessors(), 0L);
    }

    /** @param k new population. @param e new elite count. @return a copy with them changed. */
    public CemConfig withPopulation(int k, int e) {
        return new CemConfig(k, e, iterations, momentum, initialSigmaV, initialSigmaOmega, minSigmaV, minSigmaOmega,
                horizon, dt, minV, maxV, maxOmega, maxAccel, maxAlpha, threads, seed);
    }

    /** @param value new iteration count. @return a copy with it changed. */
    public CemConfig withIterations(int value) {
        return new CemConfig(population, elites, value, momentum, initialSigmaV, initialSigmaOmega, minSigmaV,
                minSigmaOmega, horizon, dt, minV, maxV, maxOmega, maxAccel, maxAlpha, threads, seed);
    }

    /** @param value new momentum α ∈ [0, 1). @return a copy with it changed. */
    public CemConfig withMomentum(double value) {
        return new CemConfig(population, elites, iterations, value, initialSigmaV, initialSigmaOmega, minSigmaV,
                minSigmaOmega, horizon, dt, minV, maxV, maxOmega, maxAccel, maxAlpha, threads, seed);
    }

    /**
     * @param initialV initial speed σ [m/s]. @param initialOmega initial yaw-rate σ [rad/s].
     * @param floorV speed σ floor [m/s]. @param floorOmega yaw-rate σ floor [rad/s].
     * @return a copy with the σ settings changed.
     */
    public CemConfig withSigma(double initialV, double initialOmega, double floorV, double floorOmega) {
        return new CemConfig(population, elites, iterations, momentum, initialV, initialOmega, floorV, floorOmega,
                horizon, dt, minV, maxV, maxOmega, maxAccel, maxAlpha, threads, seed);
    }

    /** @param value new horizon [steps]. @return a copy with it changed. */
    public CemConfig withHorizon(int value) {
        return new CemConfig(population, elites, iterations, momentum, initialSigmaV, initialSigmaOmega, minSigmaV,
                minSigmaOmega, value, dt, minV, maxV, maxOmega, maxAccel, maxAlpha, threads, seed);
    }

    /** @param lo lowest speed [m/s]. @param hi highest speed [m/s]. @param omega yaw-rate bound [rad/s]. @return a copy. */
    public CemConfig withBounds(double lo, double hi, double omega) {
        return new CemConfig(population, elites, iterations, momentum, initialSigmaV, initialSigmaOmega, minSigmaV,
                minSigmaOmega, horizon, dt, lo, hi, omega, maxAccel, maxAlpha, threads, seed);
    }

    /** @param accel [m/s²]. @param alpha [rad/s²]. @return a copy with the acceleration bounds changed. */
    public CemConfig withAccelBounds(double accel, double alpha) {
        return new CemConfig(population, elites, iterations, momentum, initialSigmaV, initialSigmaOmega, minSigmaV,
                minSigmaOmega, horizon, dt, minV, maxV, maxOmega, accel, alpha, threads, seed);
    }

    /** @param value new worker-thread count. @return a copy with it changed. */
    public CemConfig withThreads(int value) {
        return new CemConfig(population, elites, iterations, momentum, initialSigmaV, initialSigmaOmega, minSigmaV,
                minSigmaOmega, horizon, dt, minV, maxV, maxOmega, maxAccel, maxAlpha, value, seed);
    }

    /** @param value new sampling seed. @return a copy with it changed. */
    public CemConfig withSeed(long value) {
        return new CemConfig(population, elites, iterations, momentum, initialSigmaV, initialSigmaOmega, minSigmaV,
                minSigmaOmega, horizon, dt, minV, maxV, maxOmega, maxAccel, maxAlpha, threads, value);
    }

    private static void positive(String name, String unit, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("CEM " + name + " must be finite and > 0 " + unit + ", got " + value);
        }
    }

    private static void nonNegative(String name, String unit, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("CEM " + name + " must be finite and >= 0 " + unit + ", got " + value);
        }
    }

    private static void atLeast(String name, String unit, double value, String floorName, double floor) {
        if (!(value >= floor) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("CEM " + name + " must be finite and >= " + floorName + " = " + floor + " "
                    + unit + ", got " + value);
        }
    }
}
