package org.foresight.mpc.perception;

import org.foresight.dynamics.world.Lidar;

/**
 * {@code --perception lidar} in a world with moving obstacles: one scan goes to the {@link DiscTracker}, which
 * follows the clusters the map's settled cells do not explain ({@link SettledCells}), then to the
 * {@link MovingReturnFilter}, which holds the returns of moving and undecided tracks out of the map, and last to the
 * {@link LidarMap}, which integrates the rest and clears the cells under moving tracks. All three share the scan and
 * the believed pose; the sensor sits at the map's {@link LidarMapConfig#sensorOffset()} ahead of the robot.
 * No allocation per scan once the buffers have grown. Not thread-safe; one per episode.
 */
public final class TrackingLidarMap {
    private final LidarMap map;
    private final Lidar lidar;
    private final DiscTracker tracker;
    private final MovingReturnFilter filter;
    private final SettledCells settled;
    private final MovingDiscs clearing = new MovingDiscs();

    /**
     * @param map     the robot's map, written by {@link #scan}.
     * @param lidar   the lidar the scans are taken with.
     * @param tracker the tracker's settings (its static tolerance is also the settled cells').
     * @param filter  the moving filter's settings (its settle age is the settled cells').
     */
    public TrackingLidarMap(LidarMap map, Lidar lidar, TrackerConfig tracker, MovingFilterConfig filter) {
        if (map == null || lidar == null || tracker == null || filter == null) {
            throw new IllegalArgumentException("a tracking lidar map needs its map, lidar and settings");
        }
        this.map = map;
        this.lidar = lidar;
        this.tracker = new DiscTracker(tracker, lidar);
        this.filter = new MovingReturnFilter(filter);
        this.settled = new SettledCells(map, filter.settleAge(), tracker.staticTolerance());
    }

    /** Forgets every track and the settled cells' history; call after the map's {@link LidarMap#reset}. */
    public void reset() {
        tracker.reset();
        settled.reset();
    }

    /**
     * One scan: track, hold, integrate.
     *
     * @param t          scan time [s], not before the previous scan's.
     * @param ranges     ranges [m], one per beam. Not modified.
     * @param robotX     believed robot x [m], finite.
     * @param robotY     believed robot y [m], finite.
     * @param robotTheta believed robot heading [rad], finite.
     */
    public void scan(double t, double[] ranges, double robotX, double robotY, double robotTheta) {
        double off = map.config().sensorOffset();
        double sx = robotX + off * Math.cos(robotTheta);
        double sy = robotY + off * Math.sin(robotTheta);
        tracker.update(t, ranges, sx, sy, robotTheta, settled.at(t));
        filter.mark(tracker, lidar, ranges, sx, sy, robotTheta);
        map.integrate(filter.ranges(), filter.held(), filter.clearing(tracker, clearing), lidar.config(), robotX,
                robotY, robotTheta);
        settled.recorded(t);
    }

    /**
     * @param out (Output) cleared and filled with the confirmed tracks not judged static. Modified.
     * @return out.
     */
    public MovingDiscs movers(MovingDiscs out) {
        return filter.movers(tracker, out);
    }

    /** @return the tracker (read-only use: diagnostics and tests). */
    public DiscTracker tracker() {
        return tracker;
    }
}
