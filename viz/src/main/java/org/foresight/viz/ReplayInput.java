package org.foresight.viz;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;

/**
 * How the mouse and the keys drive a {@link ReplayWindow}, through its public controls only. Mouse on the map:
 * drag (primary or middle button) pans and ends follow-robot, the wheel zooms at the pointer, a double click fits
 * the world. Keys: space play/pause, ←/→ step one cycle, F follow, 0 fit, M robot's map only. The keys are the
 * window's wherever the focus is: they are caught by a filter in the capturing phase and consumed, because
 * clicking the timeline focuses the slider, and the slider's own ←/→ handling (a block increment, which in a short
 * run jumps to the first or last cycle) would otherwise win.
 *
 * <p>JavaFX thread only.
 */
final class ReplayInput {
    /** Wheel zoom per unit of scroll delta (a notch of 40 zooms by about 6 %). */
    private static final double ZOOM_PER_DELTA = 1.0015;

    private final ReplayWindow window;
    private double dragX;
    private double dragY;

    private ReplayInput(ReplayWindow window) {
        this.window = window;
    }

    /**
     * Binds the mouse on the map pane and the keys of the scene to the window.
     *
     * @param window the window driven.
     * @param map    the pane that shows the frame.
     * @param scene  the window's scene.
     */
    static void install(ReplayWindow window, Pane map, Scene scene) {
        ReplayInput in = new ReplayInput(window);
        map.setOnMousePressed(e -> {
            in.dragX = e.getX();
            in.dragY = e.getY();
        });
        map.setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                window.viewport().pan(e.getX() - in.dragX, e.getY() - in.dragY);
                window.setFollow(false);
                in.dragX = e.getX();
                in.dragY = e.getY();
            }
        });
        map.setOnScroll(e -> {
            window.viewport().zoomAt(Math.pow(ZOOM_PER_DELTA, e.getDeltaY()), e.getX(), e.getY(), window.mapArea());
            window.requestRedraw();
        });
        map.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                window.fit();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (in.key(e.getCode())) {
                e.consume();
            }
        });
    }

    /** Acts on a key; returns whether it was one of the window's. */
    private boolean key(KeyCode k) {
        if (k == KeyCode.SPACE) {
            window.setPlaying(!window.isPlaying());
        } else if (k == KeyCode.LEFT) {
            window.step(-1);
        } else if (k == KeyCode.RIGHT) {
            window.step(+1);
        } else if (k == KeyCode.F) {
            window.setFollow(!window.viewport().follow());
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
            window.fit();
        } else if (k == KeyCode.M) {
            window.setRobotMapOnly(!window.robotMapOnly());
        } else {
            return false;
        }
        return true;
    }
}
