package org.foresight.viz;

import java.awt.Graphics2D;
import java.awt.Rectangle;

/** The box an overlay over the map (legend, scale bar) is drawn in: its spacing and its look. */
final class OverlayBox {
    /** Gap between an overlay and the edge of the map [px]. */
    static final int MARGIN = 8;
    /** Padding inside an overlay box [px]. */
    static final int PAD = 6;

    private OverlayBox() {
    }

    /** Fills the box and frames it with a crisp 1 px line inside it. */
    static void draw(Graphics2D g, Rectangle box) {
        g.setColor(Palette.OVERLAY_BG);
        g.fillRect(box.x, box.y, box.width, box.height);
        g.setColor(Palette.OVERLAY_EDGE);
        g.setStroke(MapLayers.THIN);
        // on pixel centres: a crisp 1 px frame inside the box (the renderer strokes pure geometry)
        g.draw(new java.awt.geom.Rectangle2D.Double(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1));
    }
}
