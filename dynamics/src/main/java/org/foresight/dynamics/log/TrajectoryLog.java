package org.foresight.dynamics.log;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded trajectory, held column-wise: time and state and command channels, one row per
 * control period. Standard columns (SI units) are {@link #STANDARD_COLUMNS}: t [s], x [m], y [m],
 * theta [rad], v [m/s], omega [rad/s], cmd_v [m/s], cmd_omega [rad/s]; any extra columns follow.
 * Metadata is the JSON sidecar's content (robot parameters, world, seed, units), empty when absent.
 *
 * <p>Immutable in shape; the arrays returned by {@link #column} are the log's own (do not modify).
 */
public final class TrajectoryLog {
    /** The columns every log has, in file order. */
    public static final List<String> STANDARD_COLUMNS =
            List.of("t", "x", "y", "theta", "v", "omega", "cmd_v", "cmd_omega");

    private final List<String> columns;
    private final double[][] data;
    private final Map<String, Object> metadata;
    private final Path source;
    private final int[] lineNumbers;

    /**
     * @param columns  column names, unique. Not modified.
     * @param data     {@code data[column][row]}, all columns of equal length. Kept (not copied).
     * @param metadata sidecar metadata; may be empty. Copied.
     * @param source   the file it was read from, or null.
     * @throws IllegalArgumentException on mismatched lengths or duplicate names.
     */
    public TrajectoryLog(List<String> columns, double[][] data, Map<String, Object> metadata, Path source) {
        this(columns, data, metadata, source, null);
    }

    /**
     * A log that knows the file line of each row (so later checks can name the true line even when the
     * file had blank or skipped lines).
     *
     * @param columns     column names, unique. Not modified.
     * @param data        {@code data[column][row]}, all columns of equal length. Kept (not copied).
     * @param metadata    sidecar metadata; may be empty. Copied.
     * @param source      the file it was read from, or null.
     * @param lineNumbers 1-based file line of each row, one per row, or null (see {@link #lineOf}). Copied.
     * @throws IllegalArgumentException on mismatched lengths or duplicate names.
     */
    public TrajectoryLog(List<String> columns, double[][] data, Map<String, Object> metadata, Path source,
                         int[] lineNumbers) {
        if (columns.size() != data.length) {
            throw new IllegalArgumentException("trajectory log: " + columns.size() + " column names but "
                    + data.length + " data columns");
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("trajectory log: duplicate column names " + columns);
        }
        int n = data.length == 0 ? 0 : data[0].length;
        for (int c = 0; c < data.length; c++) {
            if (data[c].length != n) {
                throw new IllegalArgumentException("trajectory log: column '" + columns.get(c) + "' has "
                        + data[c].length + " rows, expected " + n);
            }
        }
        this.columns = List.copyOf(columns);
        this.data = data;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.source = source;
        if (lineNumbers != null && lineNumbers.length != n) {
            throw new IllegalArgumentException("trajectory log: " + lineNumbers.length + " line numbers for " + n + " rows");
        }
        this.lineNumbers = lineNumbers == null ? null : lineNumbers.clone();
    }

    /** Same as {@link #TrajectoryLog(List, double[][], Map, Path)} with no source file. */
    public TrajectoryLog(List<String> columns, double[][] data, Map<String, Object> metadata) {
        this(columns, data, metadata, null);
    }

    /** Number of rows. */
    public int length() {
        return data.length == 0 ? 0 : data[0].length;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Whether a column of this name exists. */
    public boolean has(String column) {
        return columns.contains(column);
    }

    /**
     * The values of one column, one per row (the log's own array; do not modify).
     *
     * @throws IllegalArgumentException naming the column (and file) when it is missing.
     */
    public double[] column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException((source != null ? source + ": " : "") + "no column '" + name
                    + "' (columns: " + String.join(",", columns) + ")");
        }
        return data[i];
    }

    /** Sidecar metadata (unmodifiable), empty if the log had none. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * The 1-based line of the file that held a row: as read (blank lines counted) for a log read by
     * {@link TrajectoryLogIO}, else {@code row + 2}, the row's line once written (header on line 1).
     *
     * @param row a row index in [0, {@link #length()}).
     * @return the line number.
     */
    public int lineOf(int row) {
        if (row < 0 || row >= length()) {
            throw new IndexOutOfBoundsException("row " + row + " of a " + length() + "-row trajectory log");
        }
        return lineNumbers != null ? lineNumbers[row] : row + 2;
    }

    /** The file this log was read from, or null. */
    public Path source() {
        return source;
    }
}
