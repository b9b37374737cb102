package org.foresight.mpc.dwa;

import org.foresight.mpc.Plan;

/**
 * The store of one DWA cycle's simulated trajectories, preallocated for the most a cycle can generate, and
 * their output as the plan's weighted rollouts. Slot s holds its points [s·stride, s·stride + count[s]) of
 * x [m], y [m], θ [rad] (plus the end state at index count[s] when the trajectory is complete, for drawing),
 * its cost (negative: illegal), the sampled command (vx [m/s], vθ [rad/s]) and its step [s]. Allocation-free
 * after construction; not thread-safe.
 */
final class Trajectories {
    final int stride;
    final double[] x;
    final double[] y;
    final double[] theta;
    final int[] count;
    final boolean[] complete;
    final double[] cost;
    final double[] vx;
    final double[] vtheta;
    final double[] dt;
    /** Slots used this cycle. */
    int size;
    private final double[] weights;
    private final int[] topSlot;
    private final double[] topWeight;

    /**
     * @param capacity most trajectories per cycle.
     * @param maxSteps most points per trajectory before its end state.
     */
    Trajectories(int capacity, int maxSteps) {
        this.stride = maxSteps + 1;
        this.x = new double[capacity * stride];
        this.y = new double[capacity * stride];
        this.theta = new double[capacity * stride];
        this.count = new int[capacity];
        this.complete = new boolean[capacity];
        this.cost = new double[capacity];
        this.vx = new double[capacity];
        this.vtheta = new double[capacity];
        this.dt = new double[capacity];
        this.weights = new double[capacity];
        this.topSlot = new int[capacity];
        this.topWeight = new double[capacity];
    }

    /** Empties the store for a new cycle. */
    void clear() {
        size = 0;
    }

    /** @return a fresh slot (its fields are the caller's to fill). */
    int add() {
        return size++;
    }

    /** Whether slot s is legal and ran its full time: a candidate for the plan's rollouts. */
    private boolean legal(int s) {
        return cost[s] >= 0 && complete[s];
    }

    /**
     * Writes slot's poses at times k·span/h, k = 0..h, into dst (x, y interleaved), holding the last point
     * once the trajectory ends; a slot without points stays at (x0, y0).
     */
    void resample(int slot, double[] dst, int h, double x0, double y0, double span) {
        int pts = count[slot] + (complete[slot] ? 1 : 0);
        int base = slot * stride;
        if (pts == 0) {
            for (int k = 0; k <= h; k++) {
                dst[2 * k] = x0;
                dst[2 * k + 1] = y0;
            }
            return;
        }
        double step = dt[slot];
        for (int k = 0; k <= h; k++) {
            double f = k * span / h / step;
            int j = (int) f;
            if (j >= pts - 1) {
                dst[2 * k] = x[base + pts - 1];
                dst[2 * k + 1] = y[base + pts - 1];
            } else {
                double u = f - j;
                dst[2 * k] = x[base + j] + u * (x[base + j + 1] - x[base + j]);
                dst[2 * k + 1] = y[base + j] + u * (y[base + j + 1] - y[base + j]);
            }
        }
    }

    /**
     * Softmax weights w = exp(−(cost − min)) over the legal trajectories, normalised over all of them; the
     * heaviest, at most the plan's capacity, go into its rollouts, heaviest first, resampled to h + 1 points.
     */
    void writeRollouts(Plan out, int h, double x0, double y0, double span) {
        double min = Double.POSITIVE_INFINITY;
        int legal = 0;
        for (int s = 0; s < size; s++) {
            if (legal(s)) {
                legal++;
                min = Math.min(min, cost[s]);
            }
        }
        out.feasibleRollouts = legal;
        int want = Math.min(out.maxRollouts(), legal);
        if (want == 0) {
            out.rolloutCount = 0;
            return;
        }
        double sum = 0;
        for (int s = 0; s < size; s++) {
            double wk = legal(s) ? Math.exp(-(cost[s] - min)) : 0.0;
            weights[s] = wk;
            sum += wk;
        }
        int have = 0;
        for (int s = 0; s < size; s++) {
            double wk = weights[s];
            if (!(wk > 0) || (have == want && !(wk > topWeight[have - 1]))) {
                continue;
            }
            int pos = have < want ? have++ : want - 1;
            while (pos > 0 && topWeight[pos - 1] < wk) {
                topWeight[pos] = topWeight[pos - 1];
                topSlot[pos] = topSlot[pos - 1];
                pos--;
            }
            topWeight[pos] = wk;
            topSlot[pos] = s;
        }
        for (int r = 0; r < have; r++) {
            resample(topSlot[r], out.rolloutXY[r], h, x0, y0, span);
            out.rolloutWeights[r] = topWeight[r] / sum;
        }
        out.rolloutCount = have;
    }
}
