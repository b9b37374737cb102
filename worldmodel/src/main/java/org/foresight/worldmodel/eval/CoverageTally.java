package org.foresight.worldmodel.eval;

/**
 * Counts how often a prediction's error falls within ±k·σ of its stated spread, per state channel and per
 * horizon, and keeps the root-mean-square spread and error beside it:
 * <pre>
 *   coverage_i,h = #{ |e| ≤ k·σ } / N_i,h        σ_rms = √(Σσ²/N)      e_rms = √(Σe²/N)
 * </pre>
 * For a well-calibrated Gaussian spread and k = 2 the coverage is 95.4 %; below it the spread is
 * over-confident, above it under-confident. Mutable, not thread-safe; {@link #add} allocates nothing.
 */
public final class CoverageTally {
    private final int channels;
    private final int horizons;
    private final double k;
    private final long[] inside;
    private final long[] count;
    private final double[] sigmaSq;
    private final double[] errorSq;

    /**
     * @param channels number of state channels, ≥ 1.
     * @param horizons number of horizons, ≥ 1.
     * @param k        half-width of the interval in standard deviations, &gt; 0 (2 for ±2σ).
     */
    public CoverageTally(int channels, int horizons, double k) {
        if (channels < 1 || horizons < 1 || !(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("coverage tally needs ≥ 1 channel, ≥ 1 horizon and k > 0, got "
                    + channels + ", " + horizons + ", " + k);
        }
        this.channels = channels;
        this.horizons = horizons;
        this.k = k;
        int n = channels * horizons;
        inside = new long[n];
        count = new long[n];
        sigmaSq = new double[n];
        errorSq = new double[n];
    }

    /**
     * Records one prediction.
     *
     * @param channel state channel.
     * @param horizon horizon index.
     * @param error   truth − prediction, in the channel's unit (heading wrapped).
     * @param sigma   the predicted standard deviation, same unit, ≥ 0. A non-finite pair is ignored.
     */
    public void add(int channel, int horizon, double error, double sigma) {
        if (!Double.isFinite(error) || !Double.isFinite(sigma)) {
            return;
        }
        int i = horizon * channels + channel;
        count[i]++;
        if (Math.abs(error) <= k * sigma) {
            inside[i]++;
        }
        sigmaSq[i] += sigma * sigma;
        errorSq[i] += error * error;
    }

    /** @return the interval's half-width in standard deviations. */
    public double k() {
        return k;
    }

    /** @param channel channel. @param horizon horizon index. @return samples recorded. */
    public long count(int channel, int horizon) {
        return count[horizon * channels + channel];
    }

    /** @param channel channel. @param horizon horizon index. @return coverage in %, NaN without samples. */
    public double coveragePercent(int channel, int horizon) {
        int i = horizon * channels + channel;
        return count[i] == 0 ? Double.NaN : 100.0 * inside[i] / count[i];
    }

    /** @param channel channel. @param horizon horizon index. @return RMS predicted σ, NaN without samples. */
    public double sigmaRms(int channel, int horizon) {
        int i = horizon * channels + channel;
        return count[i] == 0 ? Double.NaN : Math.sqrt(sigmaSq[i] / count[i]);
    }

    /** @param channel channel. @param horizon horizon index. @return RMS error, NaN without samples. */
    public double errorRms(int channel, int horizon) {
        int i = horizon * channels + channel;
        return count[i] == 0 ? Double.NaN : Math.sqrt(errorSq[i] / count[i]);
    }

    /** @return number of channels. */
    public int channels() {
        return channels;
    }

    /** @return number of horizons. */
    public int horizons() {
        return horizons;
    }
}
