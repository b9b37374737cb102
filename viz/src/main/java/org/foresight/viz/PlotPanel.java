package org.foresight.viz;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The side plots: measured and commanded forward speed [m/s], measured and commanded yaw rate
 * [rad/s], and planning time [ms] against time [s], with a cursor at the current time.
 *
 * <p>The curves are drawn once into a cached image per size and data version (min/max per pixel
 * column, so a 10,000-cycle run costs a few hundred segments); a frame then only copies the cache and
 * draws the cursor. Not thread-safe.
 */
public final class PlotPanel {
    private static final Stroke SERIES = new BasicStroke(1.3f);
    private static final Stroke COMMAND = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);
    private static final int PAD = 8;
    private static final int LABEL = 16;
    private static final int PLOTS = 3;

    private final ReplayData data;
    private BufferedImage cache;
    private int cachedVersion = -1;
    private double tMin;
    private double tMax;

    /**
     * @param data the run to plot. Not modified.
     */
    public PlotPanel(ReplayData data) {
        this.data = data;
    }

    /**
     * Draws the plots with a cursor.
     *
     * @param g      where to draw.
     * @param x      left edge of the plot column [px].
     * @param y      top edge [px].
     * @param width  width [px].
     * @param height height [px].
     * @param cursor time of the cursor [s].
     * @param text   whether text can be drawn (false when no fonts are available).
     */
    public void draw(Graphics2D g, int x, int y, int width, int height, double cursor, boolean text) {
        if (width <= 2 * PAD || height <= PLOTS * (2 * PAD + LABEL)) {
            return;
        }
        if (cache == null || cache.getWidth() != width || cache.getHeight() != height
                || cachedVersion != data.version() || cachedVersion < 0) {
            rebuild(width, height, text);
        }
        g.drawImage(cache, x, y, null);
        if (data.cycles() == 0 || !(tMax > tMin)) {
            return;
        }
        int innerW = width - 2 * PAD;
        double u = Math.max(0.0, Math.min(1.0, (cursor - tMin) / (tMax - tMin)));
        int cx = x + PAD + (int) Math.round(u * innerW);
        g.setColor(Palette.CURSOR);
        g.fillRect(cx - 1, y + PAD, 2, height - 2 * PAD);
    }

    private void rebuild(int width, int height, boolean text) {
        if (cache == null || cache.getWidth() != width || cache.getHeight() != height) {
            cache = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        cachedVersion = data.version();
        Graphics2D g = cache.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Palette.OUTSIDE);
            g.fillRect(0, 0, width, height);
            int n = data.cycles();
            tMin = n == 0 ? 0.0 : data.time(0);
            tMax = n == 0 ? 1.0 : Math.max(data.time(n - 1), tMin + 1e-9);
            int cell = height / PLOTS;
            plot(g, 0, cell, width, "v [m/s]", data::v, data::cmdV, false, text);
            plot(g, cell, cell, width, "\u03c9 [rad/s]", data::omega, data::cmdOmega, false, text);
            plot(g, 2 * cell, height - 2 * cell, width, "planning [ms]", data::planMs, null, true, text);
        } finally {
            g.dispose();
        }
    }

    private void plot(Graphics2D g, int top, int h, int width, String title, IntToDoubleFunction measured,
                      IntToDoubleFunction command, boolean fromZero, boolean text) {
        int x0 = PAD;
        int y0 = top + PAD + LABEL;
        int w = width - 2 * PAD;
        int ph = h - 2 * PAD - LABEL;
        g.setColor(Palette.PLOT_BG);
        g.fillRect(x0, y0, w, ph);
        g.setColor(Palette.PLOT_AXIS);
        g.drawRect(x0, y0, w, ph);
        int n = data.cycles();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            double a = measured.applyAsDouble(c);
            if (Double.isFinite(a)) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
            if (command != null) {
                double b = command.applyAsDouble(c);
                if (Double.isFinite(b)) {
                    lo = Math.min(lo, b);
                    hi = Math.max(hi, b);
                }
            }
        }
        if (!(hi >= lo)) {
            lo = 0.0;
            hi = 1.0;
        }
        if (fromZero) {
            lo = Math.min(0.0, lo);
        }
        if (hi - lo < 1e-9) {
            // a constant series (e.g. a planner that reports no timing): a unit band around it
            hi = fromZero ? Math.max(hi, 0.0) + 1.0 : hi + 0.5;
            lo = fromZero ? lo : lo - 0.5;
        }
        // The label shows the data's range; the axis adds 8 % of head room (none below a series that
        // starts from zero, so planning times never get a negative axis).
        double shownLo = lo;
        double shownHi = hi;
        double span = hi - lo;
        lo -= fromZero && lo >= 0 ? 0.0 : 0.08 * span;
        hi += 0.08 * span;
        if (lo < 0 && hi > 0) {
            double zy = y0 + ph - (0 - lo) / (hi - lo) * ph;
            g.setColor(new java.awt.Color(0xDD, 0xDD, 0xDD));
            g.draw(new Line2D.Double(x0, zy, x0 + w, zy));
        }
        java.awt.Shape clip = g.getClip();
        g.clipRect(x0, y0, w + 1, ph + 1);
        if (command != null) {
            series(g, command, x0, y0, w, ph, lo, hi, Palette.SERIES_COMMAND, COMMAND);
        }
        series(g, measured, x0, y0, w, ph, lo, hi, fromZero ? Palette.SERIES_PLAN_TIME : Palette.SERIES_MEASURED, SERIES);
        g.setClip(clip);
        if (text) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Palette.PLOT_AXIS);
            g.drawString(title + (command != null ? "  (dashed: command)" : ""), x0, top + PAD + 11);
            String range = String.format(Locale.ROOT, "%.3g … %.3g", shownLo, shownHi);
            int tw = g.getFontMetrics().stringWidth(range);
            g.drawString(range, x0 + w - tw, top + PAD + 11);
        }
    }

    /**
     * Draws one series as a min/max envelope per pixel column:
     * column(c) = ⌊(t_c − t_min)/(t_max − t_min) · w⌋; each column gets a vertical segment from the
     * smallest to the largest value falling in it, joined to the previous column's last value.
     */
    private void series(Graphics2D g, IntToDoubleFunction f, int x0, int y0, int w, int ph, double lo, double hi,
                        java.awt.Color color, Stroke stroke) {
        int n = data.cycles();
        if (n == 0) {
            return;
        }
        g.setColor(color);
        g.setStroke(stroke);
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        boolean started = false;
        int col = -1;
        double cMin = 0;
        double cMax = 0;
        double cLast = 0;
        double scaleT = w / (tMax - tMin);
        double scaleY = ph / (hi - lo);
        for (int c = 0; c <= n; c++) {
            int k = c < n ? (int) Math.min(w, Math.floor((data.time(c) - tMin) * scaleT)) : Integer.MAX_VALUE;
            double val = c < n ? f.applyAsDouble(c) : Double.NaN;
            if (k != col) {
                if (col >= 0) {
                    double px = x0 + col;
                    double yMin = y0 + ph - (cMin - lo) * scaleY;
                    double yMax = y0 + ph - (cMax - lo) * scaleY;
                    if (!started) {
                        path.moveTo(px, yMin);
                        started = true;
                    } else {
                        path.lineTo(px, y0 + ph - (cLast - lo) * scaleY);
                    }
                    path.moveTo(px, yMin);
                    path.lineTo(px, yMax);
                    path.moveTo(px, y0 + ph - (cLast - lo) * scaleY);
                }
                if (c == n) {
                    break;
                }
                col = k;
                cMin = Double.POSITIVE_INFINITY;
                cMax = Double.NEGATIVE_INFINITY;
            }
            if (Double.isFinite(val)) {
                cMin = Math.min(cMin, val);
                cMax = Math.max(cMax, val);
                cLast = val;
            }
            if (!(cMin <= cMax)) {
                cMin = cLast;
                cMax = cLast;
            }
        }
        g.draw(path);
    }
}
