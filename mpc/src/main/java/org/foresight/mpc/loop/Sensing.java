package org.foresight.mpc.loop;

import org.foresight.mpc.perception.LidarMapConfig;
import org.foresight.mpc.perception.MovingFilterConfig;
import org.foresight.mpc.perception.TrackerConfig;

/**
 * What the robot knows in an episode, and how it comes to know it.
 *
 * <ul>
 *   <li>{@link Perception#MAP}: the planner is given the world's exact static map (an oracle).
 *   <li>{@link Perception#TRACKED}: the exact static map, and the moving obstacles as tracked in the lidar scans.
 *   <li>{@link Perception#FUTURE}: the exact static map, and each moving obstacle's true future path (an oracle).
 *   <li>{@link Perception#LIDAR}: the planner sees only a {@link org.foresight.mpc.perception.LidarMap} built from
 *       the scans of the simulator's lidar (which needs {@code SimConfig.lidar}); the guide is A* on that map,
 *       unknown cells traversable. In a world with moving obstacles the same scans feed a
 *       {@link org.foresight.mpc.perception.DiscTracker}, whose moving tracks the planner is told of and whose
 *       returns {@link org.foresight.mpc.perception.MovingReturnFilter} keeps out of the map.
 *   <li>{@link Localization#TRUTH}: the planner is given the true state.
 *   <li>{@link Localization#ODOMETRY}: the planner, the map and the guide live in the odometry frame of the
 *       simulator's {@link org.foresight.dynamics.sim.Odometry} (which needs {@code SimConfig.odometry}).
 *   <li>{@link Localization#SCANMATCH}: the same odometry, corrected every cycle by matching the scan against the
 *       lidar map before it is integrated; the frame is the odometry frame at the start.
 * </ul>
 * Collision and the score always use the true pose.
 *
 * @param perception   map or lidar.
 * @param localization truth, odometry or scanmatch (only with lidar perception).
 * @param mapResolution the lidar map's cell edge [m], &gt; 0 (used with {@link Perception#LIDAR}; the map covers
 *                      the world's grid, see {@link LidarMapConfig#covering}).
 * @param tracker       the lidar tracker of moving obstacles (with {@link Perception#LIDAR} and
 *                      {@link Perception#TRACKED} in a world with moving obstacles).
 * @param movingFilter  how the lidar map keeps tracked moving obstacles' returns out (with {@link Perception#LIDAR}).
 */
public record Sensing(Perception perception, Localization localization, double mapResolution, TrackerConfig tracker,
                      MovingFilterConfig movingFilter) {
    /** Where the obstacles the planner sees come from. */
    public enum Perception {
        /** The exact static map. */
        MAP,
        /** A map built from lidar scans alone (and, with moving obstacles, the tracks of the same scans). */
        LIDAR,
        /**
         * The exact static map, and the moving obstacles only as a {@link org.foresight.mpc.perception.DiscTracker}
         * follows them in the lidar scans (needs {@code SimConfig.lidar}).
         */
        TRACKED,
        /**
         * The oracle of the true future: the exact static map and each moving obstacle's true path over the
         * planner's horizon (its keyframes, or its bounces), the upper bound of prediction.
         */
        FUTURE
    }

    /** Where the state the planner sees comes from. */
    public enum Localization {
        /** The true state. */
        TRUTH,
        /** The robot's odometry estimate. */
        ODOMETRY,
        /**
         * The odometry estimate corrected by matching each scan against the robot's own lidar map
         * ({@link org.foresight.mpc.perception.MapLocalizer}); needs {@link Perception#LIDAR}.
         */
        SCANMATCH;

        /** @return whether the state comes from the simulator's odometry (corrected or not). */
        public boolean usesOdometry() {
            return this != TRUTH;
        }
    }

    /** Validates the enums. */
    public Sensing {
        if (perception == null || localization == null) {
            throw new IllegalArgumentException("sensing needs a perception and a localization");
        }
        if (localization == Localization.SCANMATCH && perception != Perception.LIDAR) {
            throw new IllegalArgumentException("scanmatch localization matches scans against the lidar map: it needs "
                    + "lidar perception, got " + perception.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!(mapResolution > 0) || !Double.isFinite(mapResolution)) {
            throw new IllegalArgumentException("lidar map resolution must be a finite length > 0 m, got " + mapResolution);
        }
        if (tracker == null || movingFilter == null) {
            throw new IllegalArgumentException("sensing needs a tracker and a moving-return filter configuration");
        }
    }

    /**
     * With the default tracker and moving-return filter.
     *
     * @param perception    map, lidar, tracked or future.
     * @param localization  truth, odometry or scanmatch.
     * @param mapResolution the lidar map's cell edge [m], &gt; 0.
     */
    public Sensing(Perception perception, Localization localization, double mapResolution) {
        this(perception, localization, mapResolution, TrackerConfig.defaults(), MovingFilterConfig.defaults());
    }

    /** @return whether this perception reads the simulator's lidar (lidar or tracked). */
    public boolean needsLidar() {
        return perception == Perception.LIDAR || perception == Perception.TRACKED;
    }

    /** @return the oracle: exact map, true state. */
    public static Sensing oracle() {
        return new Sensing(Perception.MAP, Localization.TRUTH, LidarMapConfig.DEFAULT_RESOLUTION);
    }

    /**
     * @return the BARN condition: a lidar map, and odometry corrected by scan-to-map matching (the robot's own
     *         localisation from its two sensors, as a BARN entry's stack would run one).
     */
    public static Sensing barn() {
        return new Sensing(Perception.LIDAR, Localization.SCANMATCH, LidarMapConfig.DEFAULT_RESOLUTION);
    }

    /** @return e.g. "lidar+scanmatch", "lidar+odometry" or "map+truth". */
    public String label() {
        return perception.name().toLowerCase(java.util.Locale.ROOT) + "+"
                + localization.name().toLowerCase(java.util.Locale.ROOT);
    }
}
