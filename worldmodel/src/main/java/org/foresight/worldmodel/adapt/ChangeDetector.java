package org.foresight.worldmodel.adapt;

import java.util.Arrays;

/**
 * Finds a change of the robot in an adapter's a-priori one-step errors: a robust test of a short window against
 * the long-run level. Per channel c (e.g. v and ω) it keeps the last {@link #WINDOW} squared errors and, from
 * the errors that have left that window, a long-run mean square, each error clipped at k²σ² once armed (k the
 * threshold), so that outliers do not inflate it:
 * <pre>
 *   s_c ← a·s_c + min(e², k²·σ²_c),   n ← a·n + 1,   σ²_c = s_c / n        (a = {@link #LONG_RUN}: about 100 periods)
 * </pre>
 * A change is reported when, in some channel, the window's mean of the clipped normalised squares exceeds half
 * the clip:
 * <pre>
 *   (1/W)·Σ_{last W} min(e²/σ²_c, k²)  &gt;  k²/2                                 (W = {@link #WINDOW})
 * </pre>
 * One outlier, however large, adds at most k²/W (3.2 at k = 4, against a threshold of 8): alone it does not trip
 * the test; three errors beyond k·σ do, and so do five at 0.71·k·σ, which is what a robot that has changed shows within a few
 * periods of being driven. The test is armed only once the long-run level rests on {@link #WARM_UP} periods
 * (equivalent weight n). After a report, or {@link #reset()}, it starts over (window and level empty): the errors
 * of the changed robot do not count into its new level.
 *
 * <p><b>Re-arming.</b> A reset while armed keeps the level it had (σ²_prev). The new level then re-arms the test
 * provisionally once it rests on {@link #REARM} periods instead of {@link #WARM_UP}, against the larger of the two:
 * <pre>
 *   σ²_c = max(s_c / n, σ²_prev,c)      while {@link #REARM} ≤ n &lt; {@link #WARM_UP}
 * </pre>
 * so that a change soon after a false alarm is not missed for the whole warm-up (an adapter's blind time after a
 * restart drops from 48 to 36 periods, 2.4 s to 1.8 s at 50 ms: 20 absorbing, 5 filling the window, then 11 periods
 * to a level weight of 10 instead of 23 to 20), and a robot noisier than before cannot trip it on the old, smaller
 * level.
 *
 * <p>Not thread-safe; allocation-free after construction.
 */
public final class ChangeDetector {
    /** Short window [periods]. */
    public static final int WINDOW = 5;
    /** Discount of the long-run level per period. */
    public static final double LONG_RUN = 0.99;
    /** Equivalent periods in the long-run level before the test is armed. */
    public static final double WARM_UP = 20;
    /** Equivalent periods in a new long-run level before the test re-arms provisionally after a reset while armed. */
    public static final double REARM = 10;
    /** Floor of the long-run mean square (a noise-free channel still needs a scale). */
    private static final double FLOOR = 1e-12;

    private final int channels;
    private final double threshold2;
    private final double[] ring;
    private final double[] sum;
    private double weight;
    private final double[] previous;
    private boolean hasPrevious;
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
        this.previous = new double[channels];
    }

    /**
     * Starts over: empty window, no long-run level (disarmed). When armed, the level is kept for the provisional
     * re-arming (class note); otherwise the one kept before, if any, stays.
     */
    public void reset() {
        if (filled == WINDOW && weight >= WARM_UP) {
            for (int c = 0; c < channels; c++) {
                previous[c] = Math.max(FLOOR, sum[c] / weight);
            }
            hasPrevious = true;
        }
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
            boolean clip = weight >= WARM_UP && !Double.isInfinite(threshold2);
            for (int c = 0; c < channels; c++) {
                double e2 = ring[head * channels + c];
                if (clip) {
                    e2 = Math.min(e2, threshold2 * Math.max(FLOOR, sum[c] / weight));
                }
                sum[c] = LONG_RUN * sum[c] + e2;
            }
            weight = LONG_RUN * weight + 1.0;
        } else {
            filled++;
        }
        for (int c = 0; c < channels; c++) {
            ring[head * channels + c] = errors[c] * errors[c];
        }
        head = (head + 1) % WINDOW;
        if (!armed() || Double.isInfinite(threshold2)) {
            return false;
        }
        boolean provisional = weight < WARM_UP;
        for (int c = 0; c < channels; c++) {
            double level = Math.max(FLOOR, sum[c] / weight);
            if (provisional) {
                level = Math.max(level, previous[c]);
            }
            double mean = 0;
            for (int i = 0; i < WINDOW; i++) {
                mean += Math.min(ring[i * channels + c] / level, threshold2);
            }
            if (mean / WINDOW > 0.5 * threshold2) {
                reset();
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether the test is armed: the long-run level rests on {@link #WARM_UP} periods, or on {@link #REARM}
     *         after a reset while armed (provisionally, see the class note).
     */
    public boolean armed() {
        return filled == WINDOW && (weight >= WARM_UP || (hasPrevious && weight >= REARM));
    }
}
