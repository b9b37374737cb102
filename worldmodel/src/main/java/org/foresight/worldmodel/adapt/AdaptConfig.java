package org.foresight.worldmodel.adapt;

/**
 * Settings of online adaptation ({@link OnlineAdapter}). Immutable; validated in the constructor.
 *
 * <p>An adapter runs in two phases. After its start and after every change of the robot that its
 * {@link ChangeDetector} finds, it <em>absorbs</em>: for {@code absorbPeriods} control periods it forgets with
 * {@code forgetting} (short memory, fast tracking). Then it <em>settles</em>: it forgets with
 * {@code settledForgetting} (long memory, a quiet estimate) and the detector watches its a-priori errors. A
 * detected change restarts every {@link Rls} from the offline coefficients with a fresh covariance, so that
 * the data of the robot before the change no longer weigh on the estimate.
 *
 * @param forgetting        RLS forgetting factor λ while absorbing, in (0, 1) ({@link Rls}): memory about
 *                          1/(1 − λ) control periods (0.9: 10 periods, 0.5 s at 50 ms).
 * @param settledForgetting λ once settled, in (0, 1) (0.99: 100 periods, 5 s at 50 ms).
 * @param p0                initial covariance P₀ = p₀·I of every RLS, relative to the output's noise variance,
 *                          &gt; 0 and finite: how little the offline coefficients are trusted once data arrive
 *                          (large: little).
 * @param hysteresis        a candidate structural constant (physics kind: the clamps of stage 1) replaces the one
 *                          in use only when its discounted error is below this fraction of the current one's, in
 *                          (0, 1].
 * @param detectThreshold   the change detector's threshold k &gt; 1 on the a-priori error, in units of its
 *                          long-run RMS ({@link ChangeDetector}); +∞ turns detection (and restarts) off.
 * @param absorbPeriods     control periods of short memory after the start and after a detected change, in
 *                          [0, 10000].
 */
public record AdaptConfig(double forgetting, double settledForgetting, double p0, double hysteresis,
                          double detectThreshold, int absorbPeriods) {
    /** Validates the fields. */
    public AdaptConfig {
        if (!(forgetting > 0 && forgetting < 1)) {
            throw new IllegalArgumentException("adaptation forgetting factor must be in (0, 1), got " + forgetting);
        }
        if (!(settledForgetting > 0 && settledForgetting < 1)) {
            throw new IllegalArgumentException("adaptation settled forgetting factor must be in (0, 1), got "
                    + settledForgetting);
        }
        if (!(p0 > 0) || !Double.isFinite(p0)) {
            throw new IllegalArgumentException("adaptation initial covariance p0 must be finite and > 0, got " + p0);
        }
        if (!(hysteresis > 0 && hysteresis <= 1)) {
            throw new IllegalArgumentException("adaptation hysteresis must be in (0, 1], got " + hysteresis);
        }
        if (!(detectThreshold > 1)) {
            throw new IllegalArgumentException("adaptation change-detection threshold must be > 1 (or inf for off), got "
                    + detectThreshold);
        }
        if (absorbPeriods < 0 || absorbPeriods > 10_000) {
            throw new IllegalArgumentException("adaptation absorb periods must be in [0, 10000], got " + absorbPeriods);
        }
    }

    /** Default forgetting factor while absorbing. */
    public static final double FORGETTING = 0.9;
    /** Default forgetting factor once settled. */
    public static final double SETTLED_FORGETTING = 0.99;
    /** Default change-detection threshold. */
    public static final double DETECT_THRESHOLD = 4.0;
    /** Default absorb phase [control periods]. */
    public static final int ABSORB_PERIODS = 20;

    /**
     * λ = 0.9 while absorbing (memory 0.5 s at 20 Hz) for 20 periods (1 s), then λ = 0.99 (5 s); p₀ = 100,
     * hysteresis 0.9, detection at 4× the long-run RMS error: the best tried on {@code AdaptationRecoveryTest}'s
     * change (README).
     *
     * @return the defaults.
     */
    public static AdaptConfig defaults() {
        return new AdaptConfig(FORGETTING, SETTLED_FORGETTING, 100.0, 0.9, DETECT_THRESHOLD, ABSORB_PERIODS);
    }

    /** @param lambda the forgetting factor while absorbing. @return a copy with it changed. */
    public AdaptConfig withForgetting(double lambda) {
        return new AdaptConfig(lambda, settledForgetting, p0, hysteresis, detectThreshold, absorbPeriods);
    }

    /** @param lambda the forgetting factor once settled. @return a copy with it changed. */
    public AdaptConfig withSettledForgetting(double lambda) {
        return new AdaptConfig(forgetting, lambda, p0, hysteresis, detectThreshold, absorbPeriods);
    }

    /** @param k the change-detection threshold (+∞: off). @return a copy with it changed. */
    public AdaptConfig withDetectThreshold(double k) {
        return new AdaptConfig(forgetting, settledForgetting, p0, hysteresis, k, absorbPeriods);
    }

    /** @param periods the absorb phase. @return a copy with it changed. */
    public AdaptConfig withAbsorbPeriods(int periods) {
        return new AdaptConfig(forgetting, settledForgetting, p0, hysteresis, detectThreshold, periods);
    }
}
