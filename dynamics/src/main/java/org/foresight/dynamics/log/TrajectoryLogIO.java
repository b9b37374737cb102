package org.foresight.dynamics.log;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and writes {@link TrajectoryLog}s: a CSV with a header row (readable by pandas as is) plus an
 * optional JSON sidecar with the same base name ({@code episode_001.csv} + {@code episode_001.json}).
 *
 * <p>The reader rejects bad input with {@link LogFormatException} naming file and line: missing
 * standard column, wrong row width, a value that is not a number, NaN or ±Inf, and time that does not
 * strictly increase. The writer writes both files through {@link AtomicFiles} (sidecar first, CSV
 * last), so a crash never leaves a truncated log that looks whole.
 */
public final class TrajectoryLogIO {
    /** JSON mapper for sidecars; keys sorted so that files are byte-identical for identical content. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private TrajectoryLogIO() {
    }

    /**
     * A time rounded to the nanosecond, so that it prints without binary noise ({@code 0.15}, not
     * {@code 0.15000000000000002}: sums and multiples of 5 ms are not exact in binary).
     *
     * @param seconds a time [s] (or any value with at most nine meaningful decimals).
     * @return the nearest multiple of 1e-9; non-finite values unchanged.
     */
    public static double roundTime(double seconds) {
        if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e9) {
            return seconds;
        }
        return Math.rint(seconds * 1e9) / 1e9;
    }

    /** The sidecar path of a log CSV: same name with {@code .json}. */
    public static Path sidecarOf(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + ".json");
    }

    /**
     * Writes the log as CSV (numbers in Java's shortest round-trip form) and its metadata as the sidecar.
     *
     * @param csv target CSV path; parent directories are created.
     * @param log the log. Not modified.
     * @throws UncheckedIOException naming the file on failure.
     */
    public static void write(Path csv, TrajectoryLog log) {
        Map<String, Object> meta = new LinkedHashMap<>(log.metadata());
        Map<String, String> units = new LinkedHashMap<>();
        for (String c : log.columns()) {
            units.put(c, unitOf(c));
        }
        meta.putIfAbsent("units", units);
        meta.put("columns", log.columns());
        meta.put("rows", log.length());
        AtomicFiles.writeText(sidecarOf(csv), out -> out.write(JSON.writeValueAsString(meta) + "\n"));
        List<String> cols = log.columns();
        double[][] data = new double[cols.size()][];
        for (int c = 0; c < cols.size(); c++) {
            data[c] = log.column(cols.get(c));
        }
        AtomicFiles.writeText(csv, out -> {
            out.write(String.join(",", cols));
            out.write('\n');
            StringBuilder sb = new StringBuilder(160);
            for (int r = 0; r < log.length(); r++) {
                sb.setLength(0);
                for (int c = 0; c < data.length; c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    sb.append(data[c][r]);
                }
                sb.append('\n');
                out.write(sb.toString());
            }
        });
    }

    /** Unit of a standard column, "" for unknown ones. */
    static String unitOf(String column) {
        return switch (column) {
            case "t" -> "s";
            case "x", "y" -> "m";
            case "theta" -> "rad";
            case "v", "cmd_v" -> "m/s";
            case "omega", "cmd_omega" -> "rad/s";
            default -> "";
        };
    }

    /**
     * Reads a log with the standard column names.
     *
     * @param csv the CSV file; its sidecar is read when present.
     * @return the log.
     * @throws LogFormatException naming file and line on malformed content.
     */
    public static TrajectoryLog read(Path csv) {
        return read(csv, Map.of());
    }

    /**
     * Reads a log whose columns may be named differently, e.g. a user's odometry export.
     *
     * @param csv    the CSV file; its sidecar is read when present.
     * @param rename map from the file's column name to ours (e.g. {@code "linear_x" → "v"}); may be empty.
     * @return the log, with columns renamed; it records each row's file line ({@link TrajectoryLog#lineOf}),
     *         blank lines counted.
     * @throws LogFormatException naming file and line on malformed content or a missing standard column.
     */
    public static TrajectoryLog read(Path csv, Map<String, String> rename) {
        if (!Files.isRegularFile(csv)) {
            throw new LogFormatException(csv, 0, "no such file");
        }
        List<String> header;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int lineNo = 1;
            while (line != null && line.isBlank()) {
                line = in.readLine();
                lineNo++;
            }
            if (line == null) {
                throw new LogFormatException(csv, 0, "empty file (expected a header row: "
                        + String.join(",", TrajectoryLog.STANDARD_COLUMNS) + ")");
            }
            header = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            for (String h : line.split(",", -1)) {
                String name = h.strip();
                if (name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                raw.add(name);
                header.add(rename.getOrDefault(name, name));
            }
            for (String r : rename.keySet()) {
                if (!raw.contains(r)) {
                    throw new LogFormatException(csv, lineNo, "column '" + r + "' named in the column mapping is not in the header");
                }
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).isEmpty()) {
                    throw new LogFormatException(csv, lineNo, "empty column name at position " + (c + 1));
                }
                Integer prev = seen.put(header.get(c), c);
                if (prev != null) {
                    throw new LogFormatException(csv, lineNo, "duplicate column '" + header.get(c) + "'");
                }
            }
            for (String required : TrajectoryLog.STANDARD_COLUMNS) {
                if (!seen.containsKey(required)) {
                    throw new LogFormatException(csv, lineNo, "missing column '" + required + "' (header has: "
                            + String.join(",", header) + "; map other names with a column mapping)");
                }
            }
            int tCol = seen.get("t");
            double lastT = Double.NEGATIVE_INFINITY;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (parts.length != header.size()) {
                    throw new LogFormatException(csv, lineNo, "row has " + parts.length + " fields, header has "
                            + header.size());
                }
                double[] row = new double[parts.length];
                for (int c = 0; c < parts.length; c++) {
                    double v;
                    try {
                        v = Double.parseDouble(parts[c].strip());
                    } catch (NumberFormatException e) {
                        throw new LogFormatException(csv, lineNo, "column '" + header.get(c) + "' is not a number: '"
                                + parts[c].strip() + "'");
                    }
                    if (!Double.isFinite(v)) {
                        throw new LogFormatException(csv, lineNo, "column '" + header.get(c) + "' is " + v);
                    }
                    row[c] = v;
                }
                if (!(row[tCol] > lastT)) {
                    throw new LogFormatException(csv, lineNo, "time does not increase (t = " + row[tCol]
                            + " after " + lastT + ")");
                }
                lastT = row[tCol];
                rows.add(row);
                lines.add(lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new LogFormatException(csv, 0, "no data rows after the header");
        }
        double[][] data = new double[header.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                data[c][r] = row[c];
            }
        }
        int[] lineNumbers = new int[lines.size()];
        for (int r = 0; r < lineNumbers.length; r++) {
            lineNumbers[r] = lines.get(r);
        }
        return new TrajectoryLog(header, data, readSidecar(csv), csv, lineNumbers);
    }

    private static Map<String, Object> readSidecar(Path csv) {
        Path side = sidecarOf(csv);
        if (!Files.isRegularFile(side)) {
            return Map.of();
        }
        try {
            return JSON.readValue(side.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new LogFormatException(side, 0, "sidecar is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * The log files in a directory: every {@code *.csv}, sorted by name.
     *
     * @param dir a directory.
     * @return sorted CSV paths.
     * @throws LogFormatException if it is not a directory or holds no CSV.
     */
    public static List<Path> listLogs(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new LogFormatException(dir, 0, Files.exists(dir) ? "is a file; expected a directory of logs (*.csv)"
                    : "does not exist (expected a directory of logs, *.csv)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = s.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                    .sorted().toList();
            if (out.isEmpty()) {
                throw new LogFormatException(dir, 0, "no .csv logs in this directory");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
