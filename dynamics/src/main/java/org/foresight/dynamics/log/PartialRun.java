package org.foresight.dynamics.log;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reading what an interrupted run left (its {@link RunFiles#PARTIAL} files, no {@code result.json}), for
 * {@link RunLog}: how many cycles each stream recorded in full, and the trajectory up to the last of them.
 * A record cut by the interruption does not count.
 */
final class PartialRun {
    private PartialRun() {
    }

    /** The partial file of a stream of the run in {@code dir}. */
    static Path partial(Path dir, String name) {
        return dir.resolve(name + RunFiles.PARTIAL);
    }

    /**
     * The cycles every stream of an interrupted run recorded in full: a cycle whose record any stream has only in
     * part (or not at all) is dropped, with every later one.
     *
     * @param dir    the run directory.
     * @param mapCut the cycle of a map snapshot cut by the interruption, {@link Integer#MAX_VALUE} for none.
     * @return the number of complete cycles.
     */
    static int completeCycles(Path dir, int mapCut) {
        int n = completeLines(partial(dir, RunFiles.TRAJECTORY));
        n = Math.min(n, completeLines(partial(dir, RunFiles.CYCLES)));
        n = Math.min(n, completeRecords(partial(dir, RunFiles.PLANS), RunFiles.PLANS_MAGIC, false, 2));
        n = Math.min(n, completeRecords(partial(dir, RunFiles.ROLLOUTS), RunFiles.ROLLOUTS_MAGIC, true, 2));
        if (Files.exists(partial(dir, RunFiles.SCANS))) {
            n = Math.min(n, completeRecords(partial(dir, RunFiles.SCANS), RunFiles.SCANS_MAGIC, false, 1));
        }
        return Math.min(n, mapCut); // a snapshot cut by the interruption: its cycle is not whole
    }

    /** Lines after the header that end with a newline (a line cut by the interruption does not count). */
    private static int completeLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            byte[] b = Files.readAllBytes(file);
            int lines = 0;
            for (byte x : b) {
                if (x == '\n') {
                    lines++;
                }
            }
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Whole records of a partial binary stream: per record a count and count × {@code floatsPerCount} floats
     * (plans: x, y points; scans: ranges), or with {@code weighted} a number of (weight, polyline) rollouts.
     */
    private static int completeRecords(Path file, long magic, boolean weighted, int floatsPerCount) {
        if (!Files.exists(file)) {
            return 0;
        }
        int c = 0;
        try (DataInputStream in = RunStreams.open(file, magic)) {
            while (true) {
                RunStreams.cycleIndex(in, file, c);
                if (weighted) {
                    int count = in.readInt();
                    for (int k = 0; k < count; k++) {
                        in.readFloat();
                        skip(in, floatsPerCount);
                    }
                } else {
                    skip(in, floatsPerCount);
                }
                c++;
            }
        } catch (EOFException e) {
            return c;
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static void skip(DataInputStream in, int floatsPerCount) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 10_000_000) {
            throw new EOFException(); // a cut record
        }
        in.readFully(new byte[4 * floatsPerCount * count]);
    }

    /** The first {@code n} rows of the trajectory an interrupted run streamed (CSV with a header). */
    static TrajectoryLog partialTrajectory(Path file, int n) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> cols = List.of(in.readLine().split(","));
            double[][] data = new double[cols.size()][n];
            for (int r = 0; r < n; r++) {
                String[] p = in.readLine().split(",", -1);
                if (p.length != cols.size()) {
                    throw new LogFormatException(file, r + 2, "expected " + cols.size() + " fields, got " + p.length);
                }
                for (int c = 0; c < p.length; c++) {
                    data[c][r] = Double.parseDouble(p[c]);
                }
            }
            return new TrajectoryLog(cols, data, Map.of("interrupted", true));
        } catch (IOException | NumberFormatException | NullPointerException e) {
            throw new LogFormatException(file, 0, "cannot read the interrupted run's trajectory: " + e);
        }
    }
}
