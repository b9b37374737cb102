package org.foresight.dynamics.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** obstacles.csv: the true moving obstacles every cycle at world time, and older runs without t. */
class ObstacleLogTest {
    @TempDir
    Path dir;

    @Test
    void logsWorldTimeAndReadsBack() throws IOException {
        World w = DynaBarn.load(1, 7.5);
        List<MovingDisc> obs = w.movingObstacles();
        double x0 = obs.get(0).x();
        try (RunLogWriter out = RunLogWriter.create(dir, w, Footprint.JACKAL, Map.of())) {
            for (int i = 0; i < 3; i++) {
                out.cycle(new CycleRecord(i, 0.05 * i, new double[] {11, 0, Math.PI, 0, 0}, new double[] {0, 0}, 1.0,
                        "test", "ok", new double[0], new double[0][], new double[0], null, obs));
                for (MovingDisc o : obs) {
                    o.step(0.05, w.grid());
                }
            }
            out.finish(Map.of("outcome", "timeout"));
        }
        List<String> lines = Files.readAllLines(dir.resolve(RunFiles.OBSTACLES));
        assertEquals("cycle,t,id,x,y,radius", lines.get(0));
        assertEquals(1 + 3 * obs.size(), lines.size());
        assertEquals("2,7.6,0", lines.get(1 + 2 * obs.size()).substring(0, 7), "t = t0 + simulated time");
        RunLog run = RunLog.read(dir);
        assertEquals(3 * obs.size(), run.obstacles(2).length);
        assertEquals(x0, run.obstacles(0)[0], 1e-12);
        assertEquals(0.5, run.obstacles(2)[2], 0.0);
        // a run written before t was logged reads the same
        Files.writeString(dir.resolve(RunFiles.OBSTACLES), "cycle,id,x,y,radius\n0,0,1.0,2.0,0.5\n");
        assertArrayEquals(new double[] {1.0, 2.0, 0.5}, RunLog.read(dir).obstacles(0), 0.0);
    }
}
