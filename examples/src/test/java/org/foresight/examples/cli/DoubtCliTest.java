package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.log.TrajectoryLogIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doubt workflow through the front door: narrow logs ({@code collect --excite-max-omega}), an ensemble whose
 * members differ in their clamps ({@code fit --ensemble-diversity clamps}), and {@code eval}'s calibration block.
 */
class DoubtCliTest {
    @TempDir
    Path dir;

    @Test
    void narrowLogsClampedEnsembleAndCalibrationReport() throws IOException {
        Path narrow = dir.resolve("narrow");
        Path fresh = dir.resolve("fresh");
        assertEquals(0, CliTest.run("collect", "--out", narrow.toString(), "--episodes", "4", "--duration", "10",
                "--excite-max-omega", "1.0").code());
        assertEquals(0, CliTest.run("collect", "--out", fresh.toString(), "--episodes", "2", "--duration", "10",
                "--seed", "7").code());
        TrajectoryLog log = TrajectoryLogIO.read(narrow.resolve("episode_000.csv"));
        double[] cw = log.column("cmd_omega");
        double widest = 0;
        for (double c : cw) {
            widest = Math.max(widest, Math.abs(c));
        }
        assertTrue(widest <= 1.0 + 1e-12 && widest > 0.5, "commands span the narrowed envelope: " + widest);
        Path model = dir.resolve("ens.json");
        assertEquals(0, CliTest.run("fit", "--logs", narrow.toString(), "--kind", "ensemble", "--member-kind", "linear",
                "--members", "4", "--ensemble-diversity", "clamps", "--holdout", "0.25", "--out", model.toString()).code());
        Path report = dir.resolve("eval.json");
        assertEquals(0, CliTest.run("eval", "--model", model.toString(), "--logs", fresh.toString(), "--report",
                report.toString()).code());
        JsonNode cal = new ObjectMapper().readTree(report.toFile()).get("spread_calibration");
        assertEquals(2.0, cal.get("k_sigma").asDouble(), 0.0);
        for (String h : new String[] {"0.05s", "0.5s", "1s", "2.8s"}) {
            JsonNode one = cal.get("horizons").get(h);
            assertTrue(one.get("runs").asLong() > 0, h);
            double cov = one.get("coverage_percent").get("x").asDouble();
            assertTrue(cov >= 0 && cov <= 100, h + ": " + cov);
        }
    }
}
