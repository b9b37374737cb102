package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.log.TrajectoryLogIO;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.examples.custom.LaggedUnicycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --latency, --robot, --plant and --classpath as a user meets them. */
class PlantLatencyCliTest {
    @TempDir
    Path dir;

    /** A 5-state plant that returns NaN as soon as it moves. */
    public static final class NanPlant extends PlantBase {
        @Override
        public void step(double[] x, double[] u, double dt, double[] xNext) {
            super.step(x, u, dt, xNext);
            if (Math.abs(x[3]) > 0.05) {
                xNext[3] = Double.NaN;
            }
        }
    }

    /** A model without a no-argument constructor. */
    public static final class NeedsArgument extends PlantBase {
        /** @param tau a time constant. */
        public NeedsArgument(double tau) {
        }
    }

    /** A plant whose constructor throws. */
    public static final class ThrowingPlant extends PlantBase {
        /** Always throws. */
        public ThrowingPlant() {
            throw new IllegalStateException("calibration file missing");
        }
    }

    /** Delegates to the lagged unicycle. */
    public static class PlantBase implements DynamicsModel {
        private final LaggedUnicycle inner = new LaggedUnicycle();

        @Override
        public int stateDim() {
            return 5;
        }

        @Override
        public int controlDim() {
            return 2;
        }

        @Override
        public List<String> stateNames() {
            return inner.stateNames();
        }

        @Override
        public List<String> controlNames() {
            return inner.controlNames();
        }

        @Override
        public void step(double[] x, double[] u, double dt, double[] xNext) {
            inner.step(x, u, dt, xNext);
        }
    }

    private List<String> navigate(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("navigate", "--world", "barn:0", "--samples", "256",
                "--horizon", "30", "--timeout", "2", "--warmup", "2", "--out", out.toString()));
        a.addAll(List.of(extra));
        if (!a.contains("--model")) {
            a.addAll(List.of("--model", "unicycle"));
        }
        return a;
    }

    private static CliTest.Run run(List<String> args) {
        return CliTest.run(args.toArray(new String[0]));
    }

    /** cycles.csv without its wall-clock column (plan_ms). */
    private static List<String> cyclesWithoutWallClock(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("cycles.csv"))) {
            String[] p = line.split(",", -1);
            p[2] = "";
            out.add(String.join(",", p));
        }
        return out;
    }

    @Test
    void aFixedLatencyGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, run(navigate(a, "--latency", "20", "--planner-threads", "1")).code());
        assertEquals(0, run(navigate(b, "--latency", "20", "--planner-threads", "2")).code());
        for (String f : List.of("trajectory.csv", "plans.bin", "rollouts.bin", "world.json")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertEquals(cyclesWithoutWallClock(a), cyclesWithoutWallClock(b));
        RunLog r = RunLog.read(a);
        assertEquals(20.0, r.latencyMs[0], 1e-9);
        Map<String, Object> res = r.result;
        assertEquals("20 ms", res.get("latency"));
        assertEquals(0.0, ((Number) res.get("overrun_fraction")).doubleValue());
        assertEquals(20.0, ((Number) res.get("latency_ms_p99")).doubleValue(), 1e-9);
        Path c = dir.resolve("c");
        assertEquals(0, run(navigate(c, "--latency", "none")).code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("trajectory.csv")),
                Files.readAllBytes(c.resolve("trajectory.csv"))), "20 ms of latency changes the episode");
    }

    @Test
    void aLatencyLongerThanThePeriodOverruns() {
        Path a = dir.resolve("slow");
        assertEquals(0, run(navigate(a, "--latency", "180")).code());
        RunLog r = RunLog.read(a);
        double f = ((Number) r.result.get("overrun_fraction")).doubleValue();
        assertEquals(3.0 / 4.0, f, 0.05, "a 180 ms plan spans four periods, three of them overrun");
    }

    @Test
    void robotPresetsAndPlantsAreRecordedInTheRun() throws IOException {
        Path a = dir.resolve("extreme");
        assertEquals(0, run(navigate(a, "--robot", "extreme,tauV=0.25", "--latency", "20")).code());
        String meta = Files.readString(a.resolve("meta.json"));
        assertTrue(meta.contains("\"robot\" : \"extreme,tauV=0.25\"") && meta.contains("\"tauV\" : 0.25")
                && meta.contains("\"maxV\" : 1.5"), meta);
        Path b = dir.resolve("lagged");
        assertEquals(0, run(navigate(b, "--plant", "class:" + LaggedUnicycle.class.getName(), "--model", "truth",
                "--latency", "20")).code());
        String metaB = Files.readString(b.resolve("meta.json"));
        assertTrue(metaB.contains("\"kind\" : \"class\"") && metaB.contains(LaggedUnicycle.class.getName()), metaB);
    }

    @Test
    void collectRecordsThePlantAndTheDefaultPresetChangesNothing() throws IOException {
        Path a = dir.resolve("plain");
        Path b = dir.resolve("preset");
        Path c = dir.resolve("sluggish");
        assertEquals(0, CliTest.run("collect", "--out", a.toString(), "--episodes", "1", "--duration", "8").code());
        assertEquals(0, CliTest.run("collect", "--out", b.toString(), "--episodes", "1", "--duration", "8",
                "--robot", "default").code());
        assertEquals(0, CliTest.run("collect", "--out", c.toString(), "--episodes", "1", "--duration", "8",
                "--robot", "sluggish").code());
        assertArrayEquals(Files.readAllBytes(a.resolve("episode_000.csv")), Files.readAllBytes(b.resolve("episode_000.csv")));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("episode_000.csv")),
                Files.readAllBytes(c.resolve("episode_000.csv"))));
        Map<String, Object> meta = TrajectoryLogIO.read(c.resolve("episode_000.csv")).metadata();
        assertTrue(meta.get("plant_do_not_use_for_fitting").toString().contains("maxAccel=2.0"), meta.toString());
        Path d = dir.resolve("class");
        assertEquals(0, CliTest.run("collect", "--out", d.toString(), "--episodes", "1", "--duration", "8",
                "--plant", "class:" + LaggedUnicycle.class.getName()).code());
        assertTrue(Files.readString(d.resolve("episode_000.json")).contains(LaggedUnicycle.class.getName()));
    }

    @Test
    void aPlantThatReturnsNanEndsWithOneLineAndNoCompleteRun() {
        Path a = dir.resolve("nan");
        CliTest.Run r = run(navigate(a, "--plant", "class:" + NanPlant.class.getName(), "--latency", "20"));
        assertAll(
                () -> assertEquals(2, r.code(), r.err()),
                () -> assertEquals(1, r.err().strip().lines().count(), r.err()),
                () -> assertTrue(r.err().contains("NanPlant") && r.err().contains("state entry 3 (v)"), r.err()),
                () -> assertFalse(Files.exists(a.resolve("result.json")), "no run that looks complete"));
    }

    @Test
    void badPlantRobotLatencyAndClasspathInputNameTheOption() {
        String cls = PlantLatencyCliTest.class.getName();
        String[][] cases = {
            {"--latency", "-3", "--latency"},
            {"--latency", "abc", "--latency"},
            {"--robot", "fast", "unknown robot preset 'fast'"},
            {"--robot", "tauV=abc", "not a number"},
            {"--robot", "tauV=-1", "tauV must be"},
            {"--robot", "integrator=foo", "unknown integrator"},
            {"--robot", "wheels=4", "unknown key"},
            {"--plant", "class:no.such.Robot", "is not on the classpath"},
            {"--plant", "class:java.lang.String", "does not implement"},
            {"--plant", "class:org.foresight.dynamics.model.Unicycle", "state dimension 3 < 5"},
            {"--plant", "class:" + cls + "$NeedsArgument", "no public no-argument constructor"},
            {"--plant", "class:" + cls + "$ThrowingPlant", "calibration file missing"},
            {"--plant", "Robot", "expected class:NAME"},
            {"--classpath", dir.resolve("missing").toString(), "does not exist"},
            {"--model", "class:" + cls + "$NeedsArgument", "--model"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("bad");
            CliTest.Run r = run(navigate(out, c[0], c[1]));
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[2]) && r.err().contains(c[0]), String.join(" ", c) + ": " + r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
        CliTest.Run both = run(navigate(dir.resolve("both"), "--robot", "extreme", "--plant",
                "class:" + LaggedUnicycle.class.getName()));
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exclude each other"), both.err());
    }

    @Test
    void classpathEntriesComeFromTheOptionAndTheEnvironment() throws IOException {
        Path jarDir = Files.createDirectories(dir.resolve("classes"));
        UserClasses u = new UserClasses(jarDir.toString(), null);
        assertEquals(List.of(jarDir.toAbsolutePath()), u.entries());
        UserClasses env = new UserClasses(null, jarDir + java.io.File.pathSeparator);
        assertEquals(List.of(jarDir.toAbsolutePath()), env.entries());
        Path notJar = Files.writeString(dir.resolve("notes.txt"), "x");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new UserClasses(null, notJar.toString()));
        assertTrue(e.getMessage().startsWith(UserClasses.ENV), e.getMessage());
    }
}
