package org.foresight.worldmodel.adapt;

import java.util.Arrays;

/**
 * Finds a change of the robot in an adapter's a-priori one-step errors: a robust test of a short window against
 * the long-run level. Per channel c (e.g. v and ω) it keeps the last {@link #WINDOW} squared errors and, from
 * the errors that have left that window, a long-run mean square
 * <pre>
 *   s_c ← a·s_c + e²,   n ← a·n + 1,   σ²_c = s_c / n        (a = {@link #LONG_RUN}: about 100 periods)
 * </pre>
 * A change is reported when, in some channel, at least {@link #NEEDED} of the last {@link #WINDOW} errors exceed
 * k·σ_c (k the threshold): one outlier, or two, does not trip it, and a robot that has changed does within a few
 * periods of being driven. The test is armed only once the long-run level rests on {@link #WARM_UP} periods
 * (equivalent weight n). After a report, or {@link #reset()}, it starts over (window and level empty): the
 * errors of the changed robot do not count into its new level.
 *
 * <p>Not thread-safe; allocation-free after construction.
 */
public final class ChangeDetector {
    /** Short window [periods]. */
    public static final int WINDOW = 5;
    /** Errors of the window that must exceed the threshold. */
    public static final int NEEDED = 4;
    /** Discount of the long-run level per period. */
    public static final double LONG_RUN = 0.99;
    /** Equivalent periods in the long-run level before the test is armed. */
    public static final double WARM_UP = 20;
    /** Floor of the long-run mean square (a noise-free channel still needs a scale). */
    private static final double FLOOR = 1e-12;

    private final int channels;
    private final double threshold2;
    private final double[] ring;
    private final double[] sum;
    private double weight;
    private int filled;
    private int head;

    /**
     * @param channels  number of error channels, ≥ 1.
     * @param threshold k &gt; 1, or +∞ for a detector that never reports.
     */
    public ChangeDetector(int channels, double threshold) {
        if (channels < 1) {
            throw new IllegalArgumentException("change detector needs at least one channel, got " + channels);
        }
        if (!(threshold > 1)) {
            throw new IllegalArgumentException("change detector threshold must be > 1, got " + threshold);
        }
        this.channels = channels;
        this.threshold2 = threshold * threshold;
        this.ring = new double[WINDOW * channels];
        this.sum = new double[channels];
    }

    /** Starts over: empty window, no long-run level (disarmed). */
    public void reset() {
        Arrays.fill(ring, 0.0);
        Arrays.fill(sum, 0.0);
        weight = 0.0;
        filled = 0;
        head = 0;
    }

    /**
     * One period's a-priori errors. Non-finite errors are ignored.
     *
     * @param errors one per channel. Not modified.
     * @return true when a change is found (the detector has then started over).
     */
    public boolean observe(double[] errors) {
        for (int c = 0; c < channels; c++) {
            if (!Double.isFinite(errors[c])) {
                return false;
            }
        }
        if (filled == WINDOW) {
            // the oldest error leaves the window and enters the long-run level
            for (int c = 0; c < channels; c++) {
                sum[c] = LONG_RUN * sum[c] + ring[head * channels + c];
            }
            weight = LONG_RUN * weight + 1.0;
        } else {
            filled++;
        }
        for (int c = 0; c < channels; c++) {
            ring[head * channels + c] = errors[c] * errors[c];
        }
        head = (head + 1) % WINDOW;
        if (filled < WINDOW || weight < WARM_UP || Double.isInfinite(threshold2)) {
            return false;
        }
        for (int c = 0; c < channels; c++) {
            double limit = threshold2 * Math.max(FLOOR, sum[c] / weight);
            int over = 0;
            for (int i = 0; i < WINDOW; i++) {
                over += ring[i * channels + c] > limit ? 1 : 0;
            }
            if (over >= NEEDED) {
                reset();
                return true;
            }
        }
        return false;
    }

    /** @return whether the test is armed (the long-run level rests on enough periods). */
    public boolean armed() {
        return filled == WINDOW && weight >= WARM_UP;
    }
}
