package org.foresight.viz;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

/**
 * The replay window: the frame drawn by {@link FrameRenderer} (map, robot, plan, rollouts, heads-up
 * line, side plots) above a control bar with play/pause, step back/forward, a timeline slider
 * [s], a playback speed slider (0.1× to 10×), fit, follow-robot and, for a run in which the robot built its own
 * map, "robot's map only" (hides what the robot had not seen yet). Drag pans, the wheel zooms at the
 * pointer, a double click fits the world. Keys: space play/pause, ←/→ step, F follow, 0 fit, M robot's map only
 * (the bindings: {@link ReplayInput}).
 *
 * <p>The frame is drawn with Java2D straight into the pixels of a JavaFX image ({@link FrameSurface}), so the
 * window shows exactly what PNG export writes, without copying. A frame is drawn only when something changed.
 *
 * <p>Create, use and close on the JavaFX thread only.
 */
public final class ReplayWindow {
    /** Slowest playback speed (× real time). */
    public static final double MIN_SPEED = 0.1;
    /** Fastest playback speed (× real time). */
    public static final double MAX_SPEED = 10.0;

    private static final String PLAY = "\u25b6 play";
    private static final String PAUSE = "pause";

    private final ReplayData data;
    private final FrameRenderer renderer;
    private final Viewport view = new Viewport();
    private final Stage stage;
    private final Pane canvasPane = new Pane();
    private final ImageView imageView = new ImageView();
    private final Slider timeline = new Slider(0, 1, 0);
    private final Slider speedSlider = new Slider(Math.log10(MIN_SPEED), Math.log10(MAX_SPEED), 0);
    private final Label speedLabel = new Label("1.0\u00d7");
    private final Label timeLabel = new Label();
    private final Button playButton = new Button(PLAY);
    private final CheckBox followBox = new CheckBox("follow robot");
    private final CheckBox robotMapBox = new CheckBox("robot's map only");
    private final AnimationTimer timer;

    private final FrameSurface surface = new FrameSurface(imageView);
    private int cycle;
    private double playTime;
    private boolean playing;
    private double speed = 1.0;
    private long lastPulse = -1;
    private boolean dirty = true;
    private boolean fitted;
    private boolean updatingSlider;
    private boolean stickToLatest = true;
    private int lastDataVersion = -1;
    private Runnable pulseHook;
    private long framesDrawn;

    /**
     * Builds the window (not yet shown).
     *
     * @param data  the run to show; a live run may grow (see {@link LiveView}).
     * @param stage the stage to fill.
     * @param title window title.
     */
    public ReplayWindow(ReplayData data, Stage stage, String title) {
        this.data = data;
        this.renderer = new FrameRenderer(data);
        this.stage = stage;
        stage.setTitle(title);

        imageView.setPreserveRatio(false);
        imageView.setSmooth(false);
        canvasPane.getChildren().add(imageView);
        canvasPane.setMinSize(FrameLayout.MIN_SIDE, FrameLayout.MIN_SIDE);
        canvasPane.setPrefSize(FrameExporter.DEFAULT_WIDTH, FrameExporter.DEFAULT_HEIGHT);
        canvasPane.widthProperty().addListener((o, a, b) -> dirty = true);
        canvasPane.heightProperty().addListener((o, a, b) -> dirty = true);

        playButton.setTooltip(new Tooltip("play / pause (space)"));
        playButton.setMinWidth(70);
        playButton.setOnAction(e -> setPlaying(!playing));
        Button back = new Button("\u25c0 step");
        back.setTooltip(new Tooltip("step back (\u2190)"));
        back.setOnAction(e -> step(-1));
        Button fwd = new Button("step \u25b6");
        fwd.setTooltip(new Tooltip("step forward (\u2192)"));
        fwd.setOnAction(e -> step(+1));
        Button fit = new Button("fit");
        fit.setTooltip(new Tooltip("show the whole world (0)"));
        fit.setOnAction(e -> fit());
        followBox.setOnAction(e -> {
            view.setFollow(followBox.isSelected());
            dirty = true;
        });
        robotMapBox.setTooltip(new Tooltip("hide what the robot had not seen yet: draw its own map, not the world (M)"));
        robotMapBox.setOnAction(e -> setRobotMapOnly(robotMapBox.isSelected()));
        robotMapBox.setDisable(!data.hasKnownMap());
        timeline.setFocusTraversable(false);
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updatingSlider) {
                // a click or drag on the slider: show that time's cycle and its time in the label
                playTime = b.doubleValue();
                showCycle(data.cycleAt(playTime));
                stickToLatest = data.live && cycle >= data.cycles() - 1;
                updateTimeLabel();
            }
        });
        speedSlider.setPrefWidth(110);
        speedSlider.setFocusTraversable(false);
        speedSlider.valueProperty().addListener((o, a, b) -> setSpeed(Math.pow(10, b.doubleValue())));
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeLabel.setMinWidth(130);
        HBox controls = new HBox(6, back, playButton, fwd, timeline, timeLabel, new Label("speed"), speedSlider,
                speedLabel, fit, followBox, robotMapBox);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4, 8, 4, 8));
        for (javafx.scene.Node node : controls.getChildren()) {
            node.setFocusTraversable(false);
        }

        BorderPane root = new BorderPane(canvasPane);
        root.setBottom(controls);
        Scene scene = new Scene(root);
        ReplayInput.install(this, canvasPane, scene);
        stage.setScene(scene);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> timer.stop());
        updateTimeline();
        timer.start();
    }

    /** Shows the window. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    /** Closes the window. */
    public void close() {
        timer.stop();
        stage.close();
    }

    /** The stage. */
    public Stage stage() {
        return stage;
    }

    /** The camera of the map (pan, zoom, follow). */
    public Viewport viewport() {
        return view;
    }

    /** The run shown. */
    public ReplayData data() {
        return data;
    }

    /** The cycle shown. */
    public int cycle() {
        return cycle;
    }

    /** Number of frames drawn so far (for tests and diagnostics). */
    public long framesDrawn() {
        return framesDrawn;
    }

    /** The map area inside the frame, in frame pixels (frame pixel = scene pixel of the image view). */
    public MapArea mapArea() {
        return FrameLayout.of(frameWidth(), frameHeight()).map();
    }

    /** The image view showing the frame (its top-left is frame pixel (0, 0)). */
    public ImageView imageView() {
        return imageView;
    }

    /**
     * Shows a banner across the top of the map (e.g. that a live run is over), or removes it.
     *
     * @param text the text, or null for none.
     * @param good green (true) or red (false) banner.
     */
    public void setBanner(String text, boolean good) {
        renderer.setBanner(text, good);
        dirty = true;
    }

    /** The banner shown across the top of the map, or null. */
    public String banner() {
        return renderer.banner();
    }

    /** The text of the time label beside the timeline, e.g. "3.25 / 19.95 s". */
    public String timeText() {
        return timeLabel.getText();
    }

    /** The timeline slider (for tests: its value is a time [s]). */
    Slider timeline() {
        return timeline;
    }

    /**
     * Shows a cycle (clamped to the run) and stops following the newest cycle of a live run.
     *
     * @param c the cycle.
     */
    public void setCycle(int c) {
        showCycle(c);
        playTime = data.cycles() == 0 ? 0.0 : data.time(cycle);
        stickToLatest = data.live && cycle >= data.cycles() - 1;
        updateTimeline();
    }

    /**
     * Moves by whole cycles and pauses.
     *
     * @param delta cycles to move (negative: back).
     */
    public void step(int delta) {
        setPlaying(false);
        setCycle(cycle + delta);
    }

    /** Starts or pauses playback. Starting at the end restarts from the beginning. */
    public void setPlaying(boolean play) {
        if (play && data.cycles() > 0 && cycle >= data.cycles() - 1 && !data.live) {
            setCycle(0);
        }
        playing = play;
        lastPulse = -1;
        playButton.setText(play ? PAUSE : PLAY);
    }

    /** Whether playback is running. */
    public boolean isPlaying() {
        return playing;
    }

    /**
     * Sets the playback speed, clamped to [{@link #MIN_SPEED}, {@link #MAX_SPEED}].
     *
     * @param factor simulated seconds per wall-clock second.
     */
    public void setSpeed(double factor) {
        speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, factor));
        speedLabel.setText(String.format(Locale.ROOT, speed < 1 ? "%.2f\u00d7" : "%.1f\u00d7", speed));
        double log = Math.log10(speed);
        if (Math.abs(speedSlider.getValue() - log) > 1e-9) {
            speedSlider.setValue(log);
        }
    }

    /** The playback speed (× real time). */
    public double speed() {
        return speed;
    }

    /** Turns follow-robot on or off. */
    public void setFollow(boolean follow) {
        view.setFollow(follow);
        followBox.setSelected(follow);
        dirty = true;
    }

    /**
     * Draws only what the robot had seen (its own map) instead of the true world's obstacles, or the true world
     * again. Has no visible effect on a run in which the robot was given the map.
     *
     * @param on whether to hide what the robot had not seen.
     */
    public void setRobotMapOnly(boolean on) {
        renderer.setRobotMapOnly(on);
        robotMapBox.setSelected(on);
        dirty = true;
    }

    /** Whether only the robot's own map is drawn (see {@link #setRobotMapOnly}). */
    public boolean robotMapOnly() {
        return renderer.robotMapOnly();
    }

    /** Fits the whole world into the view and ends follow-robot. */
    public void fit() {
        Viewport v = renderer.fitView(frameWidth(), frameHeight());
        view.centerOn(v.centerX(), v.centerY());
        view.setScale(v.scale());
        setFollow(false);
        fitted = true;
        dirty = true;
    }

    /** Marks the frame for redrawing at the next pulse (after the data or the view changed). */
    public void requestRedraw() {
        dirty = true;
    }

    /** Code to run on every pulse before drawing (the live view drains its queue here). */
    void setPulseHook(Runnable hook) {
        this.pulseHook = hook;
    }

    private void showCycle(int c) {
        int n = data.cycles();
        int clamped = n == 0 ? 0 : Math.max(0, Math.min(n - 1, c));
        if (clamped != cycle) {
            cycle = clamped;
            dirty = true;
        }
    }

    private int frameWidth() {
        return Math.max(FrameLayout.MIN_SIDE, (int) Math.round(canvasPane.getWidth() > 0 ? canvasPane.getWidth()
                : canvasPane.getPrefWidth()));
    }

    private int frameHeight() {
        return Math.max(FrameLayout.MIN_SIDE, (int) Math.round(canvasPane.getHeight() > 0 ? canvasPane.getHeight()
                : canvasPane.getPrefHeight()));
    }

    private void pulse(long now) {
        if (pulseHook != null) {
            pulseHook.run();
        }
        if (data.version() != lastDataVersion) {
            lastDataVersion = data.version();
            if (data.live && stickToLatest && data.cycles() > 0) {
                showCycle(data.cycles() - 1);
                playTime = data.time(cycle);
            }
            updateTimeline();
            robotMapBox.setDisable(!data.hasKnownMap()); // a live run's map appears with its first scan
            dirty = true;
        }
        if (playing && data.cycles() > 0) {
            if (lastPulse >= 0) {
                playTime += (now - lastPulse) * 1e-9 * speed;
            }
            lastPulse = now;
            if (playTime >= data.endTime()) {
                playTime = data.endTime();
                if (!data.live) {
                    setPlaying(false);
                }
            }
            int c = data.cycleAt(playTime);
            if (c != cycle) {
                showCycle(c);
                updateTimeline();
            }
        }
        if (dirty) {
            draw();
        }
    }

    private void updateTimeline() {
        updatingSlider = true;
        try {
            double t0 = data.cycles() == 0 ? 0.0 : data.time(0);
            double t1 = Math.max(data.endTime(), t0 + 1e-6);
            timeline.setMin(t0);
            timeline.setMax(t1);
            timeline.setValue(data.cycles() == 0 ? t0 : data.time(cycle));
            updateTimeLabel();
        } finally {
            updatingSlider = false;
        }
    }

    /** The label shows the start time of the cycle shown and the end time of the run [s]. */
    private void updateTimeLabel() {
        timeLabel.setText(String.format(Locale.ROOT, "%.2f / %.2f s", data.cycles() == 0 ? 0.0 : data.time(cycle),
                data.endTime()));
    }

    private void draw() {
        int w = frameWidth();
        int h = frameHeight();
        if (surface.resize(w, h) && !fitted) {
            fit();
        }
        dirty = false;
        surface.draw(g -> renderer.render(g, w, h, cycle, view));
        framesDrawn++;
    }
}
