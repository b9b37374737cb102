package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.log.TrajectoryLogIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The front door as a user meets it: exit codes, one-line errors, files written. */
class CliTest {
    @TempDir
    Path dir;

    /** Exit code and standard error of one command. */
    record Run(int code, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = ForesightCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        return new Run(code, err.toString());
    }

    @Test
    void simulateStraightEndsInCollisionAndWritesAValidRun() {
        Path out = dir.resolve("x");
        assertEquals(0, run("simulate", "--world", "barn:0", "--controller", "straight", "--out", out.toString()).code());
        RunLog r = RunLog.read(out);
        assertTrue(List.of("collision", "success").contains(r.outcome()), r.outcome());
        TrajectoryLog log = TrajectoryLogIO.read(out.resolve("trajectory.csv"));
        assertEquals(r.cycles(), log.length());
        assertTrue(log.length() > 10);
    }

    @Test
    void collectIsDeterministicPerSeed() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertEquals(0, run("collect", "--out", a.toString(), "--episodes", "3", "--duration", "8", "--seed", "1").code());
        assertEquals(0, run("collect", "--out", b.toString(), "--episodes", "3", "--duration", "8", "--seed", "1").code());
        assertEquals(0, run("collect", "--out", c.toString(), "--episodes", "3", "--duration", "8", "--seed", "2").code());
        List<String> names = list(a);
        assertEquals(List.of("episode_000.csv", "episode_000.json", "episode_001.csv", "episode_001.json",
                "episode_002.csv", "episode_002.json"), names);
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
        }
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(a.resolve("episode_000.csv")),
                Files.readAllBytes(c.resolve("episode_000.csv"))));
        TrajectoryLog log = TrajectoryLogIO.read(a.resolve("episode_001.csv"));
        assertEquals(160, log.length());
        double[] v = log.column("v");
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max > 0.3, "the robot was excited");
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void malformedWorldFileGivesOneLineErrorAndExitCode2() throws IOException {
        Path world = dir.resolve("world_017.txt");
        StringBuilder sb = new StringBuilder("# my world\n");
        for (int r = 0; r < 30; r++) {
            sb.append(r == 12 ? "0000000000000000000000000000x0" : "0".repeat(30)).append('\n');
        }
        Files.writeString(world, sb.toString());
        Run r = run("simulate", "--world", world.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("world_017.txt:14"), r.err());
    }

    @Test
    void missingWorldAndBadOptionsGiveExitCode2() {
        Run missing = run("simulate", "--world", dir.resolve("none.txt").toString(), "--out", dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.txt"), missing.err());
        Run barn = run("simulate", "--world", "barn:300", "--out", dir.toString());
        assertEquals(2, barn.code());
        assertTrue(barn.err().contains("300"), barn.err());
        Run controller = run("simulate", "--world", "barn:1", "--controller", "teleport", "--out", dir.toString());
        assertEquals(2, controller.code());
        assertTrue(controller.err().contains("--controller"), controller.err());
        Run robot = run("collect", "--out", dir.toString(), "--robot", "tauV=fast");
        assertEquals(2, robot.code());
        assertTrue(robot.err().contains("tauV"), robot.err());
        Run unknown = run("simulate", "--bogus");
        assertEquals(2, unknown.code());
    }

    @Test
    void mapServerMapDrivesFromStartToGoal() throws IOException {
        // 40 × 20 cells of 0.1 m, free inside a 1-cell border; the robot drives 2 m along +x in open space.
        int w = 40;
        int h = 20;
        StringBuilder pgm = new StringBuilder("P2\n" + w + " " + h + "\n255\n");
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                boolean border = r == 0 || c == 0 || r == h - 1 || c == w - 1;
                pgm.append(border ? "0 " : "254 ");
            }
            pgm.append('\n');
        }
        Files.writeString(dir.resolve("room.pgm"), pgm.toString());
        Files.writeString(dir.resolve("room.yaml"), "image: room.pgm\nresolution: 0.1\norigin: [0.0, 0.0, 0.0]\n"
                + "negate: 0\noccupied_thresh: 0.65\nfree_thresh: 0.196\n");
        Path out = dir.resolve("room-run");
        Run ok = run("simulate", "--world", dir.resolve("room.yaml").toString(), "--start", "0.8,1.0,0",
                "--goal", "3.2,1.0", "--controller", "pursuit", "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals("success", RunLog.read(out).outcome());
        Run noStart = run("simulate", "--world", dir.resolve("room.yaml").toString(), "--out", out.toString());
        assertEquals(2, noStart.code());
        assertTrue(noStart.err().contains("--start"), noStart.err());
    }

    @Test
    void everySubcommandHasHelp() {
        CommandLine cl = ForesightCli.commandLine();
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help") || name.equals("jmh")) {
                continue;
            }
            assertEquals(0, run(name, "--help").code(), name);
        }
    }
}
