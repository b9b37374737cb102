package org.foresight.examples.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.foresight.dynamics.sim.OdometryConfig;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.mpc.loop.EpisodeConfig;
import org.foresight.mpc.loop.Sensing;
import org.foresight.mpc.perception.LidarMapConfig;
import org.foresight.mpc.perception.MovingFilterConfig;
import org.foresight.mpc.perception.TrackerConfig;
import picocli.CommandLine.Option;

/**
 * What the robot knows, shared by {@code navigate} and {@code bench} as a picocli {@code @Mixin}:
 * {@code --protocol}, {@code --perception}, {@code --localization}, {@code --lidar}, {@code --odometry},
 * {@code --tracker}, {@code --moving-filter}.
 */
public final class SensingOptions {
    @Option(names = "--protocol", paramLabel = "barn|oracle",
            description = "barn: what a BARN entry had, a lidar and odometry, the odometry corrected by matching scans "
                    + "against the robot's own map (--perception lidar --localization scanmatch), with measured latency. "
                    + "oracle: the exact map and the true pose (--perception map --localization truth). Explicit "
                    + "--perception/--localization/--latency override it (barn with --perception map or tracked: "
                    + "odometry). Default: barn for bench, oracle for navigate.")
    String protocol;

    @Option(names = "--perception", paramLabel = "map|future|tracked|lidar",
            description = "What the planner knows of obstacles: map (the exact static map and the true moving obstacles, "
                    + "an oracle), future (the exact static map and each moving obstacle's true future path: the upper "
                    + "bound of prediction), tracked (the exact static map; moving obstacles only as tracked in the lidar "
                    + "scans) or lidar (a map built from the scans of a Hokuyo UST-10LX, 720 beams over 270 degrees, 30 m, 1 cm "
                    + "noise, 0.065 m behind the centre; unknown space counts as free).")
    String perception;

    @Option(names = "--localization", paramLabel = "truth|odometry|scanmatch",
            description = "Where the planner's state comes from: truth, odometry (wheel speeds with a scale error "
                    + "and a gyro with a walking bias, dead-reckoned; it drifts about 1 %% of distance), or scanmatch "
                    + "(that odometry corrected every cycle by matching the scan against the robot's lidar map; needs "
                    + "--perception lidar). Collisions and the score always use the true pose.")
    String localization;

    @Option(names = "--lidar", split = ",", paramLabel = "KEY=VAL",
            description = "Change the lidar or its map: beams, fov_deg, range_m, noise_m (sensor), resolution_m "
                    + "(map cell, default 0.05).")
    Map<String, String> lidar = new LinkedHashMap<>();

    @Option(names = "--odometry", split = ",", paramLabel = "KEY=VAL",
            description = "Change the odometry's errors: wheelScaleStd (dimensionless), wheelNoise [m/s/sqrt(s)], "
                    + "gyroNoise [rad/s/sqrt(s)], gyroBiasStd [rad/s], gyroBiasWalk [rad/s/sqrt(s)].")
    Map<String, String> odometry = new LinkedHashMap<>();

    @Option(names = "--tracker", split = ",", paramLabel = "KEY=VAL",
            description = "Change the lidar tracker of moving obstacles (--perception lidar or tracked): the keys of "
                    + "TrackerConfig, e.g. accelNoise (q of the constant-velocity filter) [m^2/s^3], measurementStd [m], "
                    + "gate [m], confirmHits, maxCoast [s], hiddenCoast [s], staticTolerance, clusterGap, minPoints, "
                    + "minRadius, maxRadius, splitProminence [m].")
    Map<String, String> tracker = new LinkedHashMap<>();

    @Option(names = "--moving-filter", split = ",", paramLabel = "KEY=VAL",
            description = "Change how the lidar map keeps tracked moving obstacles' returns out (--perception lidar): "
                    + "the keys of MovingFilterConfig, e.g. holdMargin, backoff, moveDistance [m], staticAge [s], "
                    + "staticSpeed [m/s], clearFraction, settleAge [s].")
    Map<String, String> movingFilter = new LinkedHashMap<>();

    /**
     * @param p one perception ("map" or "lidar"), or null for the protocol's.
     * @return a copy of these options with it.
     */
    SensingOptions withPerception(String p) {
        SensingOptions o = new SensingOptions();
        o.protocol = protocol;
        o.perception = p;
        o.localization = localization;
        o.lidar = lidar;
        o.odometry = odometry;
        o.tracker = tracker;
        o.movingFilter = movingFilter;
        return o;
    }

    /**
     * @param defaultProtocol the command's default, "barn" or "oracle".
     * @return the protocol in force.
     * @throws IllegalArgumentException naming {@code --protocol} for an unknown one.
     */
    String protocol(String defaultProtocol) {
        String p = protocol == null ? defaultProtocol : protocol.toLowerCase(Locale.ROOT);
        if (!p.equals("barn") && !p.equals("oracle")) {
            throw new IllegalArgumentException("--protocol " + protocol + ": expected barn or oracle");
        }
        return p;
    }

    /**
     * @param defaultProtocol the command's default protocol.
     * @return what the robot knows.
     * @throws IllegalArgumentException naming the option and the reason.
     */
    Sensing sensing(String defaultProtocol) {
        boolean barn = protocol(defaultProtocol).equals("barn");
        Sensing.Perception per = barn ? Sensing.Perception.LIDAR : Sensing.Perception.MAP;
        Sensing.Localization loc = barn ? Sensing.Localization.SCANMATCH : Sensing.Localization.TRUTH;
        if (perception != null) {
            per = switch (perception.toLowerCase(Locale.ROOT)) {
                case "map" -> Sensing.Perception.MAP;
                case "lidar" -> Sensing.Perception.LIDAR;
                case "tracked" -> Sensing.Perception.TRACKED;
                case "future" -> Sensing.Perception.FUTURE;
                default -> throw new IllegalArgumentException("--perception " + perception
                        + ": expected map, future, tracked or lidar");
            };
        }
        if (loc == Sensing.Localization.SCANMATCH && per != Sensing.Perception.LIDAR) {
            loc = Sensing.Localization.ODOMETRY; // barn with the map given: nothing of the robot's own to match against
        }
        if (localization != null) {
            loc = switch (localization.toLowerCase(Locale.ROOT)) {
                case "truth" -> Sensing.Localization.TRUTH;
                case "odometry" -> Sensing.Localization.ODOMETRY;
                case "scanmatch" -> Sensing.Localization.SCANMATCH;
                default -> throw new IllegalArgumentException("--localization " + localization
                        + ": expected truth, odometry or scanmatch");
            };
        }
        if (loc == Sensing.Localization.SCANMATCH && per != Sensing.Perception.LIDAR) {
            throw new IllegalArgumentException("--localization scanmatch: matches scans against the lidar map, needs "
                    + "--perception lidar (got " + per.name().toLowerCase(Locale.ROOT) + ")");
        }
        double res = LidarMapConfig.DEFAULT_RESOLUTION;
        if (lidar.containsKey("resolution_m")) {
            res = number("--lidar", "resolution_m", lidar.get("resolution_m"));
            if (!(res > 0)) {
                throw new IllegalArgumentException("--lidar resolution_m=" + lidar.get("resolution_m")
                        + ": the map's cell must be > 0 m");
            }
        }
        return new Sensing(per, loc, res, RecordOverrides.apply("--tracker", TrackerConfig.defaults(), tracker),
                RecordOverrides.apply("--moving-filter", MovingFilterConfig.defaults(), movingFilter));
    }

    /**
     * The episode config with this sensing and its sensors (the lidar and odometry as changed by the options).
     *
     * @param cfg             the config so far.
     * @param defaultProtocol the command's default protocol.
     * @return the config.
     */
    EpisodeConfig apply(EpisodeConfig cfg, String defaultProtocol) {
        Sensing s = sensing(defaultProtocol);
        EpisodeConfig c = cfg.withSensing(s);
        if (s.needsLidar()) {
            c = c.withSim(c.sim().withLidar(lidarConfig()));
        }
        if (s.localization().usesOdometry()) {
            c = c.withSim(c.sim().withOdometry(odometryConfig()));
        }
        return c;
    }

    /** @return the lidar of {@code --lidar} (the Hokuyo UST-10LX changed by the options). */
    LidarConfig lidarConfig() {
        LidarConfig h = LidarConfig.HOKUYO_UST10LX;
        int beams = h.beams();
        double fov = h.fieldOfView();
        double range = h.maxRange();
        double noise = h.noiseStd();
        for (Map.Entry<String, String> e : lidar.entrySet()) {
            double v = number("--lidar", e.getKey(), e.getValue());
            switch (e.getKey()) {
                case "beams" -> {
                    if (v != Math.rint(v) || v < 1 || v > 100_000) {
                        throw new IllegalArgumentException("--lidar beams=" + e.getValue() + ": must be a whole number "
                                + "in [1, 100000]");
                    }
                    beams = (int) v;
                }
                case "fov_deg" -> fov = Math.toRadians(v);
                case "range_m" -> range = v;
                case "noise_m" -> noise = v;
                case "resolution_m" -> { }
                default -> throw new IllegalArgumentException("--lidar " + e.getKey() + ": unknown key (known: beams, "
                        + "fov_deg, range_m, noise_m, resolution_m)");
            }
        }
        try {
            return new LidarConfig(beams, fov, range, noise);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lidar: " + e.getMessage());
        }
    }

    /** @return the odometry of {@code --odometry} (Jackal-like, changed by the options). */
    OdometryConfig odometryConfig() {
        OdometryConfig o = OdometryConfig.JACKAL;
        double[] v = {o.wheelScaleStd(), o.wheelNoise(), o.gyroNoise(), o.gyroBiasStd(), o.gyroBiasWalk()};
        String[] keys = {"wheelScaleStd", "wheelNoise", "gyroNoise", "gyroBiasStd", "gyroBiasWalk"};
        for (Map.Entry<String, String> e : odometry.entrySet()) {
            int k = java.util.Arrays.asList(keys).indexOf(e.getKey());
            if (k < 0) {
                throw new IllegalArgumentException("--odometry " + e.getKey() + ": unknown key (known: "
                        + String.join(", ", keys) + ")");
            }
            v[k] = number("--odometry", e.getKey(), e.getValue());
        }
        try {
            return new OdometryConfig(v[0], v[1], v[2], v[3], v[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--odometry: " + e.getMessage());
        }
    }

    static double number(String option, String key, String value) {
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + key + "=" + value + ": not a number");
        }
    }
}
