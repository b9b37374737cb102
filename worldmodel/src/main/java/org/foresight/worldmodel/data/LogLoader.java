package org.foresight.worldmodel.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.foresight.dynamics.log.LogFormatException;
import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.log.TrajectoryLogIO;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;

/**
 * Turns trajectory logs (ours, or a user's CSV with the documented columns
 * {@code t,x,y,theta,v,omega,cmd_v,cmd_omega}, sidecar optional, other names mapped with a rename map) into
 * {@link Episode}s on the control-period grid ({@link Resampler}).
 *
 * <p>The control period is, in order of precedence: the caller's explicit value, the sidecar's
 * {@code control_period_s}, or {@link #DEFAULT_DT}. Extra columns are ignored.
 */
public final class LogLoader {
    /** Control period assumed for a CSV without sidecar when none is given [s] (the Jackal's 20 Hz). */
    public static final double DEFAULT_DT = 0.05;

    private LogLoader() {
    }

    /**
     * Loads every {@code *.csv} in a directory, sorted by name.
     *
     * @param dir    directory of logs.
     * @param rename the user's column name → ours; may be empty.
     * @param dt     control period [s], or null to take it from each sidecar (else {@link #DEFAULT_DT}).
     * @return one episode per file, in name order, all with the same dt.
     * @throws LogFormatException       "FILE:LINE: reason" for malformed files.
     * @throws IllegalArgumentException "FILE:LINE: reason" for bad time stamps or gaps, or mixed periods.
     */
    public static List<Episode> loadDirectory(Path dir, Map<String, String> rename, Double dt) {
        List<Episode> out = new ArrayList<>();
        for (Path csv : TrajectoryLogIO.listLogs(dir)) {
            out.add(load(csv, rename, dt));
        }
        loadDirectoryCheck(out);
        return out;
    }

    /**
     * Checks that all episodes share one control period.
     *
     * @param episodes loaded episodes (at least one).
     * @throws IllegalArgumentException naming the first episode whose period differs.
     */
    public static void loadDirectoryCheck(List<Episode> episodes) {
        double first = episodes.get(0).dt();
        for (Episode e : episodes) {
            if (Math.abs(e.dt() - first) > 1e-9) {
                throw new IllegalArgumentException(e.name() + ": control period " + e.dt() + " s differs from "
                        + episodes.get(0).name() + "'s " + first + " s; give --dt to resample all logs to one period");
            }
        }
    }

    /**
     * Loads one log file.
     *
     * @param csv    the CSV file (sidecar optional).
     * @param rename the user's column name → ours; may be empty.
     * @param dt     control period [s], or null for the sidecar's or the default.
     * @return the episode.
     */
    public static Episode load(Path csv, Map<String, String> rename, Double dt) {
        TrajectoryLog log = TrajectoryLogIO.read(csv, rename);
        return toEpisode(log, csv.toString(), dt);
    }

    /**
     * Converts an in-memory log.
     *
     * @param log    the log.
     * @param source label for messages.
     * @param dt     control period [s], or null for the log's metadata or the default.
     * @return the episode.
     */
    public static Episode toEpisode(TrajectoryLog log, String source, Double dt) {
        double period = dt != null ? dt : periodOf(log, source);
        double[] t = log.column("t");
        double[][] state = new double[StateIndex.FULL_DIM][];
        for (int i = 0; i < StateIndex.FULL_DIM; i++) {
            state[i] = log.column(StateIndex.FULL_NAMES.get(i));
        }
        double[][] control = new double[ControlIndex.DIM][];
        for (int j = 0; j < ControlIndex.DIM; j++) {
            control[j] = log.column(ControlIndex.NAMES.get(j));
        }
        int[] lines = new int[log.length()];
        for (int r = 0; r < lines.length; r++) {
            lines[r] = log.lineOf(r);
        }
        return new Resampler(period, Math.max(Resampler.DEFAULT_MAX_GAP, 2 * period)).resample(source, lines, t, state, control);
    }

    private static double periodOf(TrajectoryLog log, String source) {
        Object p = log.metadata().get("control_period_s");
        if (p == null) {
            return DEFAULT_DT;
        }
        if (p instanceof Number n && n.doubleValue() > 0) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(source + ": sidecar control_period_s must be a positive number, got " + p);
    }
}
