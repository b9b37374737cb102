package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door's promise over a table of bad options, paths and files: exit code 2, exactly one line on
 * standard error that names what is wrong, no stack trace, no "internal error". New options belong here.
 */
class BadInputTest {
    @TempDir
    static Path dir;

    static Path logs;
    static Path aFile;
    static Path model;

    @BeforeAll
    static void fixtures() throws IOException {
        logs = dir.resolve("logs");
        assertEquals(0, CliTest.run("collect", "--out", logs.toString(), "--episodes", "3", "--duration", "8").code());
        model = dir.resolve("m.json");
        assertEquals(0, CliTest.run("fit", "--logs", logs.toString(), "--kind", "linear", "--out", model.toString(),
                "--holdout", "0.34").code());
        aFile = Files.writeString(dir.resolve("a-file.txt"), "not a directory\n");
    }

    /** One bad invocation and a fragment its error line must contain. */
    record Case(String expect, String... args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    private static List<Case> cases() throws IOException {
        String out = dir.resolve("out").toString();
        String f = aFile.toString();
        String l = logs.toString();
        Path badModel = dir.resolve("bad-dt.json");
        Files.writeString(badModel, Files.readString(model).replaceFirst("\"dt_s\" : [0-9.eE-]+", "\"dt_s\" : -1"));
        Path badWorld = Files.writeString(dir.resolve("world_009.txt"), "0 0 x\n");
        List<Case> c = new ArrayList<>();
        // parse errors: one line and a pointer to --help
        c.add(new Case("'abc'", "navigate", "--world", "barn:0", "--seed", "abc", "--out", out));
        c.add(new Case("--bogus", "navigate", "--world", "barn:0", "--bogus", "--out", out));
        c.add(new Case("--out", "navigate", "--world", "barn:0"));
        c.add(new Case("--help", "bench", "--samples", "many"));
        // sizes the heap cannot hold, ranges
        c.add(new Case("--samples", "navigate", "--world", "barn:0", "--samples", "1000000000", "--out", out));
        c.add(new Case("--horizon", "navigate", "--world", "barn:0", "--horizon", "100000000", "--out", out));
        c.add(new Case("--samples", "navigate", "--world", "barn:0", "--samples", "0", "--out", out));
        c.add(new Case("--warmup", "navigate", "--world", "barn:0", "--warmup", "-3", "--out", out));
        c.add(new Case("--timeout", "navigate", "--world", "barn:0", "--timeout", "-1", "--out", out));
        c.add(new Case("--planner-threads", "navigate", "--world", "barn:0", "--planner-threads", "-2", "--out", out));
        c.add(new Case("--duration", "collect", "--duration", "1e12", "--out", out));
        c.add(new Case("--duration", "collect", "--duration", "3", "--out", out));
        c.add(new Case("--episodes", "collect", "--episodes", "0", "--out", out));
        c.add(new Case("--excite-max-omega", "collect", "--excite-max-omega", "0", "--out", out));
        c.add(new Case("--excite-max-v", "collect", "--excite-max-v", "NaN", "--out", out));
        c.add(new Case("--ensemble-diversity", "fit", "--logs", l, "--kind", "ensemble", "--ensemble-diversity", "chaos",
                "--out", out + ".json"));
        c.add(new Case("diversity 'clamps'", "fit", "--logs", l, "--kind", "ensemble", "--member-kind", "mlp",
                "--ensemble-diversity", "clamps", "--out", out + ".json"));
        c.add(new Case("critics.spread.weight", "bench", "--set", "critics.spread.weight=-2", "--worlds", "0", "--out", out));
        c.add(new Case("critics.spread.margin", "navigate", "--world", "barn:0", "--set", "critics.spread.margin=0",
                "--out", out));
        c.add(new Case("--threads", "bench", "--threads", "-1", "--worlds", "0", "--out", out));
        c.add(new Case("--mlp-samples", "fit", "--logs", l, "--kind", "mlp", "--mlp-samples", "0", "--out", out + ".json"));
        c.add(new Case("--threads", "fit", "--logs", l, "--kind", "mlp", "--threads", "-1", "--out", out + ".json"));
        c.add(new Case("--holdout", "fit", "--logs", l, "--kind", "linear", "--holdout", "1.5", "--out", out + ".json"));
        // unknown values
        c.add(new Case("--planner teleport", "bench", "--planner", "teleport", "--worlds", "0", "--out", out));
        c.add(new Case("--planner teleport", "navigate", "--world", "barn:0", "--planner", "teleport", "--out", out));
        c.add(new Case("--planners teleport", "bench", "--planners", "mppi,teleport", "--worlds", "0", "--out", out));
        c.add(new Case("--model", "bench", "--models", "unicycle,nosuch.json", "--worlds", "0", "--out", out));
        c.add(new Case("--robot", "bench", "--robots", "default,speedy", "--worlds", "0", "--out", out));
        c.add(new Case("--perception", "bench", "--perception", "map,sonar", "--worlds", "0", "--out", out));
        c.add(new Case("--seeds", "bench", "--seeds", "0", "--worlds", "0", "--out", out));
        c.add(new Case("--worlds", "bench", "--worlds", "barn:300", "--out", out));
        c.add(new Case("--worlds", "bench", "--worlds", "moon:3", "--out", out));
        c.add(new Case("--worlds", "bench", "--worlds", "dynabarn:60", "--out", out));
        c.add(new Case("--moving-obstacles", "bench", "--moving-obstacles", "-1", "--worlds", "0", "--out", out));
        c.add(new Case("--grid", "sweep", "--grid", f, "--worlds", "0", "--out", out));
        c.add(new Case("--engine moon", "sweep", "--engine", "moon", "--grid", f, "--worlds", "0", "--out", out));
        c.add(new Case("--master", "sweep", "--master", "local[2]", "--grid", f, "--worlds", "0", "--out", out));
        c.add(new Case("--master", "sweep", "--engine", "spark", "--master", "moon://x", "--grid", f, "--worlds", "0",
                "--out", out));
        Path grid = Files.writeString(dir.resolve("grid.json"), "{\"planner\": \"mppi\", \"grid\": {\"mppi.temperature\": [0.1]}}");
        c.add(new Case("cannot reach", "sweep", "--engine", "spark", "--master", "spark://127.0.0.1:1", "--grid",
                grid.toString(), "--worlds", "0", "--out", out));
        c.add(new Case("--kind", "fit", "--logs", l, "--kind", "gp", "--out", out + ".json"));
        c.add(new Case("--worlds", "bench", "--worlds", "5-400", "--out", out));
        c.add(new Case("--perception", "navigate", "--world", "barn:0", "--perception", "lidar2", "--out", out));
        c.add(new Case("--localization", "navigate", "--world", "barn:0", "--localization", "gps", "--out", out));
        c.add(new Case("--protocol", "bench", "--protocol", "moon", "--worlds", "0", "--out", out));
        c.add(new Case("--localization scanmatch", "navigate", "--world", "barn:0", "--perception", "map",
                "--localization", "scanmatch", "--out", out));
        c.add(new Case("--world dynabarn:60", "navigate", "--world", "dynabarn:60", "--out", out));
        c.add(new Case("--world dynabarn:x", "simulate", "--world", "dynabarn:x", "--out", out));
        c.add(new Case("--t0", "navigate", "--world", "dynabarn:0", "--t0", "-1", "--out", out));
        c.add(new Case("--t0", "simulate", "--world", "barn:0", "--t0", "-0.5", "--out", out));
        c.add(new Case("--t0", "bench", "--worlds", "dynabarn:0", "--t0", "-2", "--out", out));
        c.add(new Case("--moving-obstacles", "navigate", "--world", "barn:0", "--moving-obstacles", "-1", "--out", out));
        c.add(new Case("--obstacle-radius", "navigate", "--world", "barn:0", "--moving-obstacles", "2",
                "--obstacle-radius", "-0.1", "--out", out));
        c.add(new Case("--obstacle-speed", "navigate", "--world", "barn:0", "--moving-obstacles", "2",
                "--obstacle-speed", "-1,2", "--out", out));
        c.add(new Case("--lidar", "navigate", "--world", "barn:0", "--protocol", "barn", "--lidar", "beams=0", "--out", out));
        c.add(new Case("--lidar", "navigate", "--world", "barn:0", "--protocol", "barn", "--lidar", "range_m=0", "--out", out));
        c.add(new Case("--lidar", "bench", "--lidar", "resolution_m=0", "--worlds", "0", "--out", out));
        c.add(new Case("--lidar", "bench", "--lidar", "rays=5", "--worlds", "0", "--out", out));
        c.add(new Case("--odometry", "navigate", "--world", "barn:0", "--protocol", "barn", "--odometry", "gyroNoise=-1",
                "--out", out));
        c.add(new Case("--latency", "bench", "--latency", "soon", "--worlds", "0", "--out", out));
        c.add(new Case("unknown integrator", "collect", "--robot", "integrator=foo", "--out", out));
        c.add(new Case("unknown robot preset", "bench", "--robot", "speedy", "--worlds", "0", "--out", out));
        c.add(new Case("--controller", "simulate", "--world", "barn:1", "--controller", "teleport", "--out", out));
        // paths that are files, missing or unwritable
        c.add(new Case("is a file", "bench", "--worlds", "0", "--out", f));
        c.add(new Case("is a file", "demo", "--out", f));
        c.add(new Case("is a file", "navigate", "--world", "barn:0", "--out", f));
        c.add(new Case("is a file", "collect", "--out", f));
        c.add(new Case("--report", "fit", "--logs", l, "--kind", "linear", "--out", out + ".json", "--report",
                f + "/r.json"));
        c.add(new Case("--out", "fit", "--logs", l, "--kind", "linear", "--out", dir.toString()));
        c.add(new Case("--report", "eval", "--model", model.toString(), "--logs", l, "--report", f + "/r.json"));
        c.add(new Case("is a file", "replay", f));
        c.add(new Case("does not exist", "replay", dir.resolve("no-run").toString()));
        c.add(new Case("--png", "replay", f, "--png", "x.jpg"));
        c.add(new Case("no-such-world", "navigate", "--world", dir.resolve("no-such-world.txt").toString(), "--out", out));
        c.add(new Case("world_009.txt:1", "simulate", "--world", badWorld.toString(), "--out", out));
        c.add(new Case("does not exist", "fit", "--logs", dir.resolve("no-logs").toString(), "--kind", "linear", "--out",
                out + ".json"));
        // files that are wrong inside
        c.add(new Case("dt_s", "navigate", "--world", "barn:0", "--model", badModel.toString(), "--out", out));
        c.add(new Case("already holds", "collect", "--out", l));
        return c;
    }

    @Test
    void everyBadInputIsOneLineNamingItWithExitCode2() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            CliTest.Run r = CliTest.run(c.args());
            String err = r.err().strip();
            boolean ok = r.code() == 2 && err.lines().count() == 1 && err.contains(c.expect())
                    && !err.contains("internal error") && !err.contains("\tat ") && !err.contains("Exception:");
            if (!ok) {
                failures.add(c + "\n    -> exit " + r.code() + ": " + err.replace("\n", "\n       "));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad inputs broke the promise:\n" + String.join("\n", failures));
        assertFalse(Files.exists(dir.resolve("out")), "no output was started for bad input");
    }
}
