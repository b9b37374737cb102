package org.foresight.worldmodel.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.foresight.dynamics.log.AtomicFiles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.worldmodel.data.Episode;

/**
 * A PNG of predicted versus measured motion on one episode, drawn headless with java.awt (no display
 * needed): three panels, forward speed v(t), yaw rate ω(t) and the path (x, y), each with the measurement
 * (black), the model (blue) and the nominal unicycle (orange). Predictions are free runs restarted from the
 * measured state every {@code windowSteps} control periods, as in the 2.8 s figures of the report.
 */
public final class TrajectoryPlot {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 900;
    private static final Color MEASURED = Color.BLACK;
    private static final Color MODEL = new Color(0x1f77b4);
    private static final Color UNICYCLE = new Color(0xff7f0e);

    private TrajectoryPlot() {
    }

    /**
     * Draws and writes the PNG atomically.
     *
     * @param file        target .png.
     * @param episode     the episode.
     * @param model       the fitted model (full state).
     * @param unicycle    the baseline (full state).
     * @param windowSteps restart period of the free runs [control periods], ≥ 1.
     * @param title       title line.
     */
    public static void write(Path file, Episode episode, DynamicsModel model, DynamicsModel unicycle, int windowSteps, String title) {
        System.setProperty("java.awt.headless", "true");
        double[][] pm = freeRun(model, episode, windowSteps);
        double[][] pu = freeRun(unicycle, episode, windowSteps);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        g.drawString(title, 20, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(MEASURED);
        g.drawString("measured", 20, 44);
        g.setColor(MODEL);
        g.drawString("model", 100, 44);
        g.setColor(UNICYCLE);
        g.drawString("unicycle", 160, 44);
        int n = episode.length();
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k * episode.dt();
        }
        panel(g, 70, 70, 620, 360, "v [m/s] vs t [s]", t, episode.state(StateIndex.V), pm[StateIndex.V], pu[StateIndex.V]);
        panel(g, 70, 500, 620, 360, "omega [rad/s] vs t [s]", t, episode.state(StateIndex.OMEGA), pm[StateIndex.OMEGA], pu[StateIndex.OMEGA]);
        xyPanel(g, 800, 70, 370, 790, episode, pm, pu);
        g.dispose();
        AtomicFiles.writeBytes(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("PNG not written: " + file));
        }
    }

    /** Free runs restarted every windowSteps rows; returns [channel][row]. */
    static double[][] freeRun(DynamicsModel model, Episode e, int windowSteps) {
        int n = e.length();
        double[][] out = new double[StateIndex.FULL_DIM][n];
        double[] x = new double[StateIndex.FULL_DIM];
        double[] xn = new double[StateIndex.FULL_DIM];
        double[] u = new double[ControlIndex.DIM];
        for (int k = 0; k < n; k++) {
            if (k % windowSteps == 0) {
                e.stateAt(k, x);
            } else {
                e.controlAt(k - 1, u);
                model.step(x, u, e.dt(), xn);
                System.arraycopy(xn, 0, x, 0, x.length);
            }
            for (int i = 0; i < x.length; i++) {
                out[i][k] = x[i];
            }
        }
        return out;
    }

    private static void panel(Graphics2D g, int x0, int y0, int w, int h, String label, double[] t,
                              double[] meas, double[] model, double[] uni) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {meas, model, uni}) {
            for (double v : a) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double tMax = t[t.length - 1] > 0 ? t[t.length - 1] : 1;
        frame(g, x0, y0, w, h, label, 0, tMax, lo, hi, "%.0f", "%.2f");
        line(g, t, uni, x0, y0, w, h, 0, tMax, lo, hi, UNICYCLE);
        line(g, t, meas, x0, y0, w, h, 0, tMax, lo, hi, MEASURED);
        line(g, t, model, x0, y0, w, h, 0, tMax, lo, hi, MODEL);
    }

    private static void xyPanel(Graphics2D g, int x0, int y0, int w, int h, Episode e, double[][] pm, double[][] pu) {
        double[] mx = e.state(StateIndex.X);
        double[] my = e.state(StateIndex.Y);
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY, ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (double[][] p : new double[][][] {{mx, my}, {pm[StateIndex.X], pm[StateIndex.Y]}}) {
            for (int k = 0; k < p[0].length; k++) {
                xlo = Math.min(xlo, p[0][k]);
                xhi = Math.max(xhi, p[0][k]);
                ylo = Math.min(ylo, p[1][k]);
                yhi = Math.max(yhi, p[1][k]);
            }
        }
        double span = Math.max(Math.max(xhi - xlo, yhi - ylo), 1e-3);
        double cx = 0.5 * (xlo + xhi);
        double cy = 0.5 * (ylo + yhi);
        // equal axis scale: the larger span fits the smaller side of the panel
        double scale = Math.min(w, h) / span * 0.95;
        double xl = cx - w / scale / 2;
        double xr = cx + w / scale / 2;
        double yb = cy - h / scale / 2;
        double yt = cy + h / scale / 2;
        frame(g, x0, y0, w, h, "path y [m] vs x [m] (restarts every window)", xl, xr, yb, yt, "%.1f", "%.1f");
        java.awt.Shape clip = g.getClip();
        g.setClip(x0, y0, w, h);
        line(g, pu[StateIndex.X], pu[StateIndex.Y], x0, y0, w, h, xl, xr, yb, yt, UNICYCLE);
        line(g, mx, my, x0, y0, w, h, xl, xr, yb, yt, MEASURED);
        line(g, pm[StateIndex.X], pm[StateIndex.Y], x0, y0, w, h, xl, xr, yb, yt, MODEL);
        g.setClip(clip);
    }

    /**
     * Panel box, a light line at value 0 if in range, the label above, the y range right-aligned in the
     * margin left of the box and the x range below it (so no label reaches into a neighbouring panel).
     */
    private static void frame(Graphics2D g, int x0, int y0, int w, int h, String label, double xl, double xr,
                              double yb, double yt, String xFormat, String yFormat) {
        if (yb < 0 && yt > 0) {
            int y = (int) Math.round(y0 + h - (0 - yb) / (yt - yb) * h);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0, y, x0 + w, y);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, w, h);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(label, x0, y0 - 6);
        String hi = String.format(Locale.ROOT, yFormat, yt);
        String lo = String.format(Locale.ROOT, yFormat, yb);
        g.drawString(hi, x0 - 6 - fm.stringWidth(hi), y0 + fm.getAscent());
        g.drawString(lo, x0 - 6 - fm.stringWidth(lo), y0 + h);
        String left = String.format(Locale.ROOT, xFormat, xl);
        String right = String.format(Locale.ROOT, xFormat, xr);
        int yText = y0 + h + 4 + fm.getAscent();
        g.drawString(left, x0, yText);
        g.drawString(right, x0 + w - fm.stringWidth(right), yText);
    }

    private static void line(Graphics2D g, double[] xs, double[] ys, int x0, int y0, int w, int h,
                             double xl, double xr, double yb, double yt, Color c) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < xs.length; k++) {
            double px = x0 + (xs[k] - xl) / (xr - xl) * w;
            double py = y0 + h - (ys[k] - yb) / (yt - yb) * h;
            if (k == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(1.3f));
        g.draw(p);
    }
}
