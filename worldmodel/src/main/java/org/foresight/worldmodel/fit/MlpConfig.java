package org.foresight.worldmodel.fit;

/**
 * Training settings of the MLP ({@link MlpTrainer}). Defaults in {@link #defaults()}.
 *
 * @param width            neurons per hidden layer, 1..256.
 * @param depth            hidden layers, 1..4.
 * @param oneStepSamples   one-step pairs to train on in phase 1 (epochs = this / training pairs, at least 1).
 * @param rolloutSamples   rollout steps to train on in phase 2 (windows × steps; at least one pass).
 * @param rolloutSteps     steps per rollout window in phase 2 (the multi-step loss), ≥ 1.
 * @param batchSize        samples (phase 1) or windows (phase 2) per Adam step, ≥ 1.
 * @param learningRate     Adam's initial step size, decayed linearly to a tenth, &gt; 0.
 * @param threads          worker threads for the gradient (results do not depend on it), ≥ 1.
 */
public record MlpConfig(int width, int depth, long oneStepSamples, long rolloutSamples, int rolloutSteps,
                        int batchSize, double learningRate, int threads) {

    /** Validates every field. */
    public MlpConfig {
        if (width < 1 || width > 256) {
            throw new IllegalArgumentException("MLP width must be in 1..256 neurons, got " + width);
        }
        if (depth < 1 || depth > 4) {
            throw new IllegalArgumentException("MLP depth must be in 1..4 hidden layers, got " + depth);
        }
        if (oneStepSamples < 0 || rolloutSamples < 0) {
            throw new IllegalArgumentException("MLP sample budgets must be >= 0");
        }
        if (rolloutSteps < 1) {
            throw new IllegalArgumentException("MLP rollout steps must be >= 1, got " + rolloutSteps);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("MLP batch size must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("MLP learning rate must be > 0, got " + learningRate);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("MLP threads must be >= 1, got " + threads);
        }
    }

    /**
     * 2 hidden layers of 32 tanh neurons; 1.5 M one-step samples then 1.5 M rollout steps in windows of
     * 20 steps (1 s); batches of 128 samples / 16 windows; learning rate 3e-3; 2 threads.
     *
     * @return the defaults.
     */
    public static MlpConfig defaults() {
        return new MlpConfig(32, 2, 1_500_000, 1_500_000, 20, 128, 3e-3, 2);
    }

    /**
     * @param samples new one-step and rollout budgets (each).
     * @return a copy with both budgets changed.
     */
    public MlpConfig withBudget(long samples) {
        return new MlpConfig(width, depth, samples, samples, rolloutSteps, batchSize, learningRate, threads);
    }
}
