package org.foresight.examples.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's search space: the grid's product and order, reproducible random draws within their ranges. */
class SweepGridTest {
    @TempDir
    Path dir;

    private SweepGrid read(String json) throws IOException {
        Path f = dir.resolve("grid.json");
        Files.writeString(f, json);
        return SweepGrid.read(f);
    }

    @Test
    void gridIsTheCartesianProductWithTheLastKeyFastest() throws IOException {
        SweepGrid g = read("{\"planner\": \"mppi\", \"grid\": {\"a.x\": [1, 2], \"b.y\": [0.5, 0.7, 0.9]}}");
        assertEquals("mppi", g.planner());
        assertEquals(6, g.configurations().size());
        assertEquals(List.of("a.x=1", "b.y=0.5"), g.configurations().get(0));
        assertEquals(List.of("a.x=1", "b.y=0.7"), g.configurations().get(1));
        assertEquals(List.of("a.x=2", "b.y=0.9"), g.configurations().get(5));
    }

    @Test
    void randomSamplesAreReproducibleAndWithinTheirRanges() throws IOException {
        String json = "{\"planner\": \"cem\", \"random\": {\"samples\": 50, \"seed\": 4, "
                + "\"ranges\": {\"cem.momentum\": [0.1, 0.2], \"cem.population\": [100, 104]}}}";
        SweepGrid a = read(json);
        SweepGrid b = read(json);
        assertEquals(a, b);
        assertEquals(50, a.configurations().size());
        for (List<String> c : a.configurations()) {
            double m = Double.parseDouble(c.get(0).substring("cem.momentum=".length()));
            long p = Long.parseLong(c.get(1).substring("cem.population=".length()));
            assertTrue(m >= 0.1 && m <= 0.2, c.toString());
            assertTrue(p >= 100 && p <= 104, c.toString());
        }
        assertTrue(a.configurations().stream().map(c -> c.get(1)).distinct().count() > 1, "whole numbers vary");
    }

    @Test
    void badGridsNameTheFileAndKey() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("{\"planner\": \"mppi\", "
                + "\"grid\": {\"a\": []}}"));
        assertTrue(e.getMessage().contains("grid.a"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("not json"));
        assertTrue(e.getMessage().contains("grid.json"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("{\"planner\": \"mppi\", \"grids\": {}}"));
        assertTrue(e.getMessage().contains("grids"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("{\"planner\": \"mppi\", \"random\": {\"samples\": 2, "
                + "\"ranges\": {\"k\": [2, 1]}}}"));
        assertTrue(e.getMessage().contains("random.ranges.k"), e.getMessage());
    }
}
