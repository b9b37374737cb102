package org.foresight.viz;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.Locale;

/** The heads-up line of a {@link FrameRenderer}: time, speeds, planner state and outcome of the cycle shown. */
final class Hud {
    private final ReplayData data;

    /**
     * A heads-up line of a run.
     *
     * @param data the run. Not modified.
     */
    Hud(ReplayData data) {
        this.data = data;
    }

    /**
     * The heads-up line for a cycle (also used as the window's accessible text). With a state estimate it says how
     * far the robot's belief was from the truth: "odom err" |(x̂, ŷ) − (x, y)| [cm].
     */
    String text(int c) {
        if (c < 0 || c >= data.cycles()) {
            return String.format(Locale.ROOT, "%s   no cycles yet   outcome %s", data.worldName, data.outcome());
        }
        double err = estimateError(c);
        return String.format(Locale.ROOT,
                "t %7.2f s   v %5.2f m/s   \u03c9 %5.2f rad/s   mode %s   status %s   plan %s%s   outcome %s   cycle %d/%d   %s",
                data.time(c), data.v(c), data.omega(c), data.mode(c), data.status(c),
                // NaN: the planner was still busy with an earlier plan (charged latency), none started this cycle
                Double.isFinite(data.planMs(c)) ? String.format(Locale.ROOT, "%.1f ms", data.planMs(c)) : "in flight",
                Double.isNaN(err) ? "" : String.format(Locale.ROOT, "   odom err %.1f cm", 100 * err),
                data.outcome(), c + 1, data.cycles(), data.worldName);
    }

    /**
     * How far the robot's position estimate was from the true position in cycle c: |(x̂, ŷ) − (x, y)| [m].
     *
     * @param c the cycle.
     * @return the distance [m], or NaN when the robot was given the true state.
     */
    double estimateError(int c) {
        double[] e = data.estimate(c);
        if (e == null || e.length < 2) {
            return Double.NaN;
        }
        return Math.hypot(e[0] - data.x(c), e[1] - data.y(c));
    }

    /**
     * Draws the heads-up bar across the top of the frame, with its text when text can be drawn.
     *
     * @param textOk whether text can be drawn.
     * @return whether text can still be drawn (false once drawing it failed).
     */
    boolean draw(Graphics2D g, FrameLayout layout, int c, boolean textOk) {
        g.setColor(Palette.HUD_BG);
        g.fillRect(0, 0, layout.width(), layout.hudHeight());
        if (!textOk) {
            return false;
        }
        try {
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
            g.setColor(Palette.HUD_TEXT);
            g.drawString(text(c), 8, layout.hudHeight() - 7);
            return true;
        } catch (RuntimeException | Error e) {
            // A machine without any font (fontconfig finds none) cannot draw text; draw the rest.
            return false;
        }
    }
}
