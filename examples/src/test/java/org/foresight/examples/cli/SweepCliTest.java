package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.foresight.examples.campaign.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2 × 2 sweep end to end: every configuration × world once, the same rows whatever the thread count, a usable best. */
class SweepCliTest {
    @TempDir
    Path dir;

    private String[] args(Path out, String threads) {
        return new String[] {"sweep", "--grid", dir.resolve("grid.json").toString(), "--worlds", "barn:0,barn:6",
            "--models", "unicycle", "--protocol", "oracle", "--latency", "10", "--samples", "128", "--horizon", "20",
            "--threads", threads, "--out", out.toString()};
    }

    /** The rows without the wall-clock columns (plan and perception times), sorted. */
    private static List<String> outcomes(Path csv) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            ResultRow r = ResultRow.parse(l, csv.toString());
            out.add(String.join(",", r.world(), r.config(), r.outcome(), Double.toString(r.timeS()),
                    Double.toString(r.pathM()), Double.toString(r.minClearanceM())));
        }
        out.sort(null);
        return out;
    }

    @Test
    void aTwoByTwoGridRunsEveryConfigurationOnEveryWorldIdenticallyOnOneAndTwoThreads() throws Exception {
        Files.writeString(dir.resolve("grid.json"),
                "{\"planner\": \"mppi\", \"grid\": {\"critics.speedTarget\": [1.0, 1.6], \"mppi.temperature\": [0.1, 0.3]}}");
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, CliTest.run(args(one, "1")).code());
        assertEquals(0, CliTest.run(args(two, "2")).code());
        List<String> a = outcomes(one.resolve("results.csv"));
        assertEquals(8, a.size(), "4 configurations x 2 worlds");
        assertEquals(a, outcomes(two.resolve("results.csv")));
        String summary = Files.readString(one.resolve("summary.md"));
        assertTrue(summary.contains("| 1 | c0"), summary);
        Path best = one.resolve("best-config.json");
        assertTrue(Files.isRegularFile(best));
        // The best configuration is a ready --planner-config file.
        assertEquals(0, CliTest.run("navigate", "--world", "barn:0", "--planner-config", best.toString(),
                "--print-config").code());
    }
}
