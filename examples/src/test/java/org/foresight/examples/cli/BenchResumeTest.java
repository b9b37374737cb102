package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.foresight.examples.campaign.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's promise to survive a kill: SIGKILL a running bench in its own JVM, run the same command again, and
 * the set is complete with no episode twice, in the campaign's order; a different command into the same directory
 * is refused.
 */
class BenchResumeTest {
    @TempDir
    Path dir;

    private List<String> args(Path out) {
        return List.of("bench", "--worlds", "barn:0,barn:6,barn:12", "--planners", "dwa,mppi", "--models", "unicycle",
                "--perception", "map", "--protocol", "oracle", "--latency", "10", "--samples", "128", "--horizon", "20",
                "--threads", "2", "--out", out.toString());
    }

    @Test
    void killedBenchResumesWithNoDuplicateAndNoMissingEpisode() throws Exception {
        Path out = dir.resolve("bench");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ForesightCli.class.getName()));
        cmd.addAll(args(out));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        Path csv = out.resolve("results.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(csv) < 1 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        p.waitFor();
        int before = rows(csv);
        assertTrue(before >= 1 && before < 6, "killed after the first row and before the last, got " + before
                + " rows; log: " + Files.readString(dir.resolve("log.txt")));
        // A torn last line, as a kill mid-write would leave it.
        Files.writeString(csv, "barn:12,mppi,unic", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertEquals(0, CliTest.run(args(out).toArray(String[]::new)).code());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(ResultRow.HEADER, lines.get(0));
        Set<String> keys = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            ResultRow r = ResultRow.parse(l, csv.toString());
            assertTrue(keys.add(r.key().toString()), "duplicate " + r.key());
        }
        assertEquals(6, keys.size(), "3 worlds x 2 planners, each exactly once");
        // Complete: the file is rewritten in the campaign's order (world, then planner), not the finishing order.
        List<String> order = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            ResultRow r = ResultRow.parse(l, csv.toString());
            order.add(r.world() + "/" + r.planner());
        }
        assertEquals(List.of("barn:0/dwa", "barn:0/mppi", "barn:6/dwa", "barn:6/mppi", "barn:12/dwa",
                "barn:12/mppi"), order);
        assertTrue(Files.isRegularFile(out.resolve("summary.md")) && Files.isRegularFile(out.resolve("success.png")));

        // The same command again runs nothing new; a different one is refused, and --force replaces.
        assertEquals(0, CliTest.run(args(out).toArray(String[]::new)).code());
        assertEquals(7, Files.readAllLines(csv).size());
        List<String> other = new ArrayList<>(args(out));
        other.set(2, "barn:0");
        CliTest.Run refused = CliTest.run(other.toArray(String[]::new));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--force"), refused.err());
        other.add("--force");
        assertEquals(0, CliTest.run(other.toArray(String[]::new)).code());
        assertEquals(3, Files.readAllLines(csv).size(), "replaced: 1 world x 2 planners");
    }

    private static int rows(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(csv);
        int n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return Math.max(0, n - 1);
    }

}
