package org.foresight.worldmodel.data;

import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;

/**
 * Puts logged rows with arbitrary time stamps onto the regular control-period grid the models are fitted on.
 *
 * <p>Rules (documented for users exporting logs from elsewhere):
 * <ul>
 *   <li>time stamps must be finite and strictly increasing, otherwise rejected naming the file and line;</li>
 *   <li>a gap between consecutive rows longer than {@link #maxGap()} (default {@value #DEFAULT_MAX_GAP} s)
 *       is rejected naming the file and line (interpolating across it would invent data);</li>
 *   <li>if every step is within {@value #REGULAR_TOLERANCE}·dt of dt, rows are taken as they are;</li>
 *   <li>otherwise the rows are resampled at t₀ + k·dt, k = 0, 1, … while ≤ the last stamp: the state by
 *       linear interpolation (heading unwrapped first, then wrapped back to (−π, π]), the commands by
 *       zero-order hold (the command of the last row at or before the grid time), since a command is held
 *       over its period.</li>
 * </ul>
 * Row i of the input is reported as line i + {@code firstDataLine} of the file (2 for a CSV with one
 * header line).
 */
public final class Resampler {
    /** Default longest accepted gap between consecutive rows [s]. */
    public static final double DEFAULT_MAX_GAP = 0.25;
    /** Relative deviation of a step from dt under which rows count as regular (dimensionless). */
    public static final double REGULAR_TOLERANCE = 0.02;

    private final double dt;
    private final double maxGap;

    /**
     * @param dt     control period to resample to [s], &gt; 0.
     * @param maxGap longest accepted gap between consecutive rows [s], ≥ dt.
     */
    public Resampler(double dt, double maxGap) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("control period dt must be > 0 s, got " + dt);
        }
        if (!(maxGap >= dt) || !Double.isFinite(maxGap)) {
            throw new IllegalArgumentException("maximum time gap must be >= dt = " + dt + " s, got " + maxGap + " s");
        }
        this.dt = dt;
        this.maxGap = maxGap;
    }

    /** Control period the rows are put onto [s]. */
    public double dt() {
        return dt;
    }

    /** Longest accepted gap between consecutive rows [s]. */
    public double maxGap() {
        return maxGap;
    }

    /**
     * Checks the rows and builds the regular episode.
     *
     * @param source        file name for messages.
     * @param firstDataLine line number of row 0 in the file (2 after one header line).
     * @param t             time stamps [s], one per row. Not modified.
     * @param state         {@link StateIndex#FULL_DIM} channels, one value per row. Not modified.
     * @param control       {@link ControlIndex#DIM} channels, one value per row. Not modified.
     * @return the episode on the regular grid.
     * @throws IllegalArgumentException "FILE:LINE: reason" for non-finite values, time going backwards,
     *                                  gaps longer than {@link #maxGap()}, or fewer than 2 grid rows.
     */
    public Episode resample(String source, int firstDataLine, double[] t, double[][] state, double[][] control) {
        int[] lines = new int[t.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + firstDataLine;
        }
        return resample(source, lines, t, state, control);
    }

    /**
     * Checks the rows and builds the regular episode, naming each row by its true file line (files may
     * have blank lines between rows).
     *
     * @param source  file name for messages.
     * @param lines   1-based file line of each row, length = rows. Not modified.
     * @param t       time stamps [s], one per row. Not modified.
     * @param state   {@link StateIndex#FULL_DIM} channels, one value per row. Not modified.
     * @param control {@link ControlIndex#DIM} channels, one value per row. Not modified.
     * @return the episode on the regular grid.
     * @throws IllegalArgumentException "FILE:LINE: reason" as {@link #resample(String, int, double[], double[][], double[][])}.
     */
    public Episode resample(String source, int[] lines, double[] t, double[][] state, double[][] control) {
        int n = t.length;
        if (lines.length != n) {
            throw new IllegalArgumentException(source + ": " + lines.length + " line numbers for " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            int line = lines[i];
            if (!Double.isFinite(t[i])) {
                throw new IllegalArgumentException(source + ":" + line + ": time t is not finite: " + t[i]);
            }
            for (int c = 0; c < state.length; c++) {
                if (!Double.isFinite(state[c][i])) {
                    throw new IllegalArgumentException(source + ":" + line + ": " + StateIndex.FULL_NAMES.get(c)
                            + " is not finite: " + state[c][i]);
                }
            }
            for (int c = 0; c < control.length; c++) {
                if (!Double.isFinite(control[c][i])) {
                    throw new IllegalArgumentException(source + ":" + line + ": " + ControlIndex.NAMES.get(c)
                            + " is not finite: " + control[c][i]);
                }
            }
            if (i > 0) {
                double step = t[i] - t[i - 1];
                if (!(step > 0)) {
                    throw new IllegalArgumentException(source + ":" + line + ": time " + t[i]
                            + " s is not after the previous row's " + t[i - 1] + " s");
                }
                if (step > maxGap + 1e-9) {
                    throw new IllegalArgumentException(source + ":" + line + ": gap of " + step
                            + " s since the previous row exceeds the limit of " + maxGap + " s");
                }
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException(source + ": need at least 2 rows, got " + n);
        }
        if (isRegular(t)) {
            return new Episode(source, dt, state, control);
        }
        int m = (int) Math.floor((t[n - 1] - t[0]) / dt + 1e-9) + 1;
        if (m < 2) {
            throw new IllegalArgumentException(source + ": rows span " + (t[n - 1] - t[0])
                    + " s, shorter than one control period of " + dt + " s");
        }
        double[] unwrapped = unwrap(state[StateIndex.THETA]);
        double[][] s = new double[state.length][m];
        double[][] u = new double[control.length][m];
        int seg = 0;
        for (int k = 0; k < m; k++) {
            double tk = t[0] + k * dt;
            while (seg < n - 2 && t[seg + 1] <= tk) {
                seg++;
            }
            // linear interpolation on [t_seg, t_seg+1]: y = y_seg + (tk − t_seg)/(t_seg+1 − t_seg)·(y_seg+1 − y_seg)
            double a = Math.min(1.0, Math.max(0.0, (tk - t[seg]) / (t[seg + 1] - t[seg])));
            for (int c = 0; c < state.length; c++) {
                double[] src = c == StateIndex.THETA ? unwrapped : state[c];
                s[c][k] = src[seg] + a * (src[seg + 1] - src[seg]);
            }
            s[StateIndex.THETA][k] = Angles.wrap(s[StateIndex.THETA][k]);
            int hold = a >= 1.0 ? seg + 1 : seg;
            for (int c = 0; c < control.length; c++) {
                u[c][k] = control[c][hold];
            }
        }
        return new Episode(source, dt, s, u);
    }

    private boolean isRegular(double[] t) {
        for (int i = 1; i < t.length; i++) {
            if (Math.abs(t[i] - t[i - 1] - dt) > REGULAR_TOLERANCE * dt) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes 2π jumps from a wrapped heading sequence: θᵘ₀ = θ₀, θᵘᵢ = θᵘᵢ₋₁ + wrap(θᵢ − θᵢ₋₁).
     *
     * @param theta headings [rad]. Not modified.
     * @return continuous headings [rad].
     */
    public static double[] unwrap(double[] theta) {
        double[] out = new double[theta.length];
        if (theta.length == 0) {
            return out;
        }
        out[0] = theta[0];
        for (int i = 1; i < theta.length; i++) {
            out[i] = out[i - 1] + Angles.wrap(theta[i] - theta[i - 1]);
        }
        return out;
    }
}
