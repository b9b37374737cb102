package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldLoaderTest {
    private static final double OT_EPS = 1e-3; // s, metadata.csv is rounded to 4 decimals
    private static final double GEOM_EPS = 1e-9; // m

    @TempDir
    Path tmp;

    private static List<String[]> metadata() throws IOException {
        try (InputStream in = WorldLoader.class.getResourceAsStream("/org/foresight/dynamics/world/barn/metadata.csv")) {
            assertNotNull(in, "metadata.csv on the classpath");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].trim().split(","));
                }
            }
            return rows;
        }
    }

    @Test
    void allBarnWorldsLoadAndReproduceScorerOptimalTime() throws IOException {
        List<String[]> rows = metadata();
        String[] header = {"id", "rows", "cols", "cylinders_in_world", "containment_wall_cylinders",
            "hidden_cells_filled", "occupied_cells", "occupied_fraction", "path_cells", "path_start_row",
            "path_start_col", "path_end_row", "path_end_col", "path_len_cells_m", "scorer_path_len_m",
            "optimal_time_s"};
        assertEquals(WorldLoader.BARN_COUNT, rows.size());
        for (String[] row : rows) {
            int id = Integer.parseInt(row[0]);
            World w = WorldLoader.loadBarn(id);
            double ot = Double.parseDouble(row[15]);
            int occupied = Integer.parseInt(row[6]);
            int pathCells = Integer.parseInt(row[8]);
            assertEquals(ot, w.optimalTime(), OT_EPS, "OT of world " + id + " (" + header[15] + ")");
            assertEquals(Double.parseDouble(row[14]), w.referencePathLength(), 2 * OT_EPS, "scorer length " + id);
            assertEquals(occupied + 96, w.grid().occupiedCount(), "field cells + 96 containment cells, world " + id);
            assertEquals(2 * (pathCells + 2), w.referencePath().length, "start + path cells + goal, world " + id);
            assertFalse(w.grid().isOccupiedAt(w.start().x(), w.start().y()), "start free " + id);
        }
    }

    @Test
    void barnGeometryMatchesTheReadme() {
        World w = WorldLoader.load("barn:0");
        OccupancyGrid g = w.grid();
        assertAll(
            () -> assertEquals("barn_000", w.name()),
            () -> assertEquals(70, g.sizeX()),
            () -> assertEquals(120, g.sizeY()),
            () -> assertTrue(g.originX() <= -7.5 + GEOM_EPS && g.originX() + g.sizeX() * 0.15 >= 3.0 - GEOM_EPS),
            () -> assertTrue(g.originY() <= -1.5 + GEOM_EPS && g.originY() + g.sizeY() * 0.15 >= 16.5 - GEOM_EPS),
            // field cell (r, c) centre at (−4.425 + 0.15 r, 5.175 + 0.15 c)
            () -> assertEquals(-4.425, g.centerX(WorldLoader.BARN_ROW_OFFSET), GEOM_EPS),
            () -> assertEquals(5.175, g.centerY(WorldLoader.BARN_COL_OFFSET), GEOM_EPS),
            () -> assertEquals(-4.425 + 0.15 * 29, g.centerX(WorldLoader.BARN_ROW_OFFSET + 29), GEOM_EPS),
            // row 0 is a solid side wall; world_000 row 1 starts "0100111"
            () -> assertTrue(g.isOccupiedAt(-4.425, 5.175 + 0.15 * 7)),
            () -> assertFalse(g.isOccupiedAt(-4.425 + 0.15, 5.175)),
            () -> assertTrue(g.isOccupiedAt(-4.425 + 0.15, 5.175 + 0.15)),
            // containment walls
            () -> assertTrue(g.isOccupiedAt(-2.25, 0.075)),
            () -> assertTrue(g.isOccupiedAt(-4.425, 0.075)),
            () -> assertTrue(g.isOccupiedAt(-0.075, 0.075)),
            () -> assertFalse(g.isOccupiedAt(-4.425 - 0.15, 0.075)),
            () -> assertTrue(g.isOccupiedAt(-4.425, 0.225)),
            () -> assertTrue(g.isOccupiedAt(-0.075, 5.025)),
            () -> assertFalse(g.isOccupiedAt(-2.25, -0.075)),
            // open space past the field
            () -> assertFalse(g.isOccupiedAt(-2.25, 13.0)),
            () -> assertEquals(new Pose2(-2.25, 3.0, Math.PI / 2), w.start()),
            () -> assertEquals(-2.25, w.goalX()),
            () -> assertEquals(13.0, w.goalY()),
            () -> assertEquals(1.0, w.goalTolerance()),
            () -> assertEquals(w.referencePathLength() / 2.0, w.optimalTime(), 1e-12));
        double[] p = w.referencePath();
        assertAll(
            () -> assertEquals(-2.25, p[0]), () -> assertEquals(3.0, p[1]),
            // path_000 first cell (26, 0) → (0.15·26 − 4.575, 5.075)
            () -> assertEquals(0.15 * 26 - 4.575, p[2], GEOM_EPS), () -> assertEquals(5.075, p[3], GEOM_EPS),
            () -> assertEquals(-2.25, p[p.length - 2]), () -> assertEquals(13.0, p[p.length - 1]));
    }

    @Test
    void barnFileBesideItsPathMatchesTheClasspathWorld() throws IOException {
        copyResource("world_005.txt", tmp.resolve("world_005.txt"));
        Files.createDirectories(tmp.resolve("paths"));
        copyResource("paths/path_005.txt", tmp.resolve("paths/path_005.txt"));
        World f = WorldLoader.load(tmp.resolve("world_005.txt").toString());
        World c = WorldLoader.loadBarn(5);
        assertEquals("world_005", f.name());
        assertArrayEquals(c.referencePath(), f.referencePath(), 0.0);
        assertEquals(c.grid().occupiedCount(), f.grid().occupiedCount());
    }

    @Test
    void barnFileWithoutPathGetsACollisionFreeAStarPath() throws IOException {
        copyResource("world_005.txt", tmp.resolve("mine.txt"));
        World w = WorldLoader.loadBarnFile(tmp.resolve("mine.txt"));
        double[] p = w.referencePath();
        OccupancyGrid inflated = w.grid().inflate(Footprint.JACKAL.inradius());
        assertEquals(-2.25, p[0]);
        assertEquals(3.0, p[1]);
        assertEquals(-2.25, p[p.length - 2]);
        assertEquals(13.0, p[p.length - 1]);
        for (int i = 2; i < p.length - 2; i += 2) {
            assertFalse(inflated.isOccupiedAt(p[i], p[i + 1]), "path point " + i / 2 + " in C-space obstacle");
        }
        // A* on the true grid is no shorter than the straight line and similar to the official path length
        assertTrue(w.referencePathLength() >= 10.0 - GEOM_EPS);
        assertTrue(w.referencePathLength() < 1.5 * WorldLoader.loadBarn(5).referencePathLength());
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = WorldLoader.class.getResourceAsStream("/org/foresight/dynamics/world/barn/" + name)) {
            Files.copy(in, to);
        }
    }

    private static List<String> validGrid() {
        List<String> l = new ArrayList<>();
        l.add("# test");
        l.add("1".repeat(30));
        for (int i = 1; i < 29; i++) {
            l.add("0".repeat(30));
        }
        l.add("1".repeat(30));
        return l;
    }

    private String failGrid(List<String> lines) throws IOException {
        Path f = tmp.resolve("bad.txt");
        Files.write(f, lines);
        return assertThrows(WorldFormatException.class, () -> WorldLoader.loadBarnFile(f)).getMessage();
    }

    @Test
    void validHandWrittenGridLoads() throws IOException {
        Path f = tmp.resolve("ok.txt");
        Files.write(f, validGrid());
        World w = WorldLoader.loadBarnFile(f);
        assertEquals(60 + 96, w.grid().occupiedCount());
    }

    @Test
    void malformedGridsNameFileAndLine() throws IOException {
        String file = tmp.resolve("bad.txt").toString();
        List<String> noComment = validGrid();
        noComment.set(0, "0".repeat(30));
        assertEquals(file + ":1: expected a '#' comment line first", failGrid(noComment));

        List<String> wide = validGrid();
        wide.set(5, "0".repeat(31));
        assertEquals(file + ":6: expected 30 characters, found 31", failGrid(wide));

        List<String> badChar = validGrid();
        badChar.set(7, "0".repeat(10) + "x" + "0".repeat(19));
        assertEquals(file + ":8: bad character 'x' at column 11 (expected '0' or '1')", failGrid(badChar));

        List<String> shortFile = validGrid().subList(0, 20);
        assertEquals(file + ":21: expected 30 grid rows, found 19", failGrid(new ArrayList<>(shortFile)));

        List<String> longFile = validGrid();
        longFile.add("0".repeat(30));
        assertEquals(file + ":32: unexpected line after the 30 grid rows", failGrid(longFile));
    }

    private String failPath(List<String> pathLines) throws IOException {
        Path dir = tmp.resolve("p" + System.nanoTime());
        Files.createDirectories(dir.resolve("paths"));
        Files.write(dir.resolve("world_007.txt"), validGrid());
        Path pf = dir.resolve("paths/path_007.txt");
        Files.write(pf, pathLines);
        String msg = assertThrows(WorldFormatException.class,
            () -> WorldLoader.loadBarnFile(dir.resolve("world_007.txt"))).getMessage();
        assertTrue(msg.startsWith(pf.toString() + ":"), msg);
        return msg.substring(pf.toString().length());
    }

    @Test
    void malformedPathsNameFileAndLine() throws IOException {
        assertEquals(":1: expected a '#' comment line first", failPath(List.of("14 0", "14 1")));
        assertEquals(":3: expected 'row col' (two integers), found '14 a'", failPath(List.of("# p", "14 0", "14 a")));
        assertEquals(":2: expected 'row col' (two integers), found '14 0 3'", failPath(List.of("# p", "14 0 3")));
        assertEquals(":3: path cell (14, 30) outside the 30×30 grid", failPath(List.of("# p", "14 0", "14 30")));
        assertEquals(":2: path cell (-1, 3) outside the 30×30 grid", failPath(List.of("# p", "-1 3")));
        assertEquals(":2: path has no cells", failPath(List.of("# p")));
    }

    @Test
    void badSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WorldLoader.load("barn:300"));
        assertThrows(IllegalArgumentException.class, () -> WorldLoader.load("barn:-1"));
        assertThrows(IllegalArgumentException.class, () -> WorldLoader.load("barn:x"));
        assertThrows(IllegalArgumentException.class, () -> WorldLoader.load("map.yaml"));
        String missing = tmp.resolve("nope.txt").toString();
        WorldFormatException e = assertThrows(WorldFormatException.class, () -> WorldLoader.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read"), e.getMessage());
    }

    @Test
    void sdfIsCachedAndSharedWithMovingObstacleVariants() {
        World w = WorldLoader.loadBarn(3);
        SignedDistanceField s = w.sdf();
        assertTrue(s == w.sdf());
        World d = w.withMovingObstacles(MovingObstacle.random(w, 3, 1L));
        assertTrue(s == d.sdf());
        assertEquals(3, d.movingObstacles().size());
        assertTrue(d.movingObstacles().get(0) != d.movingObstacles().get(0), "copies each call");
        assertEquals(0, w.movingObstacles().size());
    }
}
