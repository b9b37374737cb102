package org.foresight.dynamics.log;

import java.nio.file.Path;

/**
 * Reads a run's {@code tracks.csv} ({@link RunFiles#TRACKS}): per cycle, the moving obstacles the planner was told
 * of, {@link CycleRecord#TRACK_FIELDS} numbers each (id, x [m], y [m], vx [m/s], vy [m/s], radius [m], σ [m]).
 */
final class TrackLog {
    /** The file's header line. */
    static final String HEADER = "cycle,t,id,x,y,vx,vy,radius,sigma";

    private TrackLog() {
    }

    /**
     * @param file    the file.
     * @param n       cycles of the run.
     * @param lenient whether rows past the last cycle are ignored (an interrupted run) instead of an error.
     * @return per cycle the flat track rows (empty when none).
     * @throws LogFormatException naming the file and line of a malformed row.
     */
    static double[][] read(Path file, int n, boolean lenient) {
        final int f = CycleRecord.TRACK_FIELDS;
        return PerCycleRows.read(file, n, lenient, f, null, (p, line, lineNo) -> {
            if (p.length != f + 2) {
                throw new LogFormatException(file, lineNo, "expected " + (f + 2) + " fields (" + HEADER + "), got "
                        + p.length);
            }
            double[] row = new double[f];
            for (int k = 0; k < f; k++) {
                row[k] = Double.parseDouble(p[k + 2]);
            }
            return row;
        });
    }
}
