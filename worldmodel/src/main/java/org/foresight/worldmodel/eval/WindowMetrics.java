package org.foresight.worldmodel.eval;

import java.util.List;

import org.foresight.dynamics.model.StateIndex;

/**
 * Free-run (simulation) figures of one window length, pooled over every window of every episode.
 *
 * @param label       report key: "1s", "2.8s" or "episode".
 * @param steps       window length in control periods (0 for whole episodes).
 * @param windows     number of windows pooled.
 * @param fitPercent  per state channel ({@link StateIndex} order), NRMSE fit
 *                    100·(1 − ‖y − ŷ‖/‖y − mean(y)‖) [%] over the pooled samples; copied.
 * @param driftMedian median over windows of the position error ‖(x̂, ŷ) − (x, y)‖ at the window's end [m].
 * @param driftP90    90th percentile of that position error [m].
 */
public record WindowMetrics(String label, int steps, int windows, double[] fitPercent, double driftMedian,
                            double driftP90) {

    /** Copies the per-channel array and checks its length. */
    public WindowMetrics {
        if (fitPercent.length != StateIndex.FULL_DIM) {
            throw new IllegalArgumentException("need " + StateIndex.FULL_DIM + " fit figures, got " + fitPercent.length);
        }
        fitPercent = fitPercent.clone();
    }

    /**
     * @param channel a state channel name from {@link StateIndex#FULL_NAMES}.
     * @return its fit [%].
     */
    public double fit(String channel) {
        int i = StateIndex.FULL_NAMES.indexOf(channel);
        if (i < 0) {
            throw new IllegalArgumentException("unknown channel '" + channel + "', expected " + StateIndex.FULL_NAMES);
        }
        return fitPercent[i];
    }

    /** @return the per-channel fit figures [%] (a copy). */
    @Override
    public double[] fitPercent() {
        return fitPercent.clone();
    }

    /** Channel names in the order of {@link #fitPercent()}. */
    public static final List<String> CHANNELS = StateIndex.FULL_NAMES;
}
