package org.foresight.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * The things a {@link FrameRenderer} draws over the map's cells, in world coordinates through a {@link Viewport}:
 * the reference path, the goal, the lidar scan, the rollouts coloured by weight, polylines such as the plan, the
 * moving obstacles, the robot's footprint and the outline of the pose its odometry gave. The strokes are the map's
 * style, which the legend's swatches repeat.
 */
final class MapLayers {
    /** At most this many lidar rays are drawn (every k-th beam); every hit point is drawn. */
    static final int MAX_RAYS = 180;

    static final Stroke THIN = new BasicStroke(1.0f);
    static final Stroke ROLLOUT = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke TRAIL = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke PLAN = new BasicStroke(3.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke GUIDE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);
    static final Stroke EDGE = new BasicStroke(1.5f);
    /** 2.5 px: wide enough that, whatever the angle, some pixel along the outline is covered whole (exact colour). */
    static final Stroke ESTIMATE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER);

    /** How far ahead a track's prediction is drawn [s]: the default MPPI horizon, 56 steps of 50 ms. */
    static final double PREDICTION_TIME = 2.8;
    /** The speed a track's prediction is clipped to [m/s] (the dynamic-obstacle critic's default). */
    static final double PREDICTION_SPEED = 2.0;
    static final Stroke TRACK = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {5f, 3f}, 0f);
    static final Stroke PREDICTION = new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final ReplayData data;

    /**
     * Draws the layers of a run.
     *
     * @param data the run. Not modified.
     */
    MapLayers(ReplayData data) {
        this.data = data;
    }

    /**
     * The guide the planner followed in cycle c, dashed; for runs that did not record it (or before the first
     * plan, c &lt; 0), the world's reference path (A* on the true map from the start).
     */
    void drawGuide(Graphics2D g, int c, Viewport view, MapArea area) {
        float[] own = c >= 0 ? data.guide(c) : null;
        double[] ref = data.referencePath;
        int n = own != null ? own.length : ref.length;
        if (n < 4) {
            return;
        }
        // the robot's own guide (float, from guides.bin) or, in older runs, the world's reference path
        IntToDoubleFunction coord = own != null ? i -> own[i] : i -> ref[i];
        Path2D.Double path = new Path2D.Double();
        path.moveTo(view.toScreenX(coord.applyAsDouble(0), area), view.toScreenY(coord.applyAsDouble(1), area));
        for (int i = 2; i + 1 < n; i += 2) {
            path.lineTo(view.toScreenX(coord.applyAsDouble(i), area), view.toScreenY(coord.applyAsDouble(i + 1), area));
        }
        g.setColor(Palette.GUIDE);
        g.setStroke(GUIDE);
        g.draw(path);
    }

    /** The goal tolerance disc with a cross on the goal. */
    void drawGoal(Graphics2D g, Viewport view, MapArea area) {
        double gx = view.toScreenX(data.goalX, area);
        double gy = view.toScreenY(data.goalY, area);
        double r = data.goalTolerance * view.scale();
        g.setColor(Palette.GOAL_ZONE);
        g.fill(new Ellipse2D.Double(gx - r, gy - r, 2 * r, 2 * r));
        g.setColor(Palette.GOAL);
        g.setStroke(EDGE);
        g.draw(new Ellipse2D.Double(gx - r, gy - r, 2 * r, 2 * r));
        double m = 6;
        g.draw(new Line2D.Double(gx - m, gy - m, gx + m, gy + m));
        g.draw(new Line2D.Double(gx - m, gy + m, gx + m, gy - m));
    }

    /** The lidar scan of cycle c: every k-th ray from the lidar, and every hit. */
    void drawScan(Graphics2D g, int c, Viewport view, MapArea area) {
        float[] ranges = data.scan(c);
        if (ranges == null || ranges.length == 0 || !Double.isFinite(data.lidarAngleMin)) {
            return;
        }
        // the beams start at the lidar: lidarOffset along the heading from the true centre
        double th = data.theta(c);
        double off = Double.isFinite(data.lidarOffset) ? data.lidarOffset : 0.0;
        double x = data.x(c) + off * Math.cos(th);
        double y = data.y(c) + off * Math.sin(th);
        double ox = view.toScreenX(x, area);
        double oy = view.toScreenY(y, area);
        int every = Math.max(1, (ranges.length + MAX_RAYS - 1) / MAX_RAYS);
        double noReturn = Double.isFinite(data.lidarMaxRange) ? data.lidarMaxRange * (1 - 1e-6) : Double.POSITIVE_INFINITY;
        Path2D.Double rays = new Path2D.Double();
        Path2D.Double hits = new Path2D.Double();
        for (int i = 0; i < ranges.length; i++) {
            double r = ranges[i];
            if (!Double.isFinite(r) || r <= 0) {
                continue;
            }
            double a = th + data.lidarAngleMin + i * data.lidarAngleIncrement;
            double hx = view.toScreenX(x + r * Math.cos(a), area);
            double hy = view.toScreenY(y + r * Math.sin(a), area);
            if (i % every == 0) {
                rays.moveTo(ox, oy);
                rays.lineTo(hx, hy);
            }
            if (r >= noReturn) {
                continue; // nothing was hit along this beam
            }
            // 2×2 px squares on whole pixels, so hits keep their exact colour under antialiasing
            hits.append(new java.awt.Rectangle((int) Math.round(hx) - 1, (int) Math.round(hy) - 1, 2, 2), false);
        }
        g.setStroke(THIN);
        g.setColor(Palette.LIDAR_RAY);
        g.draw(rays);
        g.setColor(Palette.LIDAR_HIT);
        g.fill(hits);
    }

    /** The rollouts of cycle c coloured by weight, the most weighted on top. */
    void drawRollouts(Graphics2D g, int c, Viewport view, MapArea area) {
        float[][] rollouts = data.rollouts(c);
        float[] weights = data.rolloutWeights(c);
        int k = rollouts.length;
        if (k == 0) {
            return;
        }
        double wMax = 0;
        for (float w : weights) {
            if (Float.isFinite(w)) {
                wMax = Math.max(wMax, w);
            }
        }
        // Least weighted first, so that the rollouts the planner favoured are drawn on top.
        long[] keyed = new long[k];
        for (int i = 0; i < k; i++) {
            float w = i < weights.length && Float.isFinite(weights[i]) ? Math.max(0f, weights[i]) : 0f;
            keyed[i] = ((long) Float.floatToIntBits(w) << 32) | i;
        }
        Arrays.sort(keyed);
        g.setStroke(ROLLOUT);
        for (long key : keyed) {
            int i = (int) (key & 0xFFFFFFFFL);
            double w = Float.intBitsToFloat((int) (key >>> 32));
            drawPolyline(g, rollouts[i], view, area, Palette.rollout(wMax > 0 ? w / wMax : 0.0), null);
        }
    }

    /** A polyline, interleaved x,y [m]; a null stroke keeps the current one. */
    static void drawPolyline(Graphics2D g, float[] xy, Viewport view, MapArea area, Color color, Stroke stroke) {
        if (xy.length < 4) {
            return;
        }
        Path2D.Float path = new Path2D.Float(Path2D.WIND_NON_ZERO, xy.length / 2);
        path.moveTo(view.toScreenX(xy[0], area), view.toScreenY(xy[1], area));
        for (int i = 2; i + 1 < xy.length; i += 2) {
            path.lineTo(view.toScreenX(xy[i], area), view.toScreenY(xy[i + 1], area));
        }
        g.setColor(color);
        if (stroke != null) {
            g.setStroke(stroke);
        }
        g.draw(path);
    }

    /** The moving obstacles of cycle c as discs. */
    void drawMovingObstacles(Graphics2D g, int c, Viewport view, MapArea area) {
        double[] o = data.obstacles(c);
        g.setStroke(EDGE);
        for (int i = 0; i + 2 < o.length; i += 3) {
            double px = view.toScreenX(o[i], area);
            double py = view.toScreenY(o[i + 1], area);
            double r = o[i + 2] * view.scale();
            Ellipse2D.Double disc = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            g.setColor(Palette.MOVING);
            g.fill(disc);
            g.setColor(Palette.MOVING.darker());
            g.draw(disc);
        }
    }

    /**
     * The moving obstacles the planner was told of in cycle c (its tracks): a dashed outline of each disc and its
     * constant-velocity prediction over {@link #PREDICTION_TIME}, the speed clipped to {@link #PREDICTION_SPEED}
     * (the dynamic-obstacle critic's defaults), ending in the predicted outline:
     * c(τ) = p + v̂·τ, v̂ = v·min(1, s_max/|v|).
     */
    void drawTracks(Graphics2D g, int c, Viewport view, MapArea area) {
        double[] k = data.tracks(c);
        for (int i = 0; i + 6 < k.length; i += 7) {
            double x = k[i + 1];
            double y = k[i + 2];
            double vx = k[i + 3];
            double vy = k[i + 4];
            double s = Math.hypot(vx, vy);
            double f = s > PREDICTION_SPEED ? PREDICTION_SPEED / s : 1.0;
            double ex = x + f * vx * PREDICTION_TIME;
            double ey = y + f * vy * PREDICTION_TIME;
            double px = view.toScreenX(x, area);
            double py = view.toScreenY(y, area);
            double qx = view.toScreenX(ex, area);
            double qy = view.toScreenY(ey, area);
            double r = k[i + 5] * view.scale();
            g.setColor(Palette.PREDICTION);
            g.setStroke(PREDICTION);
            g.draw(new Line2D.Double(px, py, qx, qy));
            g.draw(new Ellipse2D.Double(qx - r, qy - r, 2 * r, 2 * r));
            g.setColor(Palette.TRACK);
            g.setStroke(TRACK);
            g.draw(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
        }
    }

    /**
     * The footprint rectangle, corners at (±L/2, ±W/2) rotated by θ:
     * p = (x, y) + R(θ)·(±L/2, ±W/2), R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]];
     * a triangle inside the front edge marks the heading.
     */
    void drawRobot(Graphics2D g, double x, double y, double theta, Viewport view, MapArea area) {
        double hl = 0.5 * data.footprint.length();
        double hw = 0.5 * data.footprint.width();
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double[][] corners = {{hl, hw}, {-hl, hw}, {-hl, -hw}, {hl, -hw}};
        Path2D.Double body = new Path2D.Double();
        for (int i = 0; i < 4; i++) {
            double wx = x + cos * corners[i][0] - sin * corners[i][1];
            double wy = y + sin * corners[i][0] + cos * corners[i][1];
            double px = view.toScreenX(wx, area);
            double py = view.toScreenY(wy, area);
            if (i == 0) {
                body.moveTo(px, py);
            } else {
                body.lineTo(px, py);
            }
        }
        body.closePath();
        g.setColor(Palette.ROBOT);
        g.fill(body);
        g.setColor(Palette.ROBOT_EDGE);
        g.setStroke(EDGE);
        g.draw(body);
        // Heading mark: from 0.55·L/2 to the front edge, so the centre keeps the body colour.
        double[][] tri = {{hl, 0}, {0.55 * hl, 0.6 * hw}, {0.55 * hl, -0.6 * hw}};
        Path2D.Double mark = new Path2D.Double();
        for (int i = 0; i < 3; i++) {
            double wx = x + cos * tri[i][0] - sin * tri[i][1];
            double wy = y + sin * tri[i][0] + cos * tri[i][1];
            if (i == 0) {
                mark.moveTo(view.toScreenX(wx, area), view.toScreenY(wy, area));
            } else {
                mark.lineTo(view.toScreenX(wx, area), view.toScreenY(wy, area));
            }
        }
        mark.closePath();
        g.fill(mark);
    }

    /**
     * The pose the robot believed it had (its odometry) at cycle c, as an unfilled outline of the footprint,
     * p = (x̂, ŷ) + R(θ̂)·(±L/2, ±W/2), with a tick from 0.55·L/2 to the front edge marking its heading, so that
     * the true robot shows through where they overlap.
     */
    void drawEstimate(Graphics2D g, int c, Viewport view, MapArea area) {
        double[] e = data.estimate(c);
        if (e == null || e.length < 3 || !Double.isFinite(e[0]) || !Double.isFinite(e[1]) || !Double.isFinite(e[2])) {
            return;
        }
        double hl = 0.5 * data.footprint.length();
        double hw = 0.5 * data.footprint.width();
        double cos = Math.cos(e[2]);
        double sin = Math.sin(e[2]);
        double[][] corners = {{hl, hw}, {-hl, hw}, {-hl, -hw}, {hl, -hw}};
        Path2D.Double outline = new Path2D.Double();
        for (int i = 0; i < 4; i++) {
            double px = view.toScreenX(e[0] + cos * corners[i][0] - sin * corners[i][1], area);
            double py = view.toScreenY(e[1] + sin * corners[i][0] + cos * corners[i][1], area);
            if (i == 0) {
                outline.moveTo(px, py);
            } else {
                outline.lineTo(px, py);
            }
        }
        outline.closePath();
        outline.moveTo(view.toScreenX(e[0] + cos * 0.55 * hl, area), view.toScreenY(e[1] + sin * 0.55 * hl, area));
        outline.lineTo(view.toScreenX(e[0] + cos * hl, area), view.toScreenY(e[1] + sin * hl, area));
        g.setColor(Palette.ESTIMATE);
        g.setStroke(ESTIMATE);
        g.draw(outline);
    }
}
