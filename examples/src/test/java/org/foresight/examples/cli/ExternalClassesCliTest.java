package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.foresight.dynamics.log.RunLog;
import org.foresight.examples.custom.UserClassCompiler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", as a user runs it: classes compiled outside the project drive the CLI through
 * {@code --classpath}: collect from a user's plant, fit, navigate that plant through the fitted model; a model
 * too slow for the period overruns under measured latency and not without latency.
 */
class ExternalClassesCliTest {
    @TempDir
    static Path dir;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        Assumptions.assumeTrue(UserClassCompiler.available(), "no system Java compiler (running on a JRE)");
        classes = Files.createDirectories(dir.resolve("my-classes"));
        UserClassCompiler.compile(classes);
    }

    @Test
    void collectFitAndNavigateARobotCompiledOutsideTheProject() throws Exception {
        Path logs = dir.resolve("logs-wheel");
        Path model = dir.resolve("wheel.json");
        Path run = dir.resolve("run");
        String cp = classes.toString();
        assertEquals(0, CliTest.run("collect", "--plant", "class:my.WheelDrivePlant", "--classpath", cp, "--out",
                logs.toString(), "--episodes", "4", "--duration", "10").code());
        assertTrue(Files.readString(logs.resolve("episode_000.json")).contains("my.WheelDrivePlant"));
        assertEquals(0, CliTest.run("fit", "--logs", logs.toString(), "--kind", "linear", "--out", model.toString(),
                "--holdout", "0.25").code());
        CliTest.Run r = CliTest.run("navigate", "--world", "barn:5", "--plant", "class:my.WheelDrivePlant", "--classpath",
                cp, "--model", model.toString(), "--samples", "256", "--horizon", "30", "--timeout", "3", "--warmup", "2",
                "--latency", "20", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        RunLog log = RunLog.read(run);
        assertTrue(log.meta.toString().contains("my.WheelDrivePlant"), log.meta.toString());
        assertTrue(log.cycles() > 10);
    }

    @Test
    void aModelTooSlowForThePeriodOverrunsUnderMeasuredLatencyOnly() {
        Path slow = dir.resolve("slow");
        Path sync = dir.resolve("sync");
        String[] common = {"navigate", "--world", "barn:5", "--model", "class:my.SlowModel", "--classpath",
                classes.toString(), "--samples", "1000", "--horizon", "56", "--planner-threads", "1", "--timeout", "1.5",
                "--warmup", "1"};
        assertEquals(0, CliTest.run(concat(common, "--latency", "measured", "--out", slow.toString())).code());
        assertEquals(0, CliTest.run(concat(common, "--latency", "none", "--out", sync.toString())).code());
        double measured = ((Number) RunLog.read(slow).result.get("overrun_fraction")).doubleValue();
        double none = ((Number) RunLog.read(sync).result.get("overrun_fraction")).doubleValue();
        assertTrue(measured > 0.4, "overrun fraction " + measured + " with the slow model");
        assertEquals(0.0, none);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
