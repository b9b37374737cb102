package org.foresight.dynamics.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryLogIOTest {
    @TempDir
    Path dir;

    private static final String HEADER = "t,x,y,theta,v,omega,cmd_v,cmd_omega";

    private static TrajectoryLog randomLog(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> cols = List.of("t", "x", "y", "theta", "v", "omega", "cmd_v", "cmd_omega", "battery");
        double[][] d = new double[cols.size()][rows];
        for (int i = 0; i < rows; i++) {
            d[0][i] = 0.05 * i;
            for (int c = 1; c < cols.size(); c++) {
                d[c][i] = r.nextDouble(-1e3, 1e3) * Math.pow(10, r.nextInt(-12, 3));
            }
        }
        return new TrajectoryLog(cols, d, Map.of("seed", seed));
    }

    @Test
    void roundTripIsExactAndKeepsExtraColumnsAndMetadata() {
        TrajectoryLog log = randomLog(500, 7);
        Path csv = dir.resolve("a/episode.csv");
        TrajectoryLogIO.write(csv, log);
        TrajectoryLog back = TrajectoryLogIO.read(csv);
        assertEquals(log.columns(), back.columns());
        for (String c : log.columns()) {
            assertArrayEquals(log.column(c), back.column(c), 0.0, c);
        }
        assertEquals(7, ((Number) back.metadata().get("seed")).longValue());
        assertEquals("m/s", ((Map<?, ?>) back.metadata().get("units")).get("v"));
    }

    @Test
    void writerLeavesNoTemporaryFiles() throws IOException {
        TrajectoryLogIO.write(dir.resolve("e.csv"), randomLog(10, 1));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("e.csv", "e.json"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void csvWithoutSidecarIsValid() throws IOException {
        Path csv = dir.resolve("user.csv");
        Files.writeString(csv, HEADER + "\n0,0,0,0,0,0,0,0\n0.05,0.1,0,0,1,0,1,0\n");
        TrajectoryLog log = TrajectoryLogIO.read(csv);
        assertEquals(2, log.length());
        assertTrue(log.metadata().isEmpty());
    }

    @Test
    void renamedColumnsAreMapped() throws IOException {
        Path csv = dir.resolve("odom.csv");
        Files.writeString(csv, "stamp,x,y,yaw,linear_x,angular_z,cmd_v,cmd_omega\n0,0,0,0,0,0,0,0\n0.05,0,0,0,0.5,0.1,1,0\n");
        TrajectoryLog log = TrajectoryLogIO.read(csv, Map.of("stamp", "t", "yaw", "theta", "linear_x", "v", "angular_z", "omega"));
        assertEquals(0.5, log.column("v")[1]);
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> TrajectoryLogIO.read(csv, Map.of("speed", "v")));
        assertTrue(e.getMessage().contains("'speed'"), e.getMessage());
    }

    private String errorOf(String content) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, content);
        return assertThrows(LogFormatException.class, () -> TrajectoryLogIO.read(csv)).getMessage();
    }

    @Test
    void badInputNamesFileLineAndReason() throws IOException {
        String missing = errorOf("t,x,y,theta,v,cmd_v,cmd_omega\n0,0,0,0,0,0,0\n");
        assertTrue(missing.contains("bad.csv:1") && missing.contains("missing column 'omega'"), missing);
        String nan = errorOf(HEADER + "\n0,0,0,0,0,0,0,0\n0.05,0,0,0,NaN,0,0,0\n");
        assertTrue(nan.contains("bad.csv:3") && nan.contains("'v' is NaN"), nan);
        String inf = errorOf(HEADER + "\n0,0,0,0,0,0,0,Infinity\n");
        assertTrue(inf.contains("bad.csv:2") && inf.contains("'cmd_omega' is Infinity"), inf);
        String time = errorOf(HEADER + "\n0,0,0,0,0,0,0,0\n0.1,0,0,0,0,0,0,0\n0.1,0,0,0,0,0,0,0\n");
        assertTrue(time.contains("bad.csv:4") && time.contains("time does not increase"), time);
        String width = errorOf(HEADER + "\n0,0,0,0,0,0,0\n");
        assertTrue(width.contains("bad.csv:2") && width.contains("7 fields, header has 8"), width);
        String text = errorOf(HEADER + "\n0,0,0,zero,0,0,0,0\n");
        assertTrue(text.contains("bad.csv:2") && text.contains("'theta' is not a number"), text);
        String empty = errorOf("");
        assertTrue(empty.contains("empty file"), empty);
        String noRows = errorOf(HEADER + "\n");
        assertTrue(noRows.contains("no data rows"), noRows);
    }

    @Test
    void badSidecarIsNamed() throws IOException {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, HEADER + "\n0,0,0,0,0,0,0,0\n");
        Files.writeString(dir.resolve("s.json"), "{ not json");
        String m = assertThrows(LogFormatException.class, () -> TrajectoryLogIO.read(csv)).getMessage();
        assertTrue(m.contains("s.json") && m.contains("not valid JSON"), m);
    }

    @Test
    void missingColumnAccessNamesTheColumn() {
        TrajectoryLog log = randomLog(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.column("speed"));
        assertTrue(e.getMessage().contains("'speed'"));
    }
}
