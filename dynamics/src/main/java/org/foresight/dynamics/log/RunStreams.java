package org.foresight.dynamics.log;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The readers of a run's per-cycle streams (layout in {@link RunFiles}), for {@link RunLog}: the binary plans,
 * rollouts, scans and map snapshots, and the CSV cycles, estimates and moving obstacles. Each fails with
 * {@link LogFormatException} naming the file; the {@code lenient} readers (an interrupted run) drop what the
 * interruption cut instead.
 */
final class RunStreams {
    private RunStreams() {
    }

    /**
     * Reads cycles.csv into the given per-cycle arrays (Output, n long each).
     *
     * @param interrupted whether the run was interrupted: rows beyond n are dropped, else they are an error.
     */
    static void readCycles(Path file, int n, boolean interrupted, double[] planMs, double[] latencyMs,
                           boolean[] overrun, String[] modes, String[] statuses) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int lineNo = 1;
            int c = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] p = line.split(",", -1);
                if (p.length != 5 && p.length != 7) {
                    throw new LogFormatException(file, lineNo,
                            "expected 7 fields (cycle,t,plan_ms,mode,status,latency_ms,overrun), got " + p.length);
                }
                if (c >= n) {
                    if (interrupted) {
                        break; // the rest was cut by the interruption
                    }
                    throw new LogFormatException(file, lineNo, "more cycles than trajectory rows (" + n + ")");
                }
                try {
                    planMs[c] = Double.parseDouble(p[2]);
                } catch (NumberFormatException e) {
                    throw new LogFormatException(file, lineNo, "plan_ms is not a number: '" + p[2] + "'");
                }
                modes[c] = p[3];
                statuses[c] = p[4];
                if (p.length == 7) {
                    try {
                        latencyMs[c] = Double.parseDouble(p[5]);
                    } catch (NumberFormatException e) {
                        throw new LogFormatException(file, lineNo, "latency_ms is not a number: '" + p[5] + "'");
                    }
                    if (!p[6].equals("0") && !p[6].equals("1")) {
                        throw new LogFormatException(file, lineNo, "overrun must be 0 or 1, got '" + p[6] + "'");
                    }
                    overrun[c] = p[6].equals("1");
                }
                c++;
            }
            if (c != n) {
                throw new LogFormatException(file, lineNo, c + " cycles but the trajectory has " + n + " rows");
            }
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Opens a binary stream and checks its magic number. */
    static DataInputStream open(Path file, long magic) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        if (in.readLong() != magic) {
            in.close();
            throw new LogFormatException(file, 0, "not a Foresight run file (bad magic)");
        }
        return in;
    }

    /** A point count and that many x,y pairs. */
    private static float[] polyline(DataInputStream in, Path file, int cycle) throws IOException {
        int points = in.readInt();
        if (points < 0 || points > 10_000_000) {
            throw new LogFormatException(file, 0, "cycle " + cycle + ": bad point count " + points);
        }
        float[] xy = new float[2 * points];
        readFloats(in, xy);
        return xy;
    }

    /** Reads a record's cycle label and checks it is the one expected. */
    static int cycleIndex(DataInputStream in, Path file, int expected) throws IOException {
        int c = in.readInt();
        if (c != expected) {
            throw new LogFormatException(file, 0, "record " + expected + " is labelled cycle " + c);
        }
        return c;
    }

    /** Reads plans.bin: per cycle the chosen plan, interleaved x,y [m]. */
    static float[][] readPlans(Path file, int n) {
        float[][] plans = new float[n][];
        try (DataInputStream in = open(file, RunFiles.PLANS_MAGIC)) {
            for (int c = 0; c < n; c++) {
                cycleIndex(in, file, c);
                plans[c] = polyline(in, file, c);
            }
        } catch (EOFException e) {
            throw new LogFormatException(file, 0, "truncated (fewer than " + n + " cycles)");
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        return plans;
    }

    /**
     * Reads guides.bin: records of int cycle, polyline, whenever the guide changed, cycles increasing. Returns per
     * cycle the guide in force (the last record at or before it; null before the first), sharing the arrays.
     * Records of cycles at or beyond n are ignored; with {@code lenient} (an interrupted run) a record cut at the
     * end is dropped, else it is an error.
     */
    static float[][] readGuides(Path file, int n, boolean lenient) {
        float[][] out = new float[n][];
        int previous = -1;
        float[] current = null;
        int cycle = -1;
        try (DataInputStream in = open(file, RunFiles.GUIDES_MAGIC)) {
            while (true) {
                try {
                    cycle = in.readInt();
                } catch (EOFException e) {
                    break; // the end, between two records
                }
                if (cycle <= previous) {
                    throw new LogFormatException(file, 0, "guide record labelled cycle " + cycle + ", not after cycle "
                            + previous);
                }
                float[] g = polyline(in, file, cycle);
                for (int c = Math.max(previous, 0); c < Math.min(cycle, n); c++) {
                    out[c] = current;
                }
                previous = cycle;
                current = g;
            }
        } catch (EOFException e) {
            if (!lenient) {
                throw new LogFormatException(file, 0, "truncated (the guide of cycle " + cycle + " is cut)");
            }
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        for (int c = Math.max(previous, 0); c < n; c++) {
            out[c] = current;
        }
        return out;
    }

    /** Reads rollouts.bin into the given per-cycle arrays (Output, n long each): the polylines and their weights. */
    static void readRollouts(Path file, int n, float[][][] rollouts, float[][] rolloutWeights) {
        try (DataInputStream in = open(file, RunFiles.ROLLOUTS_MAGIC)) {
            for (int c = 0; c < n; c++) {
                cycleIndex(in, file, c);
                int count = in.readInt();
                if (count < 0 || count > 1_000_000) {
                    throw new LogFormatException(file, 0, "cycle " + c + ": bad rollout count " + count);
                }
                rollouts[c] = new float[count][];
                rolloutWeights[c] = new float[count];
                for (int k = 0; k < count; k++) {
                    rolloutWeights[c][k] = in.readFloat();
                    rollouts[c][k] = polyline(in, file, c);
                }
            }
        } catch (EOFException e) {
            throw new LogFormatException(file, 0, "truncated (fewer than " + n + " cycles)");
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Reads scans.bin: per cycle the lidar ranges [m]. */
    static float[][] readScans(Path file, int n) {
        float[][] out = new float[n][];
        try (DataInputStream in = open(file, RunFiles.SCANS_MAGIC)) {
            for (int c = 0; c < n; c++) {
                cycleIndex(in, file, c);
                out[c] = polyline1(in, file, c);
            }
        } catch (EOFException e) {
            throw new LogFormatException(file, 0, "truncated (fewer than " + n + " cycles)");
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        return out;
    }

    /** A beam count and that many ranges. */
    private static float[] polyline1(DataInputStream in, Path file, int cycle) throws IOException {
        int beams = in.readInt();
        if (beams < 0 || beams > 1_000_000) {
            throw new LogFormatException(file, 0, "cycle " + cycle + ": bad beam count " + beams);
        }
        float[] r = new float[beams];
        readFloats(in, r);
        return r;
    }

    /** Bulk read of big-endian floats: one readFully and a buffer view, ~5× faster than readFloat per value. */
    private static void readFloats(DataInputStream in, float[] out) throws IOException {
        byte[] bytes = SCRATCH.get();
        if (bytes.length < 4 * out.length) {
            bytes = new byte[Math.max(4 * out.length, 2 * bytes.length)];
            SCRATCH.set(bytes);
        }
        in.readFully(bytes, 0, 4 * out.length);
        java.nio.ByteBuffer.wrap(bytes, 0, 4 * out.length).asFloatBuffer().get(out);
    }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1 << 12]);

    /** The map snapshots of map.bin, and where an interrupted run cut one. */
    static final class KnownMaps {
        final List<Integer> cycles = new ArrayList<>();
        final List<MapSnapshot> maps = new ArrayList<>();
        /** The cycle of a snapshot cut by the interruption (MAX_VALUE: none, or its cycle is unreadable). */
        int cutCycle = Integer.MAX_VALUE;
    }

    /**
     * Reads map.bin: per snapshot int cycle, double origin x, y, resolution, int size x, y, int count, count × int
     * cell. With {@code lenient} (an interrupted run) a record cut at the end is dropped, else it is an error.
     */
    static KnownMaps readKnownMaps(Path file, boolean lenient) {
        KnownMaps out = new KnownMaps();
        int cycle = -1;
        try (DataInputStream in = open(file, RunFiles.KNOWN_MAP_MAGIC)) {
            while (true) {
                try {
                    cycle = in.readInt();
                } catch (EOFException e) {
                    return out; // the end, between two records
                }
                int previous = out.cycles.isEmpty() ? -1 : out.cycles.get(out.cycles.size() - 1);
                if (cycle <= previous) {
                    throw new LogFormatException(file, 0, "snapshot " + out.cycles.size() + " is labelled cycle " + cycle
                            + ", not after cycle " + previous);
                }
                double ox = in.readDouble();
                double oy = in.readDouble();
                double res = in.readDouble();
                int sx = in.readInt();
                int sy = in.readInt();
                int count = in.readInt();
                if (sx < 1 || sy < 1 || count < 0 || count > (long) sx * sy) {
                    throw new LogFormatException(file, 0, "cycle " + cycle + ": bad snapshot size " + sx + " × " + sy
                            + " with " + count + " occupied cells");
                }
                int[] cells = new int[count];
                byte[] bytes = new byte[4 * count];
                in.readFully(bytes);
                java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(cells);
                try {
                    out.maps.add(new MapSnapshot(ox, oy, res, sx, sy, cells));
                } catch (IllegalArgumentException e) {
                    throw new LogFormatException(file, 0, "cycle " + cycle + ": " + e.getMessage());
                }
                out.cycles.add(cycle);
            }
        } catch (EOFException e) {
            if (!lenient) {
                throw new LogFormatException(file, 0, "truncated (the snapshot of cycle " + cycle + " is cut)");
            }
            out.cutCycle = cycle;
            return out;
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads estimate.csv (cycle, x, y, theta, v, omega). With {@code lenient} (an interrupted run) a line cut at the
     * end and rows of cycles beyond the run are dropped, else they are errors.
     */
    static double[][] readEstimates(Path file, int n, boolean lenient) {
        double[][] out = new double[n][];
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LogFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        if (lenient) {
            text = text.substring(0, text.lastIndexOf('\n') + 1); // a line cut by the interruption does not count
        }
        String[] lines = text.split("\n", -1);
        int previous = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            String[] p = lines[i].split(",", -1);
            if (p.length != 6) {
                throw new LogFormatException(file, lineNo, "expected 6 fields (cycle,x,y,theta,v,omega), got " + p.length);
            }
            try {
                int c = Integer.parseInt(p[0]);
                if (lenient && c >= n) {
                    break;
                }
                if (c < 0 || c >= n || c <= previous) {
                    throw new LogFormatException(file, lineNo, "cycle " + c + " out of order or out of range 0.." + (n - 1));
                }
                double[] e = new double[5];
                for (int k = 0; k < 5; k++) {
                    e[k] = Double.parseDouble(p[k + 1]);
                }
                out[c] = e;
                previous = c;
            } catch (NumberFormatException e) {
                throw new LogFormatException(file, lineNo, "not a number in '" + lines[i] + "'");
            }
        }
        return out;
    }

    static double[][] readObstacles(Path file, int n, boolean lenient) {
        return PerCycleRows.read(file, n, lenient, 3, "expected cycle,t,id,x,y,radius", (p, line, lineNo) -> {
            int x = p.length - 3; // cycle,t,id,x,y,radius; older runs: cycle,id,x,y,radius
            if (p.length != 5 && p.length != 6) {
                throw new LogFormatException(file, lineNo, "expected 6 fields (cycle,t,id,x,y,radius), got "
                        + p.length);
            }
            return new double[] {Double.parseDouble(p[x]), Double.parseDouble(p[x + 1]), Double.parseDouble(p[x + 2])};
        });
    }
}
