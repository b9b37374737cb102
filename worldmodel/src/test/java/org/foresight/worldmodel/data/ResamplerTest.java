package org.foresight.worldmodel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResamplerTest {
    @TempDir
    Path dir;

    private static double[][] state(double[] t) {
        double[][] s = new double[5][t.length];
        for (int i = 0; i < t.length; i++) {
            s[StateIndex.X][i] = 2 * t[i];           // linear in time: interpolation is exact
            s[StateIndex.THETA][i] = Math.PI - 0.1 + t[i];   // crosses +π: must interpolate unwrapped
            s[StateIndex.V][i] = 2;
        }
        return s;
    }

    @Test
    void irregularRowsAreResampledLinearlyWithCommandsHeld() {
        double[] t = {0.0, 0.03, 0.11, 0.14, 0.2, 0.26};
        double[][] u = new double[2][t.length];
        for (int i = 0; i < t.length; i++) {
            u[ControlIndex.V][i] = i;
        }
        Episode e = new Resampler(0.05, 0.25).resample("f.csv", 2, t, state(t), u);
        assertEquals(6, e.length());
        for (int k = 0; k < e.length(); k++) {
            double tk = 0.05 * k;
            assertEquals(2 * tk, e.state(StateIndex.X)[k], 1e-12);
            assertEquals(0.0, org.foresight.dynamics.model.Angles.wrap(Math.PI - 0.1 + tk - e.state(StateIndex.THETA)[k]), 1e-12);
        }
        // zero-order hold: at t = 0.10 the last row at or before is t = 0.03 (index 1)
        assertEquals(1.0, e.control(ControlIndex.V)[2], 0.0);
        assertEquals(3.0, e.control(ControlIndex.V)[3], 0.0);   // t = 0.15: row t = 0.14
    }

    @Test
    void regularRowsAreKeptAsTheyAre() {
        double[] t = {0.0, 0.0501, 0.1, 0.1499, 0.2};
        Episode e = new Resampler(0.05, 0.25).resample("f.csv", 2, t, state(t), new double[2][5]);
        assertEquals(state(t)[StateIndex.X][3], e.state(StateIndex.X)[3], 0.0);
    }

    @Test
    void aGapIsRejectedNamingFileAndLine() {
        double[] t = {0.0, 0.05, 0.1, 0.6, 0.65};
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new Resampler(0.05, 0.25).resample("odom.csv", 2, t, state(t), new double[2][5]));
        assertTrue(ex.getMessage().startsWith("odom.csv:5:"), ex.getMessage());
        assertTrue(ex.getMessage().contains("gap"), ex.getMessage());
    }

    @Test
    void aGapInACsvWithBlankLinesNamesTheTrueFileLine() throws Exception {
        // line 1 blank, header on line 2, rows on lines 3, 5, 6 (line 4 blank), a blank line 7, then the row
        // after the 0.5 s gap on line 8
        Path csv = dir.resolve("gappy.csv");
        Files.writeString(csv, "\nt,x,y,theta,v,omega,cmd_v,cmd_omega\n0.0,0,0,0,0,0,0,0\n\n"
                + "0.05,0,0,0,0,0,0,0\n0.1,0,0,0,0,0,0,0\n\n0.6,0,0,0,0,0,0,0\n0.65,0,0,0,0,0,0,0\n");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> LogLoader.load(csv, Map.of(), 0.05));
        assertTrue(ex.getMessage().startsWith(csv + ":8:"), ex.getMessage());
        assertTrue(ex.getMessage().contains("gap"), ex.getMessage());
    }

    @Test
    void aUserCsvWithoutSidecarAndOtherColumnNamesLoads() throws Exception {
        Path csv = dir.resolve("jackal_odom.csv");
        StringBuilder sb = new StringBuilder("stamp,px,py,yaw,linear_x,angular_z,cmd_lin,cmd_ang,battery\n");
        for (int i = 0; i < 40; i++) {
            double t = i * 0.1 + (i % 3 == 0 ? 0.004 : 0);   // 10 Hz with jitter: resampled to 20 Hz
            sb.append(t).append(',').append(t).append(",0,0,1,0,1,0,24.1\n");
        }
        Files.writeString(csv, sb.toString());
        Map<String, String> rename = Map.of("stamp", "t", "px", "x", "py", "y", "yaw", "theta", "linear_x", "v",
                "angular_z", "omega", "cmd_lin", "cmd_v", "cmd_ang", "cmd_omega");
        LogSet set = LogSet.load(dir, rename, null);
        Episode e = set.episodes().get(0);
        assertEquals(0.05, e.dt(), 0.0);
        assertTrue(e.length() >= 77, "rows " + e.length());
        assertEquals(List.of("jackal_odom.csv"), LogSet.names(set.episodes()));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> LogSet.load(dir, Map.of("stamp", "time"), null));
        assertTrue(ex.getMessage().contains("time"), ex.getMessage());
    }

    @Test
    void splitIsByEpisodeAndDeterministic() {
        List<Episode> eps = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double[] t = {0, 0.05, 0.1};
            eps.add(new Resampler(0.05, 0.25).resample("e" + i, 2, t, state(t), new double[2][3]));
        }
        EpisodeSplit a = EpisodeSplit.split(eps, 0.2, 3);
        EpisodeSplit b = EpisodeSplit.split(eps, 0.2, 3);
        assertEquals(2, a.validation().size());
        assertEquals(8, a.train().size());
        assertEquals(a.validation(), b.validation());
        for (Episode v : a.validation()) {
            assertTrue(!a.train().contains(v));
        }
    }
}
