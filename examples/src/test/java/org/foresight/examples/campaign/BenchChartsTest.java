package org.foresight.examples.campaign;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The success chart keeps every label left of its bars: with a model given by a long path, the label column
 * widens instead of the label running into the bars (it used to be a fixed 420 px).
 */
class BenchChartsTest {
    private static ResultRow row(int world, String model, String outcome) {
        return new ResultRow("barn:" + world, "mppi", "-", model, "lidar", "default", 0, "odometry", "measured",
                outcome, 10, 5, outcome.equals("success") ? 0.4 : 0.0, 10, 3, 9, 0, 0.2, 0.5, 3, 0, "none");
    }

    @Test
    void longLabelsStayLeftOfTheBars(@TempDir Path dir) throws Exception {
        String longModel = "bench-out/models/a-rather-long-folder-name/another-folder/default-physics.json+adapt";
        List<ResultRow> rows = List.of(row(0, "m.json", "success"), row(1, "m.json", "collision"),
                row(0, longModel, "success"), row(1, longModel, "success"));
        BenchCharts.write(dir, rows, List.of("barn:0", "barn:1"));
        BufferedImage img = ImageIO.read(Files.newInputStream(dir.resolve("success.png")));
        int longestText = 0;
        for (int r = 0; r < 2; r++) {
            // Row r's band: y in [62 + 34r, 62 + 34(r + 1)); its bars fill y = 68 + 34r … 88 + 34r.
            int y0 = 62 + 34 * r;
            int yMid = y0 + 16;
            int barStart = -1;
            for (int x = 0; x + 40 < img.getWidth() && barStart < 0; x++) {
                boolean solid = true;
                for (int dx = 0; dx < 40 && solid; dx++) {
                    solid = (img.getRGB(x + dx, yMid) & 0xffffff) != 0xffffff;
                }
                if (solid) {
                    barStart = x;
                }
            }
            assertTrue(barStart > 0, "no bar in row " + r);
            int textEnd = -1;
            for (int x = 0; x < barStart; x++) {
                for (int y = y0; y < y0 + 34; y++) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    if (((rgb >> 16) & 0xff) < 160 && ((rgb >> 8) & 0xff) < 160 && (rgb & 0xff) < 160) {
                        textEnd = x;
                    }
                }
            }
            assertTrue(textEnd > 0 && textEnd < barStart - 4,
                    "row " + r + ": label ends at " + textEnd + " px, bar starts at " + barStart + " px");
            longestText = Math.max(longestText, textEnd);
        }
        assertTrue(longestText > 420, "the long label should run past the old 420 px column (ends at " + longestText + ")");
    }
}
