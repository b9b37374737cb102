package org.foresight.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.foresight.dynamics.world.DynaBarn;
import org.foresight.dynamics.world.Pose2;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import picocli.CommandLine.Option;

/**
 * The world options shared by the commands that drive in a world ({@code --world}, {@code --t0}, and for ROS
 * map_server maps {@code --start}/{@code --goal}). Used as a picocli {@code @Mixin}.
 */
public final class WorldOptions {
    @Option(names = "--world", paramLabel = "barn:N|dynabarn:N|FILE",
            description = "barn:N (0..299), dynabarn:N (0..59, the dynamic DynaBARN worlds), a world file in the BARN "
                    + "text format, or a ROS map_server YAML (with --start and --goal).")
    String world;

    @Option(names = "--t0", paramLabel = "SECONDS",
            description = "The world's clock when the robot starts [s], >= 0: the world's moving obstacles have moved "
                    + "for that long (DynaBARN's offset between world start and robot start). Default: 0.")
    double t0;

    @Option(names = "--start", split = ",", paramLabel = "X,Y,THETA",
            description = "Start pose [m, m, rad] for a map_server map.")
    List<Double> start;

    @Option(names = "--goal", split = ",", paramLabel = "X,Y", description = "Goal position [m, m] for a map_server map.")
    List<Double> goal;

    @Option(names = "--goal-tolerance", paramLabel = "METRES",
            description = "Distance from the goal that counts as arrived [m] (default: 1 m, the BARN rule; a small "
                    + "map_server map may want less).")
    Double goalTolerance;

    /**
     * Loads the world the options name.
     *
     * @return the world.
     * @throws IllegalArgumentException naming the option on bad input.
     */
    public World load() {
        if (world == null) {
            throw new IllegalArgumentException("missing required option --world (see the command's --help)");
        }
        if (goalTolerance != null && (!(goalTolerance > 0) || !Double.isFinite(goalTolerance))) {
            throw new IllegalArgumentException("--goal-tolerance must be a finite distance > 0 m, got " + goalTolerance);
        }
        checkT0(t0);
        World w = loadWorld();
        w = goalTolerance == null ? w : w.withGoalTolerance(goalTolerance);
        return atT0(w, t0);
    }

    /**
     * @param t0 {@code --t0} [s].
     * @throws IllegalArgumentException naming the option unless t0 is finite and ≥ 0.
     */
    static void checkT0(double t0) {
        if (!(t0 >= 0) || !Double.isFinite(t0)) {
            throw new IllegalArgumentException("--t0 must be a finite time >= 0 s, got " + t0);
        }
    }

    /**
     * @param w  a world at its start.
     * @param t0 {@code --t0} [s], ≥ 0.
     * @return the world with its clock started t0 before the robot (w itself at 0).
     */
    static World atT0(World w, double t0) {
        return t0 == 0.0 ? w : w.advancedBy(t0);
    }

    private World loadWorld() {
        boolean yaml = world.endsWith(".yaml") || world.endsWith(".yml");
        if (world.startsWith("dynabarn:")) {
            int n;
            try {
                n = Integer.parseInt(world.substring(9).trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0 || n >= DynaBarn.COUNT) {
                throw new IllegalArgumentException("--world " + world + ": DynaBARN index must be an integer 0.."
                        + (DynaBarn.COUNT - 1));
            }
            if (start != null || goal != null) {
                throw new IllegalArgumentException("--start/--goal apply to map_server maps only; DynaBARN worlds fix "
                        + "start and goal");
            }
            return DynaBarn.load(n, 0.0);
        }
        if (!world.startsWith("barn:") && !Files.exists(Path.of(world))) {
            throw new IllegalArgumentException("--world " + world
                    + ": no such file (use barn:N for N in 0..299, dynabarn:N for N in 0..59, a BARN-format world "
                    + "file, or a map_server .yaml)");
        }
        if (yaml) {
            if (start == null || start.size() != 3 || goal == null || goal.size() != 2) {
                throw new IllegalArgumentException("--world " + world
                        + ": a map_server map needs --start X,Y,THETA and --goal X,Y");
            }
            return WorldLoader.loadMapServer(Path.of(world), new Pose2(start.get(0), start.get(1), start.get(2)),
                    goal.get(0), goal.get(1));
        }
        if (start != null || goal != null) {
            throw new IllegalArgumentException("--start/--goal apply to map_server maps only; BARN worlds fix start and goal");
        }
        return WorldLoader.load(world);
    }

    /** The world spec as given. */
    public String spec() {
        return world;
    }
}
