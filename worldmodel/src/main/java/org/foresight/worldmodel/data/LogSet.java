package org.foresight.worldmodel.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.log.TrajectoryLogIO;

/**
 * The episodes of a directory of logs together with the files they came from, for fitting and for
 * provenance (file names and content digests, never absolute paths or times, so model files stay
 * byte-identical for the same data).
 *
 * @param episodes one episode per file, in file-name order.
 * @param files    the CSV files, same order.
 */
public record LogSet(List<Episode> episodes, List<Path> files) {

    /** Copies the lists. */
    public LogSet {
        episodes = List.copyOf(episodes);
        files = List.copyOf(files);
    }

    /**
     * Loads every {@code *.csv} in a directory (see {@link LogLoader}).
     *
     * @param dir    directory of logs.
     * @param rename the user's column name → ours (targets must be standard columns); may be empty.
     * @param dt     control period [s], or null for each sidecar's (else {@link LogLoader#DEFAULT_DT}).
     * @return the set.
     * @throws IllegalArgumentException for a rename target that is not one of our columns, a bad dt, or
     *                                  malformed logs (also {@link org.foresight.dynamics.log.LogFormatException}).
     */
    public static LogSet load(Path dir, Map<String, String> rename, Double dt) {
        for (Map.Entry<String, String> e : rename.entrySet()) {
            if (!TrajectoryLog.STANDARD_COLUMNS.contains(e.getValue())) {
                throw new IllegalArgumentException("column map " + e.getKey() + "=" + e.getValue() + ": '" + e.getValue()
                        + "' is not one of our columns " + TrajectoryLog.STANDARD_COLUMNS);
            }
        }
        if (dt != null && !(dt > 0 && Double.isFinite(dt))) {
            throw new IllegalArgumentException("control period dt must be > 0 s, got " + dt);
        }
        List<Path> files = TrajectoryLogIO.listLogs(dir);
        List<Episode> episodes = new ArrayList<>();
        for (Path f : files) {
            episodes.add(LogLoader.load(f, rename, dt));
        }
        LogLoader.loadDirectoryCheck(episodes);
        return new LogSet(episodes, files);
    }

    /**
     * Groups the logs by where they came from, as their sidecars record it: the robot (the plant
     * description written by {@code collect}, or the older robot parameters) and the control period. Logs
     * without a sidecar, or whose sidecar records neither, form the group "unknown robot".
     *
     * @return source description → file names, in file order; one entry when all logs agree.
     * @throws org.foresight.dynamics.log.LogFormatException for a sidecar that is not valid JSON.
     */
    public Map<String, List<String>> sources() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Path f : files) {
            Path side = TrajectoryLogIO.sidecarOf(f);
            String key = "unknown robot";
            if (Files.isRegularFile(side)) {
                try {
                    Map<?, ?> meta = TrajectoryLogIO.JSON.readValue(side.toFile(), Map.class);
                    Object plant = meta.get("plant_do_not_use_for_fitting");
                    if (plant == null) {
                        plant = meta.get("robot_ground_truth_do_not_use_for_fitting");
                    }
                    Object period = meta.get("control_period_s");
                    key = (plant == null ? "unknown robot" : "robot " + plant)
                            + (period == null ? "" : ", control period " + period + " s");
                } catch (IOException e) {
                    throw new org.foresight.dynamics.log.LogFormatException(side, 0, "sidecar is not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""));
                }
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(f.getFileName().toString());
        }
        return out;
    }

    /** @return per file, in order: {"file": name, "sha256": hex digest of its bytes}. */
    public List<Map<String, Object>> digests() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.getFileName().toString());
            m.put("sha256", sha256(f));
            out.add(m);
        }
        return out;
    }

    private static String sha256(Path f) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * @param episodes episodes.
     * @return their file names (last path element of each name).
     */
    public static List<String> names(List<Episode> episodes) {
        List<String> out = new ArrayList<>();
        for (Episode e : episodes) {
            Path p = Path.of(e.name());
            out.add(p.getFileName() == null ? e.name() : p.getFileName().toString());
        }
        return out;
    }
}
