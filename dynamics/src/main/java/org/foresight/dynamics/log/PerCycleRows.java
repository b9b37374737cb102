package org.foresight.dynamics.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run-log CSV whose rows begin with the cycle index (a header line first) into, per cycle, the flat
 * concatenation of that cycle's rows: the shared reader of {@code obstacles.csv} and {@code tracks.csv}.
 */
final class PerCycleRows {
    /** Turns one split line into its row of {@code width} numbers; throws on a malformed line. */
    @FunctionalInterface
    interface RowParser {
        /**
         * @param p      the line split at commas (p[0] is the cycle).
         * @param line   the whole line, for messages.
         * @param lineNo its 1-based line number.
         * @return the row's numbers.
         * @throws NumberFormatException or {@link ArrayIndexOutOfBoundsException} on a malformed line (reported
         *         with {@code badLine}), or {@link LogFormatException} with its own message.
         */
        double[] parse(String[] p, String line, int lineNo);
    }

    private PerCycleRows() {
    }

    /**
     * @param file    the CSV.
     * @param n       number of cycles in the run.
     * @param lenient whether rows past the last cycle are ignored (an interrupted run) instead of an error.
     * @param width   numbers per row.
     * @param badLine message for a line the parser rejects with a number or index error ({@code null}: "not a
     *                number in '<line>'").
     * @param parser  the row parser.
     * @return per cycle the flat rows (empty when none).
     * @throws LogFormatException naming the file and line of a malformed row.
     */
    static double[][] read(Path file, int n, boolean lenient, int width, String badLine, RowParser parser) {
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
                try {
                    int c = Integer.parseInt(p[0]);
                    if (lenient && c >= n) {
                        break;
                    }
                    if (c < 0 || c >= n) {
                        throw new LogFormatException(file, lineNo, "cycle " + c + " out of range 0.." + (n - 1));
                    }
                    per.get(c).add(parser.parse(p, line, lineNo));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new LogFormatException(file, lineNo,
                            badLine != null ? badLine : "not a number in '" + line + "'");
                }
            }
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        double[][] out = new double[n][];
        for (int c = 0; c < n; c++) {
            List<double[]> l = per.get(c);
            out[c] = new double[width * l.size()];
            for (int i = 0; i < l.size(); i++) {
                System.arraycopy(l.get(i), 0, out[c], width * i, width);
            }
        }
        return out;
    }
}
