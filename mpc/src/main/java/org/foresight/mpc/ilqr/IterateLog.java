package org.foresight.mpc.ilqr;

import java.util.Arrays;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.Plan;

/**
 * What one iLQR plan went through: the cost J before the first iteration and after each one, and the position
 * track of each accepted iterate, for {@link IlqrPlanner#costHistory()} and the plan's rollouts (which replay
 * draws). Sized for {@code maxIterations + 1} entries in the constructor; records nothing beyond. Not thread-safe.
 */
final class IterateLog {
    private final double[] costs;
    private final double[][] tracks;
    private final int horizon;
    private int costCount;
    private int trackCount;

    /**
     * @param maxIterations the most iterations a plan runs.
     * @param horizon       T: each track holds T + 1 positions.
     */
    IterateLog(int maxIterations, int horizon) {
        this.horizon = horizon;
        costs = new double[maxIterations + 1];
        tracks = new double[maxIterations + 1][2 * (horizon + 1)];
    }

    /** Forgets the last plan's record. */
    void clear() {
        costCount = 0;
        trackCount = 0;
    }

    /** Appends a cost J (dimensionless). */
    void addCost(double j) {
        costs[costCount++] = j;
    }

    /**
     * Appends the positions of an iterate's states.
     *
     * @param xs the states x_0..x_T, n per step, beginning x, y.
     * @param n  the state dimension.
     */
    void addTrack(double[] xs, int n) {
        if (trackCount >= tracks.length) {
            return;
        }
        double[] xy = tracks[trackCount++];
        for (int t = 0; t <= horizon; t++) {
            xy[2 * t] = xs[t * n + StateIndex.X];
            xy[2 * t + 1] = xs[t * n + StateIndex.Y];
        }
    }

    /** @return the costs recorded so far (allocates). */
    double[] costHistory() {
        return Arrays.copyOf(costs, costCount);
    }

    /** Writes the iterates as the plan's rollouts, the last (final) first, with equal weights. */
    void writeRollouts(Plan out) {
        int want = Math.min(out.maxRollouts(), trackCount);
        if (want == 0 || horizon > out.maxHorizon()) {
            out.rolloutCount = 0;
            return;
        }
        double w = 1.0 / want;
        for (int r = 0; r < want; r++) {
            System.arraycopy(tracks[trackCount - 1 - r], 0, out.rolloutXY[r], 0, 2 * (horizon + 1));
            out.rolloutWeights[r] = w;
        }
        out.rolloutCount = want;
    }
}
