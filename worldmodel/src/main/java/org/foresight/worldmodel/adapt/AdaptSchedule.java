package org.foresight.worldmodel.adapt;

/**
 * The phases of an adapter ({@link AdaptConfig}): absorbing (short memory) for
 * {@link AdaptConfig#absorbPeriods()} periods after the start and after every detected change, then settled (long
 * memory) with the {@link ChangeDetector} watching the a-priori errors. The adapter calls {@link #after} once per
 * learnt transition and acts on the answer.
 *
 * <p>Not thread-safe; allocation-free.
 */
final class AdaptSchedule {
    /** Nothing to do. */
    static final int NONE = 0;
    /** The absorb phase has ended: switch to {@link AdaptConfig#settledForgetting()}. */
    static final int SETTLE = 1;
    /** A change was detected: restart every estimator and switch to {@link AdaptConfig#forgetting()}. */
    static final int RESTART = 2;

    private final AdaptConfig config;
    private final ChangeDetector detector;
    private int left;
    private int restarts;

    /** @param channels error channels the detector watches. @param config the settings. */
    AdaptSchedule(int channels, AdaptConfig config) {
        this.config = config;
        this.detector = new ChangeDetector(channels, config.detectThreshold());
        this.left = config.absorbPeriods();
    }

    /** @return the forgetting factor to start with (settled at once when there is no absorb phase). */
    double initialForgetting() {
        return left > 0 ? config.forgetting() : config.settledForgetting();
    }

    /**
     * One learnt transition.
     *
     * @param errors the snapshot's a-priori errors per channel. Not modified.
     * @return {@link #NONE}, {@link #SETTLE} or {@link #RESTART}.
     */
    int after(double[] errors) {
        if (left > 0) {
            left--;
            if (left == 0) {
                detector.reset();
                return SETTLE;
            }
            return NONE;
        }
        if (detector.observe(errors)) {
            restarts++;
            left = config.absorbPeriods();
            if (left == 0) {
                return RESTART | SETTLE;
            }
            return RESTART;
        }
        return NONE;
    }

    /** @return whether the adapter is settled (long memory, detector watching). */
    boolean settled() {
        return left == 0;
    }

    /** @return the number of detected changes so far. */
    int restarts() {
        return restarts;
    }
}
