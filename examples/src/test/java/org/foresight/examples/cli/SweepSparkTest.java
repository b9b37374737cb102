package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.foresight.examples.campaign.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine against the local one: a 2 × 2 grid over 4 worlds with a fixed latency gives the same rows with
 * {@code --engine local} and with {@code --engine spark --master local[2]} (Spark in this JVM, two task threads,
 * every episode serialised to a task and its row back); a Spark re-run resumes where it stopped.
 */
class SweepSparkTest {
    @TempDir
    Path dir;

    private String[] args(Path out, String... engine) {
        List<String> a = new ArrayList<>(List.of("sweep", "--grid", dir.resolve("grid.json").toString(), "--worlds",
                "barn:0,barn:6,barn:12,barn:18", "--models", "unicycle", "--protocol", "oracle", "--latency", "10", "--samples", "128",
                "--horizon", "20", "--out", out.toString()));
        a.addAll(List.of(engine));
        return a.toArray(new String[0]);
    }

    /** Every column but the wall-clock ones (plan_ms_*, perception_ms_*), one string per row, sorted. */
    static List<String> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            ResultRow r = ResultRow.parse(l, csv.toString());
            ResultRow timeless = new ResultRow(r.world(), r.planner(), r.config(), r.model(), r.perception(), r.robot(),
                    r.seed(), r.localization(), r.latency(), r.outcome(), r.timeS(), r.otS(), r.score(), r.pathM(), 0, 0,
                    r.overrunFraction(), r.minClearanceM(), 0, 0, r.stopCycles(), r.collisionWith());
            out.add(timeless.toCsv());
        }
        out.sort(null);
        return out;
    }

    @Test
    void sparkLocal2GivesTheLocalEnginesRowsAndResumes() throws Exception {
        Files.writeString(dir.resolve("grid.json"),
                "{\"planner\": \"mppi\", \"grid\": {\"critics.speedTarget\": [1.0, 1.6], \"mppi.temperature\": [0.1, 0.3]}}");
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        CliTest.Run l = CliTest.run(args(local, "--engine", "local", "--threads", "2"));
        assertEquals(0, l.code(), l.err());
        CliTest.Run s = CliTest.run(args(spark, "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, s.code(), s.err());
        List<String> expected = rows(local.resolve("results.csv"));
        assertEquals(16, expected.size(), "4 configurations x 4 worlds");
        assertEquals(expected, rows(spark.resolve("results.csv")));
        for (String f : List.of("configs.csv", "best-config.json")) {
            assertEquals(Files.readString(local.resolve(f)), Files.readString(spark.resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(spark.resolve("summary.md")));
        assertTrue(Files.isRegularFile(spark.resolve("results.parquet").resolve("_SUCCESS")));
        try (Stream<Path> p = Files.list(spark.resolve("results.parquet"))) {
            assertEquals(1, p.filter(f -> f.getFileName().toString().endsWith(".parquet")).count());
        }

        // Kill-like: drop the last three rows; the re-run runs exactly those again, on Spark, and gets the same rows.
        Path csv = spark.resolve("results.csv");
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.subList(0, lines.size() - 3));
        CliTest.Run again = CliTest.run(args(spark, "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, again.code(), again.err());
        assertEquals(expected, rows(csv));
        assertEquals(1 + 16, Files.readAllLines(csv).size(), "the 13 kept rows were not run again");
    }
}
