package org.foresight.mpc.mppi;

/**
 * Parameters of {@link MppiPlanner}, immutable and validated in the constructor
 * ({@link IllegalArgumentException} naming the quantity and its unit). Defaults in {@link #defaults()}.
 *
 * @param samples          rollouts per iteration K, ≥ 1.
 * @param horizon          steps per rollout T, ≥ 2.
 * @param dt               model step and control-sequence resolution [s], &gt; 0.
 * @param iterations       optimisation iterations per control cycle, ≥ 1.
 * @param temperature      softmax temperature λ (in cost units, dimensionless), &gt; 0: w_k ∝ exp(−(S_k − min S)/λ).
 * @param noiseV           standard deviation of the forward-speed command noise [m/s], ≥ 0.
 * @param noiseOmega       standard deviation of the yaw-rate command noise [rad/s], ≥ 0.
 * @param minV             lowest forward-speed command [m/s] (negative allows reversing).
 * @param maxV             highest forward-speed command [m/s], &gt; minV.
 * @param maxOmega         yaw-rate command bound |ω| ≤ maxOmega [rad/s], &gt; 0.
 * @param maxAccel         bound on the change of the speed command |Δv|/dt [m/s²], &gt; 0.
 * @param maxAlpha         bound on the change of the yaw-rate command |Δω|/dt [rad/s²], &gt; 0.
 * @param smoothingHalfWidth Savitzky–Golay (quadratic) half-width m of the 2m+1 window applied to the
 *                         optimal sequence, 0 = off, ≤ 10 [steps].
 * @param threads          worker threads including the caller, ≥ 1 (results do not depend on it).
 * @param seed             seed of the noise streams.
 * @param kernel           how samples are rolled out and scored ({@link RolloutKernel}): GENERIC (any model and
 *                         critics, double, the default) or FUSED_FLOAT (a unicycle or learned linear model and the
 *                         default critics in float SIMD lanes; fast on JDK 25, results differ by float rounding).
 */
public record MppiConfig(int samples, int horizon, double dt, int iterations, double temperature,
                         double noiseV, double noiseOmega, double minV, double maxV, double maxOmega,
                         double maxAccel, double maxAlpha, int smoothingHalfWidth, int threads, long seed,
                         RolloutKernel kernel) {

    /** Validates every field; see the record Javadoc. */
    public MppiConfig {
        if (samples < 1) {
            throw new IllegalArgumentException("MPPI samples must be >= 1, got " + samples);
        }
        if (horizon < 2) {
            throw new IllegalArgumentException("MPPI horizon must be >= 2 steps, got " + horizon);
        }
        positive("dt", "s", dt);
        if (iterations < 1) {
            throw new IllegalArgumentException("MPPI iterations must be >= 1, got " + iterations);
        }
        positive("temperature", "(cost units)", temperature);
        nonNegative("noiseV", "m/s", noiseV);
        nonNegative("noiseOmega", "rad/s", noiseOmega);
        if (!Double.isFinite(minV) || !Double.isFinite(maxV) || !(maxV > minV)) {
            throw new IllegalArgumentException("MPPI speed bounds [m/s] must be finite with maxV > minV, got ["
                    + minV + ", " + maxV + "]");
        }
        positive("maxOmega", "rad/s", maxOmega);
        positive("maxAccel", "m/s^2", maxAccel);
        positive("maxAlpha", "rad/s^2", maxAlpha);
        if (smoothingHalfWidth < 0 || smoothingHalfWidth > 10) {
            throw new IllegalArgumentException("MPPI smoothingHalfWidth must be in [0, 10] steps, got " + smoothingHalfWidth);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("MPPI threads must be >= 1, got " + threads);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("MPPI kernel must be one of " + java.util.Arrays.toString(RolloutKernel.values()));
        }
    }

    /**
     * Nav2-class defaults for the Jackal: 2000 × 56 steps of 50 ms (2.8 s), 1 iteration, λ = 0.3,
     * noise 0.3 m/s and 0.6 rad/s, v ∈ [−0.5, 2.0] m/s, |ω| ≤ 3.0 rad/s, 6 m/s², 12 rad/s², SG half-width 4,
     * one thread per core, seed 0, the generic kernel.
     *
     * @return the defaults.
     */
    public static MppiConfig defaults() {
        return new MppiConfig(2000, 56, 0.05, 1, 0.3, 0.3, 0.6, -0.5, 2.0, 3.0, 6.0, 12.0, 4,
                Runtime.getRuntime().availableProcessors(), 0L, RolloutKernel.GENERIC);
    }

    /** @param value new sample count. @return a copy with it changed. */
    public MppiConfig withSamples(int value) {
        return new MppiConfig(value, horizon, dt, iterations, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, seed, kernel);
    }

    /** @param value new horizon [steps]. @return a copy with it changed. */
    public MppiConfig withHorizon(int value) {
        return new MppiConfig(samples, value, dt, iterations, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, seed, kernel);
    }

    /** @param value new iteration count. @return a copy with it changed. */
    public MppiConfig withIterations(int value) {
        return new MppiConfig(samples, horizon, dt, value, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, seed, kernel);
    }

    /** @param value new temperature λ. @return a copy with it changed. */
    public MppiConfig withTemperature(double value) {
        return new MppiConfig(samples, horizon, dt, iterations, value, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, seed, kernel);
    }

    /** @param v new speed noise [m/s]. @param omega new yaw-rate noise [rad/s]. @return a copy with them changed. */
    public MppiConfig withNoise(double v, double omega) {
        return new MppiConfig(samples, horizon, dt, iterations, temperature, v, omega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, seed, kernel);
    }

    /** @param lo lowest speed [m/s]. @param hi highest speed [m/s]. @param omega yaw-rate bound [rad/s]. @return a copy. */
    public MppiConfig withBounds(double lo, double hi, double omega) {
        return new MppiConfig(samples, horizon, dt, iterations, temperature, noiseV, noiseOmega, lo, hi, omega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, seed, kernel);
    }

    /** @param accel [m/s²]. @param alpha [rad/s²]. @return a copy with the acceleration bounds changed. */
    public MppiConfig withAccelBounds(double accel, double alpha) {
        return new MppiConfig(samples, horizon, dt, iterations, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                accel, alpha, smoothingHalfWidth, threads, seed, kernel);
    }

    /** @param value new SG half-width [steps] (0 = off). @return a copy with it changed. */
    public MppiConfig withSmoothing(int value) {
        return new MppiConfig(samples, horizon, dt, iterations, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, value, threads, seed, kernel);
    }

    /** @param value new worker-thread count. @return a copy with it changed. */
    public MppiConfig withThreads(int value) {
        return new MppiConfig(samples, horizon, dt, iterations, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, value, seed, kernel);
    }

    /** @param value new noise seed. @return a copy with it changed. */
    public MppiConfig withSeed(long value) {
        return new MppiConfig(samples, horizon, dt, iterations, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, value, kernel);
    }

    /** @param value the rollout kernel. @return a copy with it changed. */
    public MppiConfig withKernel(RolloutKernel value) {
        return new MppiConfig(samples, horizon, dt, iterations, temperature, noiseV, noiseOmega, minV, maxV, maxOmega,
                maxAccel, maxAlpha, smoothingHalfWidth, threads, seed, value);
    }

    private static void positive(String name, String unit, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("MPPI " + name + " must be finite and > 0 " + unit + ", got " + value);
        }
    }

    private static void nonNegative(String name, String unit, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("MPPI " + name + " must be finite and >= 0 " + unit + ", got " + value);
        }
    }
}
