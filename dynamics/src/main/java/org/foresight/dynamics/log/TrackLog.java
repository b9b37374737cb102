package org.foresight.dynamics.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<List<double[]>> per = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            per.add(new ArrayList<>());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] p = line.split(",", -1);
                if (p.length != f + 2) {
                    throw new LogFormatException(file, lineNo, "expected " + (f + 2) + " fields (" + HEADER + "), got "
                            + p.length);
                }
                try {
                    int c = Integer.parseInt(p[0]);
                    if (lenient && c >= n) {
                        break;
                    }
                    if (c < 0 || c >= n) {
                        throw new LogFormatException(file, lineNo, "cycle " + c + " out of range 0.." + (n - 1));
                    }
                    double[] row = new double[f];
                    for (int k = 0; k < f; k++) {
                        row[k] = Double.parseDouble(p[k + 2]);
                    }
                    per.get(c).add(row);
                } catch (NumberFormatException e) {
                    throw new LogFormatException(file, lineNo, "not a number in '" + line + "'");
                }
            }
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        double[][] out = new double[n][];
        for (int c = 0; c < n; c++) {
            List<double[]> l = per.get(c);
            out[c] = new double[f * l.size()];
            for (int i = 0; i < l.size(); i++) {
                System.arraycopy(l.get(i), 0, out[c], f * i, f);
            }
        }
        return out;
    }
}
