package org.foresight.viz;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.function.Consumer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A Java2D frame whose pixels are a JavaFX image's: a {@link BufferedImage} and a {@link PixelBuffer} share one
 * int array (premultiplied ARGB), so what {@link FrameRenderer} draws with Java2D is what the {@link ImageView}
 * shows, without a copy, and exactly what PNG export writes. The buffers are replaced when the size changes.
 * JavaFX thread only.
 */
final class FrameSurface {
    private final ImageView view;
    private BufferedImage frame;
    private Graphics2D graphics;
    private PixelBuffer<IntBuffer> pixels;

    /** @param view the image view that shows the frame (its image is replaced on every resize). */
    FrameSurface(ImageView view) {
        this.view = view;
    }

    /**
     * Makes the frame w × h pixels, (re)allocating the buffers if the size changed.
     *
     * @param w frame width [px], ≥ 1.
     * @param h frame height [px], ≥ 1.
     * @return whether the buffers were (re)allocated: the first frame or a new size.
     */
    boolean resize(int w, int h) {
        if (frame != null && frame.getWidth() == w && frame.getHeight() == h) {
            return false;
        }
        if (graphics != null) {
            graphics.dispose();
        }
        frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] raw = ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
        pixels = new PixelBuffer<>(w, h, IntBuffer.wrap(raw), PixelFormat.getIntArgbPreInstance());
        graphics = frame.createGraphics();
        view.setImage(new WritableImage(pixels));
        return true;
    }

    /**
     * Runs {@code draw} on the frame's graphics inside the pixel buffer's update, so JavaFX repaints the view
     * once. Call {@link #resize} first.
     *
     * @param draw draws into the frame.
     */
    void draw(Consumer<Graphics2D> draw) {
        pixels.updateBuffer(pb -> {
            draw.accept(graphics);
            return null;
        });
    }
}
