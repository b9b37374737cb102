package org.foresight.viz;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The side plots: measured and commanded forward speed [m/s], measured and commanded yaw rate
 * [rad/s], and planning time [ms] against time [s], with a cursor at the current time. Cycles whose
 * planner overran its deadline get a red tick at the foot of the planning plot.
 *
 * <p>Values that are not finite are left out, and the line joins the finite values on either side.
 * Planning time is NaN in the cycles where the planner was still busy with an earlier plan (latency
 * charged to the robot, status "busy"), so the plot shows the time of each plan that was computed.
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
    /** Height of an overrun tick [px]. */
    static final int TICK = 6;

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
            plot(g, 0, width, height, "v [m/s]", data::v, data::cmdV, null, false, text);
            plot(g, 1, width, height, "\u03c9 [rad/s]", data::omega, data::cmdOmega, null, false, text);
            plot(g, 2, width, height, "planning [ms]", data::planMs, null, data::overrun, true, text);
        } finally {
            g.dispose();
        }
    }

    /**
     * The frame of one plot (its curves' area) in a plot column.
     *
     * @param index  0: v, 1: ω, 2: planning time.
     * @param x      left edge of the column [px].
     * @param y      top edge of the column [px].
     * @param width  column width [px].
     * @param height column height [px].
     * @return the rectangle [px]; the curves fill (x, y) to (x + width, y + height) inclusive.
     */
    static java.awt.Rectangle plotBounds(int index, int x, int y, int width, int height) {
        int cell = height / PLOTS;
        int top = index * cell;
        int h = index == PLOTS - 1 ? height - top : cell;
        return new java.awt.Rectangle(x + PAD, y + top + PAD + LABEL, width - 2 * PAD, h - 2 * PAD - LABEL);
    }

    private void plot(Graphics2D g, int index, int width, int height, String title, IntToDoubleFunction measured,
                      IntToDoubleFunction command, IntPredicate ticks, boolean fromZero, boolean text) {
        java.awt.Rectangle r = plotBounds(index, 0, 0, width, height);
        int top = index * (height / PLOTS);
        int x0 = r.x;
        int y0 = r.y;
        int w = r.width;
        int ph = r.height;
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
        boolean ticked = ticks != null && ticks(g, ticks, x0, y0, w, ph);
        g.setClip(clip);
        if (text) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Palette.PLOT_AXIS);
            g.drawString(title + (command != null ? "  (dashed: command)" : "") + (ticked ? "  red: overrun" : ""),
                    x0, top + PAD + 11);
            String range = String.format(Locale.ROOT, "%.3g … %.3g", shownLo, shownHi);
            int tw = g.getFontMetrics().stringWidth(range);
            g.drawString(range, x0 + w - tw, top + PAD + 11);
        }
    }

    /**
     * Marks the cycles a predicate holds for with a tick {@link #TICK} px high, 2 px wide, at the foot of a
     * plot, in the column of the cycle's time (one tick per column).
     *
     * @return whether any cycle was marked.
     */
    private boolean ticks(Graphics2D g, IntPredicate marked, int x0, int y0, int w, int ph) {
        int n = data.cycles();
        double scaleT = w / (tMax - tMin);
        int last = -1;
        g.setColor(Palette.OVERRUN);
        for (int c = 0; c < n; c++) {
            if (!marked.test(c)) {
                continue;
            }
            int col = (int) Math.max(0, Math.min(w - 2, Math.floor((data.time(c) - tMin) * scaleT)));
            if (col != last) {
                g.fillRect(x0 + col, y0 + ph - TICK, 2, TICK);
                last = col;
            }
        }
        return last >= 0;
    }

    /**
     * Draws one series as a min/max envelope per pixel column:
     * column(c) = ⌊(t_c − t_min)/(t_max − t_min) · w⌋; each column gets a vertical segment from the
     * smallest to the largest finite value falling in it, joined from the previous drawn column's last
     * value to its first. Columns without a finite value are skipped.
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
        double cFirst = Double.NaN;
        double cMin = Double.POSITIVE_INFINITY;
        double cMax = Double.NEGATIVE_INFINITY;
        double cLast = Double.NaN;
        double scaleT = w / (tMax - tMin);
        double scaleY = ph / (hi - lo);
        double base = y0 + ph;
        for (int c = 0; c <= n; c++) {
            int k = c < n ? (int) Math.min(w, Math.floor((data.time(c) - tMin) * scaleT)) : Integer.MAX_VALUE;
            if (k != col) {
                // a column without a finite value draws nothing; the line joins its neighbours
                if (col >= 0 && cMin <= cMax) {
                    double px = x0 + col;
                    if (!started) {
                        path.moveTo(px, base - (cFirst - lo) * scaleY);
                        started = true;
                    } else {
                        path.lineTo(px, base - (cFirst - lo) * scaleY);
                    }
                    path.moveTo(px, base - (cMin - lo) * scaleY);
                    path.lineTo(px, base - (cMax - lo) * scaleY);
                    path.moveTo(px, base - (cLast - lo) * scaleY);
                }
                if (c == n) {
                    break;
                }
                col = k;
                cFirst = Double.NaN;
                cMin = Double.POSITIVE_INFINITY;
                cMax = Double.NEGATIVE_INFINITY;
            }
            double val = f.applyAsDouble(c);
            if (Double.isFinite(val)) {
                if (!(cMin <= cMax)) {
                    cFirst = val;
                }
                cMin = Math.min(cMin, val);
                cMax = Math.max(cMax, val);
                cLast = val;
            }
        }
        g.draw(path);
    }
}
