package org.foresight.viz;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.Arrays;

/**
 * The path driven, thinned once: the cycles whose true position is at least {@link #TRAIL_SPACING} from the
 * previous kept one. The index grows with a live run; a frame draws the kept points up to its cycle and then the
 * robot's position. The legend also uses it to keep clear of the path.
 *
 * <p>Not thread-safe: one per renderer.
 */
final class Trail {
    /** Trail points closer than this to the previous kept point are skipped [m]. */
    static final double TRAIL_SPACING = 0.02;

    private final ReplayData data;
    private int[] trail = new int[64];
    private int trailCount;
    private int trailScanned;

    /**
     * An empty trail of a run.
     *
     * @param data the run. Not modified.
     */
    Trail(ReplayData data) {
        this.data = data;
    }

    /** The number of kept points (call {@link #update} first). */
    int count() {
        return trailCount;
    }

    /** The cycle of the i-th kept point, ascending in i. */
    int cycle(int i) {
        return trail[i];
    }

    /** Extends the thinned trail index to cover all cycles so far (live runs grow). */
    void update() {
        int n = data.cycles();
        for (int c = trailScanned; c < n; c++) {
            if (!Double.isFinite(data.x(c)) || !Double.isFinite(data.y(c))) {
                continue;
            }
            if (trailCount > 0) {
                int last = trail[trailCount - 1];
                if (Math.hypot(data.x(c) - data.x(last), data.y(c) - data.y(last)) < TRAIL_SPACING) {
                    continue;
                }
            }
            if (trailCount == trail.length) {
                trail = Arrays.copyOf(trail, 2 * trail.length);
            }
            trail[trailCount++] = c;
        }
        trailScanned = n;
    }

    /** Draws the path driven up to cycle c (which must exist). */
    void draw(Graphics2D g, int c, Viewport view, MapArea area) {
        update();
        Path2D.Double path = new Path2D.Double();
        boolean any = false;
        for (int i = 0; i < trailCount && trail[i] <= c; i++) {
            int k = trail[i];
            double px = view.toScreenX(data.x(k), area);
            double py = view.toScreenY(data.y(k), area);
            if (!any) {
                path.moveTo(px, py);
                any = true;
            } else {
                path.lineTo(px, py);
            }
        }
        if (any) {
            path.lineTo(view.toScreenX(data.x(c), area), view.toScreenY(data.y(c), area));
            g.setColor(Palette.TRAIL);
            g.setStroke(MapLayers.TRAIL);
            g.draw(path);
        }
    }
}
