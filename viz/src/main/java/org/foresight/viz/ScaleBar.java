package org.foresight.viz;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.Locale;

/**
 * The scale bar of a {@link FrameRenderer}: a bar of a round length in a bottom corner of the map with its length
 * written above. It is left out when it does not fit.
 *
 * <p>Not thread-safe: one per renderer.
 */
final class ScaleBar {
    /** Thickness of the scale bar [px]; its end ticks rise {@link #TICK} px above it. */
    static final int THICKNESS = 3;
    private static final int TICK = 5;

    private Rectangle scaleBounds;
    private double scaleMetres = Double.NaN;

    /** Forgets the last frame's scale bar (it is left out until drawn again). */
    void reset() {
        scaleBounds = null;
        scaleMetres = Double.NaN;
    }

    /** Where the scale bar's box went in the last frame (frame pixels), or null when it was left out. Not a copy. */
    Rectangle bounds() {
        return scaleBounds;
    }

    /** Length the scale bar of the last frame stands for [m]; NaN when it was left out. */
    double metres() {
        return scaleMetres;
    }

    /**
     * The scale bar: a round length L ∈ {1, 2, 5}·10^k m, the longest with L · scale ≤ map width / 6, drawn
     * as a bar exactly round(L · scale) px long with its length written above, in a bottom corner (left
     * unless the legend, null when left out, is there).
     */
    void draw(Graphics2D g, FontMetrics fm, MapArea area, int top, int bottom, Viewport view, Rectangle legend) {
        double metres = roundLength(area.width() / 6.0 / view.scale());
        int len = (int) Math.round(metres * view.scale());
        String label = lengthLabel(metres);
        int w = Math.max(len, fm.stringWidth(label)) + 2 * OverlayBox.PAD;
        int h = OverlayBox.PAD + fm.getAscent() + 3 + TICK + THICKNESS + OverlayBox.PAD;
        if (len < 8 || w > area.width() / 2 || h > (bottom - top) / 3) {
            return;
        }
        int y = bottom - OverlayBox.MARGIN - h;
        Rectangle box = new Rectangle(area.x() + OverlayBox.MARGIN, y, w, h);
        if (legend != null && box.intersects(legend)) {
            box = new Rectangle(area.x() + area.width() - OverlayBox.MARGIN - w, y, w, h);
            if (box.intersects(legend)) {
                return;
            }
        }
        OverlayBox.draw(g, box);
        int x0 = box.x + (box.width - len) / 2;
        int barY = box.y + box.height - OverlayBox.PAD - THICKNESS;
        g.setColor(Palette.SCALE_BAR);
        g.fillRect(x0, barY, len, THICKNESS);
        g.fillRect(x0, barY - TICK, 2, TICK);
        g.fillRect(x0 + len - 2, barY - TICK, 2, TICK);
        g.drawString(label, box.x + (box.width - fm.stringWidth(label)) / 2, barY - TICK - 3);
        scaleBounds = box;
        scaleMetres = metres;
    }

    /**
     * The longest round length not above a limit: L = m · 10^k with m ∈ {1, 2, 5} and L ≤ limit.
     *
     * @param limit the limit [m], &gt; 0.
     * @return L [m].
     */
    static double roundLength(double limit) {
        double p = Math.pow(10, Math.floor(Math.log10(limit)));
        // guard the decade boundary against rounding in log10
        if (p > limit) {
            p /= 10;
        } else if (10 * p <= limit) {
            p *= 10;
        }
        double m = limit >= 5 * p ? 5 : limit >= 2 * p ? 2 : 1;
        return m * p;
    }

    /** "1 m", "20 m", "50 cm", "5 mm": a round length in the unit that keeps it a whole number. */
    static String lengthLabel(double metres) {
        if (metres >= 1) {
            return String.format(Locale.ROOT, "%.0f m", metres);
        }
        if (metres >= 0.01) {
            return String.format(Locale.ROOT, "%.0f cm", metres * 100);
        }
        return String.format(Locale.ROOT, "%.0f mm", metres * 1000);
    }
}
