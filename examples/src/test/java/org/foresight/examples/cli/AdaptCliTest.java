package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --adapt and --plant-change as a user meets them. */
class AdaptCliTest {
    @TempDir
    static Path shared;

    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitModel() {
        Path logs = shared.resolve("logs");
        model = shared.resolve("lin.json");
        assertEquals(0, CliTest.run("collect", "--out", logs.toString(), "--episodes", "3", "--duration", "10").code());
        CliTest.Run r = CliTest.run("fit", "--logs", logs.toString(), "--kind", "linear", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static List<String> navigate(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("navigate", "--world", "barn:0", "--samples", "256",
                "--horizon", "30", "--timeout", "4", "--warmup", "2", "--latency", "20", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a;
    }

    private static CliTest.Run run(List<String> args) {
        return CliTest.run(args.toArray(new String[0]));
    }

    @Test
    void adaptingRunIsDeterministicAcrossThreadCountsAndRecordsTheChange() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        String change = "1:maxAccel=2,maxAlpha=4,yawSlip=0.5";
        CliTest.Run ra = run(navigate(a, "--model", model.toString(), "--adapt", "--plant-change", change,
                "--adapt-reference", model.toString(), "--planner-threads", "1"));
        assertEquals(0, ra.code(), ra.err());
        assertEquals(0, run(navigate(b, "--model", model.toString() + "+adapt", "--plant-change", change,
                "--planner-threads", "2")).code());
        assertEquals(0, run(navigate(c, "--model", model.toString(), "--plant-change", change,
                "--planner-threads", "1")).code());
        String meta = Files.readString(a.resolve("meta.json"));
        assertAll(
                () -> assertArrayEquals(Files.readAllBytes(a.resolve("trajectory.csv")),
                        Files.readAllBytes(b.resolve("trajectory.csv")), "same seed and fixed latency: same episode"),
                () -> assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("trajectory.csv")),
                        Files.readAllBytes(c.resolve("trajectory.csv"))), "adapting changes the plans"),
                () -> assertTrue(Files.readAllLines(a.resolve("adaptation.csv")).size() > 20),
                () -> assertTrue(Files.readAllLines(a.resolve("adaptation.csv")).get(0)
                        .startsWith("t_s,adapted_err_v,adapted_err_omega,frozen_err_v"), "header"),
                () -> assertTrue(meta.contains("\"plant_changes\"") && meta.contains("\"maxAccel\" : 2.0")
                        && meta.contains("\"time_s\" : 1.0"), meta),
                () -> assertTrue(meta.contains("\"adapt\" : \"rls"), meta));
    }

    @Test
    void plantChangeChangesTheRobotAtItsTime() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertEquals(0, run(navigate(a, "--model", "unicycle")).code());
        assertEquals(0, run(navigate(b, "--model", "unicycle", "--plant-change", "2:maxV=0.3")).code());
        assertEquals(0, run(navigate(c, "--model", "unicycle", "--plant-change", "2.5:yawSlip=0")).code());
        List<String> ta = Files.readAllLines(a.resolve("trajectory.csv"));
        List<String> tb = Files.readAllLines(b.resolve("trajectory.csv"));
        int header = 1;
        // the first 2 s (40 periods of 50 ms, plus the start row) are the same; later rows differ
        assertAll(
                () -> assertEquals(ta.subList(0, header + 41), tb.subList(0, header + 41)),
                () -> assertFalse(ta.equals(tb)),
                () -> assertFalse(ta.equals(Files.readAllLines(c.resolve("trajectory.csv")))));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String m = model.toString();
        String[][] cases = {
                {"--model", "unicycle", "--adapt"}, {"--model", "truth", "--adapt"},
                {"--model", m, "--plant-change", "3:mass=2"}, {"--model", m, "--plant-change", "-1:maxAccel=2"},
                {"--model", m, "--plant-change", "9:maxAccel=2"}, {"--model", m, "--plant-change", "1:maxAccel=-2"},
                {"--model", m, "--plant-change", "1:maxAccel=fast"}, {"--model", m, "--plant-change", "maxAccel=2"},
                {"--model", m, "--adapt", "--adapt-forgetting", "1.5"},
                {"--model", m, "--adapt-reference", m},
                {"--model", m, "--adapt", "--adapt-settled-forgetting", "1"},
                {"--model", m, "--adapt", "--adapt-detect", "0.5"},
        };
        String[] expect = {"unicycle", "truth", "mass", "-1", "outside the episode", "maxAccel", "not a number",
                "T:KEY=VAL", "--adapt-forgetting", "--adapt-reference",
                "--adapt-settled-forgetting", "--adapt-detect"};
        for (int i = 0; i < cases.length; i++) {
            CliTest.Run r = run(navigate(dir.resolve("bad" + i), cases[i]));
            String err = r.err().strip();
            int k = i;
            assertAll(String.join(" ", cases[i]),
                    () -> assertEquals(2, r.code(), err),
                    () -> assertEquals(1, err.lines().count(), err),
                    () -> assertTrue(err.contains(expect[k]) && (err.contains("--adapt") || err.contains("--plant-change")),
                            err));
        }
    }
}
