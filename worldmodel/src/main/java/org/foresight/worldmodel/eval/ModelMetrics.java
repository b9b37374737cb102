package org.foresight.worldmodel.eval;

import java.util.List;

import org.foresight.dynamics.model.StateIndex;

/**
 * Validation figures of one model on a set of episodes.
 *
 * @param oneStepRmse per state channel ({@link StateIndex} order) root-mean-square one-step prediction
 *                    error from the measured state (units of the channel: m, m, rad, m/s, rad/s; the heading
 *                    error wrapped); copied.
 * @param freeRun     free-run figures per window length, in the order "1s", "2.8s", "episode".
 */
public record ModelMetrics(double[] oneStepRmse, List<WindowMetrics> freeRun) {

    /** Copies the arrays. */
    public ModelMetrics {
        oneStepRmse = oneStepRmse.clone();
        freeRun = List.copyOf(freeRun);
    }

    /** @return the one-step RMSE per channel (a copy). */
    @Override
    public double[] oneStepRmse() {
        return oneStepRmse.clone();
    }

    /**
     * @param label "1s", "2.8s" or "episode".
     * @return the figures of that window length.
     */
    public WindowMetrics window(String label) {
        for (WindowMetrics w : freeRun) {
            if (w.label().equals(label)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no free-run window '" + label + "'");
    }
}
