package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.examples.campaign.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --worlds DIR} over worlds the project has never seen: BARN-format files made here by mirroring
 * bundled worlds left to right, with no reference paths beside them (A* gives those).
 */
class BenchWorldsDirTest {
    @TempDir
    Path dir;

    /** A bundled BARN world with every grid row reversed: the same difficulty, a world no one has driven. */
    private static String mirrored(int index) throws Exception {
        String name = String.format("/org/foresight/dynamics/world/barn/world_%03d.txt", index);
        try (InputStream in = WorldLoader.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                out.add(line.startsWith("#") ? line : new StringBuilder(line.strip()).reverse().toString());
            }
            return String.join("\n", out) + "\n";
        }
    }

    @Test
    void aFolderOfUnseenWorldsRunsLikeBarnWorlds() throws Exception {
        Path worlds = dir.resolve("my-worlds");
        Files.createDirectories(worlds);
        Files.writeString(worlds.resolve("mirror_a.txt"), mirrored(3));
        Files.writeString(worlds.resolve("mirror_b.txt"), mirrored(40));
        Files.writeString(worlds.resolve("notes.md"), "not a world");
        Path out = dir.resolve("bench");
        CliTest.Run r = CliTest.run("bench", "--worlds", worlds.toString(), "--planners", "mppi", "--models", "unicycle",
                "--protocol", "oracle", "--latency", "10", "--samples", "128", "--horizon", "20", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, lines.size(), "a header and one row per .txt world: " + lines);
        List<String> names = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            ResultRow row = ResultRow.parse(l, "results.csv");
            names.add(Path.of(row.world()).getFileName().toString());
            assertTrue(row.otS() > 0 && Double.isFinite(row.score()), "an A* reference gives OT: " + l);
        }
        names.sort(null); // rows are in finishing order
        assertEquals(List.of("mirror_a.txt", "mirror_b.txt"), names);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| mppi | unicycle | map | default | 2 |"), summary);
        assertFalse(summary.contains("Published entries"), "no BARN world, no published comparison");
    }
}
