package org.foresight.examples.cli;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.World;
import picocli.CommandLine.Option;

/**
 * Moving clutter for any world: {@code --moving-obstacles N} bouncing discs placed at random in the world's
 * field ({@link MovingObstacle#random(World, int, double, double, double, long)}), with {@code --obstacle-radius}
 * and {@code --obstacle-speed MIN,MAX}. They are added to the world's own moving obstacles (a DynaBARN world's
 * keep moving) and start where they are placed when the robot starts. Used as a picocli {@code @Mixin}.
 */
public final class MovingObstacleOptions {
    @Option(names = "--moving-obstacles", paramLabel = "N",
            description = "Add N moving discs that bounce off walls, placed at random (seeded) in the world's field. "
                    + "Default: 0.")
    int count;

    @Option(names = "--obstacle-radius", paramLabel = "METRES",
            description = "Radius of the --moving-obstacles discs [m]. Default: " + MovingObstacle.RANDOM_RADIUS + ".")
    double radius = MovingObstacle.RANDOM_RADIUS;

    @Option(names = "--obstacle-speed", split = ",", paramLabel = "MIN,MAX",
            description = "Speed range of the --moving-obstacles discs [m/s], each disc's speed uniform in it. "
                    + "Default: " + MovingObstacle.RANDOM_MIN_SPEED + "," + MovingObstacle.RANDOM_MAX_SPEED + ".")
    List<Double> speed;

    /**
     * Checks the options; call before any output is started.
     *
     * @throws IllegalArgumentException naming the option.
     */
    public void validate() {
        if (count < 0) {
            throw new IllegalArgumentException("--moving-obstacles must be >= 0, got " + count);
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("--obstacle-radius must be a finite distance > 0 m, got " + radius);
        }
        if (speed != null && (speed.size() != 2 || !(speed.get(0) >= 0) || !(speed.get(1) >= speed.get(0))
                || !Double.isFinite(speed.get(1)))) {
            throw new IllegalArgumentException("--obstacle-speed must be MIN,MAX with 0 <= MIN <= MAX m/s, got " + speed);
        }
    }

    /** @return the number of discs to add. */
    public int count() {
        return count;
    }

    /**
     * @param world the world. Not modified.
     * @param seed  placement seed (same seed, same discs).
     * @return the world with the discs added to its own moving obstacles, or the world itself for N = 0.
     * @throws IllegalArgumentException naming the option when the options are bad or the discs do not fit.
     */
    public World apply(World world, long seed) {
        validate();
        if (count == 0) {
            return world;
        }
        double lo = speed == null ? MovingObstacle.RANDOM_MIN_SPEED : speed.get(0);
        double hi = speed == null ? MovingObstacle.RANDOM_MAX_SPEED : speed.get(1);
        List<MovingDisc> all = new ArrayList<>(world.movingObstacles());
        try {
            all.addAll(MovingObstacle.random(world, count, radius, lo, hi, seed));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--moving-obstacles " + count + ": " + e.getMessage(), e);
        }
        return world.withMovingObstacles(all);
    }

    /** @return a label for run metadata, e.g. "none" or "6 r=0.2 m v=0.3..0.8 m/s". */
    public String label() {
        if (count == 0) {
            return "none";
        }
        double lo = speed == null ? MovingObstacle.RANDOM_MIN_SPEED : speed.get(0);
        double hi = speed == null ? MovingObstacle.RANDOM_MAX_SPEED : speed.get(1);
        return count + " r=" + radius + " m v=" + lo + ".." + hi + " m/s";
    }
}
