package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.KeyframeSpline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --world dynabarn:N}, {@code --t0} and {@code --moving-obstacles} through the front door. */
class DynaBarnCliTest {
    @TempDir
    Path dir;

    @Test
    void navigateInADynaBarnWorldLogsTheTrueObstaclesAtWorldTime() throws IOException {
        Path out = dir.resolve("run");
        CliTest.Run r = CliTest.run("navigate", "--world", "dynabarn:3", "--t0", "5", "--timeout", "1", "--samples", "64",
                "--planner-threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("obstacles.csv"));
        assertEquals("cycle,t,id,x,y,radius", lines.get(0));
        int n = DynaBarn.plugins(3).size();
        // cycle 0 is at world time t0 = 5 s: each obstacle where its keyframe spline has it then
        double[] p = new double[4];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(1 + i).split(",");
            assertEquals(5.0, Double.parseDouble(f[1]), 1e-9);
            DynaBarn.spline(DynaBarn.plugins(3).get(i)).evaluate(5.0, p);
            assertEquals(p[KeyframeSpline.X], Double.parseDouble(f[3]), 1e-9);
            assertEquals(p[KeyframeSpline.Y], Double.parseDouble(f[4]), 1e-9);
            assertEquals(0.5, Double.parseDouble(f[5]), 0.0);
        }
        RunLog log = RunLog.read(out);
        assertTrue(log.cycles() > 5, "cycles: " + log.cycles());
    }

    @Test
    void trackedPerceptionRunsWithTheLidar() throws IOException {
        Path out = dir.resolve("tracked");
        CliTest.Run r = CliTest.run("navigate", "--world", "dynabarn:45", "--perception", "tracked", "--timeout", "1",
                "--samples", "64", "--planner-threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("result.json")).contains("\"tracked+truth\""));
        assertTrue(Files.exists(out.resolve("scans.bin")), "the lidar was simulated");
    }

    @Test
    void trackerOptionsReachTheTrackerAndAreRecorded() throws IOException {
        String[] base = {"navigate", "--world", "dynabarn:45", "--protocol", "barn", "--latency", "20", "--t0", "5",
                "--timeout", "2", "--samples", "64", "--planner-threads", "1"};
        Path plain = dir.resolve("plain");
        Path same = dir.resolve("same");
        Path other = dir.resolve("other");
        assertEquals(0, CliTest.run(concat(base, "--out", plain.toString())).code());
        // the default value given explicitly changes nothing; another value changes the tracks, hence the run
        assertEquals(0, CliTest.run(concat(base, "--tracker", "accelNoise=3", "--out", same.toString())).code());
        CliTest.Run r = CliTest.run(concat(base, "--tracker", "accelNoise=30,measurementStd=0.1", "--moving-filter",
                "staticAge=1.5", "--out", other.toString()));
        assertEquals(0, r.code(), r.err());
        String traj = Files.readString(plain.resolve("trajectory.csv"));
        assertEquals(traj, Files.readString(same.resolve("trajectory.csv")));
        assertTrue(!traj.equals(Files.readString(other.resolve("trajectory.csv"))), "the tracker settings were ignored");
        String meta = Files.readString(other.resolve("meta.json"));
        assertTrue(meta.contains("accelNoise=30.0") && meta.contains("measurementStd=0.1") && meta.contains("staticAge=1.5"),
                meta);
        // bad keys and values: one line naming the option and the key, exit 2
        CliTest.Run bad = CliTest.run(concat(base, "--tracker", "accelNose=3", "--out", dir.resolve("bad").toString()));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--tracker accelNose: unknown key") && bad.err().strip().lines().count() == 1,
                bad.err());
        CliTest.Run neg = CliTest.run(concat(base, "--moving-filter", "settleAge=-1", "--out", dir.resolve("neg").toString()));
        assertEquals(2, neg.code());
        assertTrue(neg.err().contains("--moving-filter settleAge=-1"), neg.err());
        assertTrue(!Files.exists(dir.resolve("bad")) && !Files.exists(dir.resolve("neg")), "refused before anything ran");
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void movingObstaclesJoinAnyWorld() throws IOException {
        Path out = dir.resolve("barn");
        CliTest.Run r = CliTest.run("navigate", "--world", "barn:0", "--moving-obstacles", "3", "--obstacle-radius", "0.3",
                "--obstacle-speed", "0.5,0.5", "--timeout", "0.5", "--samples", "64", "--planner-threads", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("obstacles.csv"));
        assertEquals(1 + 3 * (lines.size() - 1) / 3, lines.size());
        assertTrue(lines.get(1).endsWith(",0.3"), lines.get(1));
        assertTrue(Files.readString(out.resolve("meta.json")).contains("\"moving_obstacles\""));
    }

    @Test
    void benchStartsTheWorldClockAtT0LikeNavigate() throws IOException {
        Path out = dir.resolve("bench");
        CliTest.Run r = CliTest.run("bench", "--worlds", "dynabarn:3", "--t0", "5", "--models", "unicycle",
                "--samples", "64", "--latency", "20", "--keep-runs", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("t0 5 s"), "the conditions name t0");
        Path run;
        try (var runs = Files.list(out.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertTrue(Files.readString(run.resolve("meta.json")).contains("\"t0_s\" : 5.0"),
                Files.readString(run.resolve("meta.json")));
        List<String> lines = Files.readAllLines(run.resolve("obstacles.csv"));
        double[] p = new double[4];
        for (int i = 0; i < DynaBarn.plugins(3).size(); i++) {
            String[] f = lines.get(1 + i).split(",");
            assertEquals(5.0, Double.parseDouble(f[1]), 1e-9, "cycle 0 is at world time t0");
            DynaBarn.spline(DynaBarn.plugins(3).get(i)).evaluate(5.0, p);
            assertEquals(p[KeyframeSpline.X], Double.parseDouble(f[3]), 1e-9);
            assertEquals(p[KeyframeSpline.Y], Double.parseDouble(f[4]), 1e-9);
        }
    }
}
