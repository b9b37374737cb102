package org.foresight.worldmodel.adapt;

/**
 * Settings of online adaptation ({@link OnlineAdapter}). Immutable; validated in the constructor.
 *
 * @param forgetting  RLS forgetting factor λ in (0, 1) ({@link Rls}): memory about 1/(1 − λ) control periods
 *                    (0.9: 10 periods, 0.5 s at 50 ms).
 * @param p0          initial covariance P₀ = p₀·I of every RLS, relative to the output's noise variance, &gt; 0:
 *                    how little the offline coefficients are trusted once data arrive (large: little).
 * @param hysteresis  a candidate structural constant (physics kind: the per-period change limits D_v, D_ω) replaces
 *                    the one in use only when its discounted error is below this fraction of the current one's,
 *                    in (0, 1].
 */
public record AdaptConfig(double forgetting, double p0, double hysteresis) {
    /** Validates the fields. */
    public AdaptConfig {
        if (!(forgetting > 0 && forgetting < 1)) {
            throw new IllegalArgumentException("adaptation forgetting factor must be in (0, 1), got " + forgetting);
        }
        if (!(p0 > 0) || !Double.isFinite(p0)) {
            throw new IllegalArgumentException("adaptation initial covariance p0 must be finite and > 0, got " + p0);
        }
        if (!(hysteresis > 0 && hysteresis <= 1)) {
            throw new IllegalArgumentException("adaptation hysteresis must be in (0, 1], got " + hysteresis);
        }
    }

    /**
     * λ = 0.9 (memory 0.5 s at 20 Hz), p₀ = 100, hysteresis 0.9: the best of λ ∈ {0.85 … 0.99} × p₀ ∈ {10, 100,
     * 1000} on {@code AdaptationRecoveryTest}'s change.
     *
     * @return the defaults.
     */
    public static AdaptConfig defaults() {
        return new AdaptConfig(0.9, 100.0, 0.9);
    }

    /** @param lambda the forgetting factor. @return a copy with it changed. */
    public AdaptConfig withForgetting(double lambda) {
        return new AdaptConfig(lambda, p0, hysteresis);
    }
}
