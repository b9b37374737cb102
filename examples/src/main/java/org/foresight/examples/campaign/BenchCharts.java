package org.foresight.examples.campaign;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.foresight.dynamics.log.AtomicFiles;

/**
 * The campaign's pictures, drawn with Java2D (no display needed): {@code success.png}, success rate and mean score
 * per combination as bars; {@code score_per_world.png}, each combination's mean score per world (which worlds
 * are hard), worlds in campaign order.
 */
public final class BenchCharts {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private BenchCharts() {
    }

    /**
     * Writes both charts into {@code dir} (atomically).
     *
     * @param dir    the campaign directory.
     * @param rows   the rows.
     * @param worlds world names in campaign order.
     */
    public static void write(Path dir, List<ResultRow> rows, List<String> worlds) {
        png(dir.resolve("success.png"), bars(rows));
        png(dir.resolve("score_per_world.png"), perWorld(rows, worlds));
    }

    private static BufferedImage bars(List<ResultRow> rows) {
        Map<String, BenchSummary.Tally> t = BenchSummary.tally(rows, r -> r.key().combination());
        int rowH = 34;
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        // The label column as wide as the longest label (a model given by its path can be long), at least 420 px.
        Graphics2D probe = canvas(1, 1).createGraphics();
        java.awt.FontMetrics fm = probe.getFontMetrics(plain);
        int longest = 0;
        for (Map.Entry<String, BenchSummary.Tally> e : t.entrySet()) {
            longest = Math.max(longest, fm.stringWidth(rowLabel(e.getKey(), e.getValue())));
        }
        probe.dispose();
        int labelW = Math.max(420, 20 + longest + 24);
        int panelW = 310;
        int w = labelW + 2 * panelW + 60;
        int h = 80 + rowH * Math.max(1, t.size());
        BufferedImage img = canvas(w, h);
        Graphics2D g = img.createGraphics();
        setup(g);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Success rate and mean BARN score per planner / model / perception / robot", 20, 26);
        g.setFont(plain);
        int x1 = labelW;
        int x2 = labelW + panelW + 30;
        g.drawString("success [%]", x1, 52);
        g.drawString("mean score (max 0.5)", x2, 52);
        int y = 62;
        for (Map.Entry<String, BenchSummary.Tally> e : t.entrySet()) {
            BenchSummary.Tally k = e.getValue();
            g.setColor(Color.DARK_GRAY);
            g.drawString(rowLabel(e.getKey(), k), 20, y + 20);
            bar(g, x1, y + 6, panelW, 20, k.successRate(), PALETTE[0],
                    String.format(Locale.ROOT, "%.1f", 100 * k.successRate()));
            bar(g, x2, y + 6, panelW, 20, k.meanScore() / 0.5, PALETTE[1],
                    String.format(Locale.ROOT, "%.3f", k.meanScore()));
            y += rowH;
        }
        g.dispose();
        return img;
    }

    /** A row's label: the combination and its episode count. */
    private static String rowLabel(String combination, BenchSummary.Tally k) {
        return combination + "  (" + k.n + ")";
    }

    private static void bar(Graphics2D g, int x, int y, int w, int h, double frac, Color c, String label) {
        g.setColor(new Color(0xeeeeee));
        g.fillRect(x, y, w, h);
        g.setColor(c);
        g.fillRect(x, y, (int) Math.round(w * Math.max(0, Math.min(1, frac))), h);
        g.setColor(Color.BLACK);
        g.drawString(label, x + 6, y + h - 5);
    }

    private static BufferedImage perWorld(List<ResultRow> rows, List<String> worlds) {
        Map<String, Map<String, double[]>> series = new LinkedHashMap<>(); // combination → world → (sum, n)
        for (ResultRow r : rows) {
            double[] s = series.computeIfAbsent(r.key().combination(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.world(), k -> new double[2]);
            s[0] += r.score();
            s[1]++;
        }
        int w = 1300;
        int h = 520 + 18 * series.size();
        BufferedImage img = canvas(w, h);
        Graphics2D g = img.createGraphics();
        setup(g);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Mean BARN score per world (0 = failed every seed)", 20, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int left = 60;
        int top = 50;
        int pw = w - left - 30;
        int ph = 400;
        g.setColor(Color.GRAY);
        g.drawRect(left, top, pw, ph);
        for (double v = 0; v <= 0.5001; v += 0.1) {
            int yy = top + ph - (int) Math.round(ph * v / 0.5);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, yy, left + pw, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", v), 20, yy + 4);
        }
        int n = Math.max(1, worlds.size());
        int labelEvery = Math.max(1, n / 12);
        for (int i = 0; i < worlds.size(); i += labelEvery) {
            g.drawString(worlds.get(i), left + (int) ((i + 0.5) * pw / n) - 15, top + ph + 16);
        }
        int ci = 0;
        int legendY = top + ph + 40;
        for (Map.Entry<String, Map<String, double[]>> e : series.entrySet()) {
            Color c = PALETTE[ci % PALETTE.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(1.2f));
            List<int[]> pts = new ArrayList<>();
            for (int i = 0; i < worlds.size(); i++) {
                double[] s = e.getValue().get(worlds.get(i));
                if (s != null) {
                    pts.add(new int[] {left + (int) ((i + 0.5) * pw / n), top + ph - (int) Math.round(ph * (s[0] / s[1]) / 0.5)});
                }
            }
            for (int i = 0; i < pts.size(); i++) {
                int[] p = pts.get(i);
                g.fillOval(p[0] - 2, p[1] - 2, 5, 5);
                if (i > 0 && n <= 400) {
                    int[] q = pts.get(i - 1);
                    g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
                    g.drawLine(q[0], q[1], p[0], p[1]);
                    g.setColor(c);
                }
            }
            g.fillRect(left, legendY - 9, 12, 10);
            g.setColor(Color.DARK_GRAY);
            g.drawString(e.getKey(), left + 18, legendY);
            legendY += 18;
            ci++;
        }
        g.dispose();
        return img;
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static void setup(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
    }

    private static void png(Path file, BufferedImage img) {
        AtomicFiles.writeBytes(file, out -> ImageIO.write(img, "png", out));
    }
}
