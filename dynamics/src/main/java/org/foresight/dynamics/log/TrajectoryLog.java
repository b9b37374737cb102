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

    /**
     * @param columns  column names, unique. Not modified.
     * @param data     {@code data[column][row]}, all columns of equal length. Kept (not copied).
     * @param metadata sidecar metadata; may be empty. Copied.
     * @param source   the file it was read from, or null.
     * @throws IllegalArgumentException on mismatched lengths or duplicate names.
     */
    public TrajectoryLog(List<String> columns, double[][] data, Map<String, Object> metadata, Path source) {
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

    /** The file this log was read from, or null. */
    public Path source() {
        return source;
    }
}
